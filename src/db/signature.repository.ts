// Signatures after they are written: confirmation (guarded so two clicks confirm once), the lookups the
// confirm page and mails need, expiry of unconfirmed ones, and the reconcile that rebuilds counts.
import { type Kysely, sql } from 'kysely';
import type { SignatureStatus } from '../domain/signature/signature.js';
import type {
  ConfirmOutcome,
  SignatureConfirmer,
  SignatureForMail,
  SignatureMailReader,
  SignatureMaintenance,
} from '../domain/signature/signature.ports.js';
import type { Db } from './database.js';
import type { NewJob } from './job.repository.js';
import { joinListFromSignature } from './list-member.repository.js';
import type { Database } from './schema.js';
import {
  type CampaignDelivery,
  CountDeltas,
  campaignDelivery,
  flushJobs,
  releaseSignature,
  repeatStatus,
} from './signature-effects.js';

export class SignatureRepository implements SignatureConfirmer, SignatureMailReader, SignatureMaintenance {
  private readonly db: Kysely<Database>;
  constructor(
    db: Db,
    private readonly onCountsChanged?: (campaignIds: number[]) => void,
  ) {
    this.db = db.kysely;
  }

  async peek(tokenHash: string) {
    const row = await this.db
      .selectFrom('signatures as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select(['s.status', 's.locale', 's.created_at', 'c.slug'])
      .where('s.confirm_token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        status: row.status as SignatureStatus,
        campaignSlug: row.slug,
        locale: row.locale,
        createdAt: row.created_at,
      }
    );
  }

  async confirm(tokenHash: string, now: number, expiresAfterMs: number): Promise<ConfirmOutcome> {
    const counts = new CountDeltas();
    const outcome = await this.db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
      const s = await trx
        .selectFrom('signatures as s')
        .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
        .select([
          's.id',
          's.status',
          's.locale',
          's.country',
          's.source',
          's.created_at',
          's.campaign_id',
          's.supporter_id',
          'c.slug',
          'c.status as campaign_status',
        ])
        .where('s.confirm_token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!s) return { status: 'unknown' };
      const where = { signatureId: s.id, campaignSlug: s.slug, locale: s.locale };
      if (s.status === 'confirmed') return { status: 'already', ...where };
      if (s.status === 'invalid') return { status: 'invalid' };
      if (s.status === 'expired' || s.created_at + expiresAfterMs < now) return { status: 'expired' };
      const updated = await trx
        .updateTable('signatures')
        .set({ status: 'confirmed', confirmed_at: now })
        .where('id', '=', s.id)
        .where('status', 'in', ['pending', 'held'])
        .executeTakeFirst();
      // Someone else's click won the race: the signature is confirmed either way.
      if (Number(updated.numUpdatedRows) !== 1) return { status: 'already', ...where };
      // The link reached its owner: from now on targets may reply to this address (decision 0015).
      await trx
        .updateTable('supporters')
        .set({ email_confirmed_at: now })
        .where('id', '=', s.supporter_id)
        .where('email_confirmed_at', 'is', null)
        .execute();
      // A ticked alerts box takes the person onto the list of the signature's language (decision 0019).
      await joinListFromSignature(trx, {
        supporterId: s.supporter_id,
        campaignId: s.campaign_id,
        locale: s.locale,
        now,
      });
      const key = {
        campaignId: s.campaign_id,
        locale: s.locale,
        country: s.country ?? '',
        source: s.source ?? '',
      };
      counts.add({ ...key, status: s.status }, -1);
      counts.add({ ...key, status: 'confirmed' }, 1);
      await counts.write(trx);
      const jobs: NewJob[] = [];
      const delivery: CampaignDelivery = await campaignDelivery(trx, new Map(), s.campaign_id);
      await releaseSignature(
        trx,
        { id: s.id, campaignId: s.campaign_id, country: s.country },
        delivery,
        now,
        jobs,
      );
      await flushJobs(trx, jobs, now);
      return { status: 'confirmed', ...where };
    });
    if (outcome.status === 'confirmed') this.onCountsChanged?.(counts.campaignIds);
    return outcome;
  }

  async forMail(signatureId: number): Promise<SignatureForMail | undefined> {
    const row = await this.db
      .selectFrom('signatures as s')
      .innerJoin('supporters as p', 'p.id', 's.supporter_id')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select([
        's.id',
        's.status',
        's.locale',
        's.name',
        'p.email',
        's.campaign_id',
        'c.slug',
        'c.source_locale',
      ])
      .where('s.id', '=', signatureId)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        status: row.status as SignatureStatus,
        locale: row.locale,
        name: row.name,
        email: row.email,
        campaignId: row.campaign_id,
        campaignSlug: row.slug,
        sourceLocale: row.source_locale,
      }
    );
  }

  /**
   * Unconfirmed signatures older than the limit are deleted, with what they carried: the name, union,
   * message and network hash, the alerts consent given with them, and the supporter when nothing of theirs
   * is left. Nobody confirmed them, so nothing of them is kept. Returns how many campaigns had some.
   */
  async expireUnconfirmed(now: number, expiresAfterMs: number): Promise<number> {
    const cutoff = now - expiresAfterMs;
    const expired = await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('signatures')
        .select(['id', 'campaign_id', 'supporter_id'])
        .where('status', 'in', ['pending', 'held', 'expired'])
        .where('created_at', '<', cutoff)
        .execute();
      const byCampaign = new Map<number, number[]>();
      for (const r of rows) {
        const list = byCampaign.get(r.campaign_id);
        if (list) list.push(r.supporter_id);
        else byCampaign.set(r.campaign_id, [r.supporter_id]);
      }
      for (const [campaignId, supporterIds] of byCampaign) {
        for (const part of chunks(supporterIds)) {
          await trx
            .deleteFrom('consents')
            .where('campaign_id', '=', campaignId)
            .where('supporter_id', 'in', part)
            .execute();
        }
      }
      for (const part of chunks(rows.map((r) => r.id))) {
        await trx.deleteFrom('signatures').where('id', 'in', part).execute();
      }
      for (const part of chunks([...new Set(rows.map((r) => r.supporter_id))])) {
        await trx
          .deleteFrom('supporters')
          .where('id', 'in', part)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('signatures')
                  .select('id')
                  .whereRef('signatures.supporter_id', '=', 'supporters.id'),
              ),
            ),
          )
          .execute();
      }
      // The statuses they left are not returned; recompute those campaigns' counts exactly.
      const campaignIds = [...new Set(rows.map((r) => r.campaign_id))];
      for (const id of campaignIds) await rebuildCounts(trx, id);
      return campaignIds;
    });
    if (expired.length > 0) this.onCountsChanged?.(expired);
    return expired.length;
  }

  /**
   * Forgets the network hash of signatures older than `cutoff`: it only serves to review held signatures
   * by network, and held ones keep it until they are confirmed, released or deleted. Returns how many.
   */
  async forgetNetworks(cutoff: number): Promise<number> {
    const result = await this.db
      .updateTable('signatures')
      .set({ ip_hash: null })
      .where('ip_hash', 'is not', null)
      .where('status', '<>', 'held')
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Recomputes every campaign's counts from its signatures and repairs drift. Returns the campaigns whose
   * counts were wrong and by how much (total of absolute differences).
   */
  async reconcileCounts(): Promise<{ campaignId: number; drift: number }[]> {
    const campaigns = await this.db.selectFrom('campaigns').select('id').execute();
    const repaired: { campaignId: number; drift: number }[] = [];
    for (const { id } of campaigns) {
      const drift = await this.db.transaction().execute(async (trx) => {
        const before = await countsOf(trx, id);
        await rebuildCounts(trx, id);
        const after = await countsOf(trx, id);
        let d = 0;
        for (const k of new Set([...before.keys(), ...after.keys()]))
          d += Math.abs((before.get(k) ?? 0) - (after.get(k) ?? 0));
        return d;
      });
      if (drift > 0) repaired.push({ campaignId: id, drift });
    }
    if (repaired.length > 0) this.onCountsChanged?.(repaired.map((r) => r.campaignId));
    return repaired;
  }
}

async function countsOf(trx: Kysely<Database>, campaignId: number): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('counts').selectAll().where('campaign_id', '=', campaignId).execute();
  return new Map(
    rows.filter((r) => r.n !== 0).map((r) => [`${r.locale}|${r.country}|${r.source}|${r.status}`, r.n]),
  );
}

/** Every count row derived from the signatures again; repeats are recorded nowhere else and stay. */
async function rebuildCounts(trx: Kysely<Database>, campaignId: number): Promise<void> {
  await trx
    .deleteFrom('counts')
    .where('campaign_id', '=', campaignId)
    .where('status', '<>', repeatStatus)
    .execute();
  await sql`insert into counts (campaign_id, locale, country, source, status, n)
    select campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status, count(*)
    from signatures where campaign_id = ${campaignId}
    group by campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status`.execute(trx);
}

/** Ids in groups small enough for an `in (…)` list on both databases. */
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
