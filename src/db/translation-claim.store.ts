// Storage of claims on a campaign's language (migration 0031, decision 0042): read one with its holder's
// name, claim (replacing a lapsed claim; the primary key settles two claims at once) and release, each
// change with its audit entry in the same transaction.
import type { Kysely } from 'kysely';
import type { TranslationClaimStore } from '../domain/translation/translation.ports.js';
import type { TranslationClaim } from '../domain/translation/translation-claim.js';
import { recordAudit } from './audit.repository.js';
import type { Db } from './database.js';
import { num } from './kysely-store.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database>;

/** Claims on these campaigns' languages with their holders' names, lapsed or not (the board's reader). */
export async function claimsOn(
  db: Executor,
  campaignIds: readonly number[],
): Promise<(TranslationClaim & { campaignId: number })[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('translation_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.campaign_id', 'c.locale', 'c.user_id', 'c.claimed_at', 'u.name'])
    .where('c.campaign_id', 'in', campaignIds)
    .execute();
  return rows.map((r) => ({
    campaignId: num(r.campaign_id),
    locale: r.locale,
    userId: num(r.user_id),
    name: r.name,
    claimedAt: num(r.claimed_at),
  }));
}

export class KyselyTranslationClaimStore implements TranslationClaimStore {
  private readonly db: Executor;

  constructor(db: Db) {
    this.db = db.kysely;
  }

  async claimOf(campaignId: number, locale: string): Promise<TranslationClaim | undefined> {
    const found = (await claimsOn(this.db, [campaignId])).find((c) => c.locale === locale);
    if (!found) return undefined;
    const { campaignId: _, ...claim } = found;
    return claim;
  }

  claim(change: Parameters<TranslationClaimStore['claim']>[0]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('translation_claims')
        .where('campaign_id', '=', change.campaignId)
        .where('locale', '=', change.locale)
        .where('claimed_at', '<=', change.lapsedBefore)
        .execute();
      const inserted = await trx
        .insertInto('translation_claims')
        .values({
          campaign_id: change.campaignId,
          locale: change.locale,
          user_id: change.actor.id,
          claimed_at: change.now,
        })
        .onConflict((oc) => oc.columns(['campaign_id', 'locale']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      await recordAudit(trx, {
        actor: change.actor,
        action: 'translation.claimed',
        entityType: 'campaign',
        entityId: change.campaignId,
        after: { locale: change.locale },
        now: change.now,
      });
      return true;
    });
  }

  release(change: Parameters<TranslationClaimStore['release']>[0]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('translation_claims')
        .where('campaign_id', '=', change.campaignId)
        .where('locale', '=', change.locale)
        .where('user_id', '=', change.holderId)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return false;
      await recordAudit(trx, {
        actor: change.actor,
        action: 'translation.released',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: { locale: change.locale, holder: change.holderId },
        now: change.now,
      });
      return true;
    });
  }
}
