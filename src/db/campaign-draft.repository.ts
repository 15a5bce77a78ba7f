// Writes new draft campaigns (domain/campaign/create-campaign.ts): the campaign row, its source-language
// text as a draft, partners with their descriptions, targets and the audit entry, in one transaction. When
// the draft comes from an approved request, the approval (with its mail) commits in the same transaction,
// or nothing does. A slug taken meanwhile (by a campaign, or as another campaign's old slug) is reported,
// never overwritten.
import type { CampaignDraft, CampaignDraftStore, DraftOutcome } from '../domain/campaign/create-campaign.js';
import { recordAudit } from './audit.repository.js';
import { insertPartners, insertTargets } from './campaign.repository.js';
import { isUniqueViolation, markRequestApproved } from './campaign-request.repository.js';
import type { Db } from './database.js';
import { KyselyStore } from './kysely-store.js';

class Abort extends Error {
  constructor(readonly outcome: DraftOutcome) {
    super(outcome.status);
  }
}

export class CampaignDraftRepository extends KyselyStore implements CampaignDraftStore {
  constructor(
    db: Db,
    /** Lets cached readers forget a slug they looked up (and missed) before it existed. */
    private readonly onCreate: (campaign: { id: number; slug: string }) => void = () => {},
  ) {
    super(db);
  }

  async slugExists(slug: string): Promise<boolean> {
    const [current, old] = await Promise.all([
      this.db.selectFrom('campaigns').select('id').where('slug', '=', slug).executeTakeFirst(),
      this.db.selectFrom('campaign_slugs').select('slug').where('slug', '=', slug).executeTakeFirst(),
    ]);
    return current !== undefined || old !== undefined;
  }

  async create(
    draft: CampaignDraft,
    meta: Parameters<CampaignDraftStore['create']>[1],
  ): Promise<DraftOutcome> {
    const { actor, now, approving } = meta;
    let id: number;
    try {
      id = await this.db.transaction().execute(async (trx) => {
        // The old-slug table has its own primary key; a slug must be unique across both.
        const old = await trx
          .selectFrom('campaign_slugs')
          .select('slug')
          .where('slug', '=', draft.slug)
          .executeTakeFirst();
        if (old) throw new Abort({ status: 'slug_taken' });
        const { id } = await trx
          .insertInto('campaigns')
          .values({
            slug: draft.slug,
            status: 'draft',
            source_locale: draft.sourceLocale,
            more_info_url: draft.moreInfoUrl,
            photo_path: draft.photoPath,
            goal: null,
            starts_at: null,
            ends_at: null,
            closed_at: null,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('campaign_translations')
          .values({
            campaign_id: id,
            locale: draft.sourceLocale,
            status: 'draft',
            headline: draft.headline,
            background_md: draft.backgroundMd,
            default_message: draft.defaultMessage,
            target_subject: draft.targetSubject,
            outcome_md: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await insertPartners(trx, id, draft.partners);
        const targets = draft.targets.map((t) => ({ kind: 'target' as const, name: t.name, email: t.email }));
        await insertTargets(trx, id, targets, now);
        await recordAudit(trx, {
          actor,
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: id,
          after: {
            slug: draft.slug,
            sourceLocale: draft.sourceLocale,
            headline: draft.headline,
            partners: draft.partners.length,
            targets: draft.targets.length,
            ...(approving ? { fromRequest: approving.requestId } : {}),
          },
          now,
        });
        if (approving) {
          const approved = await markRequestApproved(trx, {
            requestId: approving.requestId,
            from: approving.from,
            campaignId: id,
            slug: draft.slug,
            actor,
            now,
            mails: approving.mails,
          });
          if (!approved) throw new Abort({ status: 'request_changed' });
        }
        return id;
      });
    } catch (error) {
      if (error instanceof Abort) return error.outcome;
      if (isUniqueViolation(error)) return { status: 'slug_taken' };
      throw error;
    }
    this.onCreate({ id, slug: draft.slug });
    return { status: 'created', id };
  }
}
