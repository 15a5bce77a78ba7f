// Storage of the campaign lifecycle: campaigns with their source-language headline and supporter count for
// the editor pages, and transitions written with their audit entry in one transaction. Every write is
// conditional (UPDATE … WHERE status = expected AND ends_at = expected), so a stale form or a second
// worker changes nothing. A close writes the final dossier's row and build job in the same transaction.
// After a commit `onChange` lets the public pages' cache drop the campaign.
import type { Kysely } from 'kysely';
import type { CampaignStatus } from '../domain/campaign/campaign.js';
import type { CampaignLifecycleStore } from '../domain/campaign/campaign.ports.js';
import { type LifecycleCampaign, type LifecycleChange, transitions } from '../domain/campaign/lifecycle.js';
import { campaignRequestMail } from '../domain/campaign-request/campaign-request-mail.js';
import { recordAudit } from './audit.repository.js';
import { CampaignRepository } from './campaign.repository.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import { insertDossier } from './dossier.store.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';

export class CampaignLifecycleRepository extends KyselyStore implements CampaignLifecycleStore {
  private readonly campaigns: CampaignRepository;

  constructor(
    db: Db,
    private readonly onChange: (campaign: { id: number; slug: string }) => void = () => {},
  ) {
    super(db);
    this.campaigns = new CampaignRepository(db);
  }

  private select() {
    return campaignsWithSourceText(this.db).select([
      'c.id',
      'c.slug',
      'c.status',
      'c.source_locale',
      'c.starts_at',
      'c.ends_at',
      'c.closed_at',
      'c.reminder_sent_at',
      't.headline',
      't.status as text_status',
      't.outcome_md',
    ]);
  }

  private async map(rows: Awaited<ReturnType<ReturnType<typeof this.select>['execute']>>) {
    const totals = await this.campaigns.supporterTotals(rows.map((r) => r.id));
    return rows.map(
      (r): LifecycleCampaign => ({
        id: r.id,
        slug: r.slug,
        status: r.status as CampaignStatus,
        sourceLocale: r.source_locale,
        headline: r.headline,
        hasPublishedSource: r.text_status === 'published',
        outcomeMd: r.outcome_md,
        startsAt: r.starts_at === null ? null : Number(r.starts_at),
        endsAt: r.ends_at === null ? null : Number(r.ends_at),
        closedAt: r.closed_at === null ? null : Number(r.closed_at),
        reminderSentAt: r.reminder_sent_at === null ? null : Number(r.reminder_sent_at),
        supporters: totals.get(r.id) ?? 0,
      }),
    );
  }

  async find(slug: string): Promise<LifecycleCampaign | undefined> {
    const [found] = await this.map(await this.select().where('c.slug', '=', slug).execute());
    return found;
  }

  async list(): Promise<LifecycleCampaign[]> {
    return this.map(await this.select().orderBy('c.id', 'desc').execute());
  }

  async ended(now: number): Promise<LifecycleCampaign[]> {
    return this.map(
      await this.select()
        .where('c.status', '=', 'live')
        .where('c.ends_at', '<=', now)
        .orderBy('c.ends_at')
        .execute(),
    );
  }

  async remindersDue(now: number, leadMs: number): Promise<LifecycleCampaign[]> {
    return this.map(
      await this.select()
        .where('c.status', '=', 'live')
        .where('c.ends_at', '>', now)
        .where('c.ends_at', '<=', now + leadMs)
        .where('c.reminder_sent_at', 'is', null)
        .orderBy('c.ends_at')
        .execute(),
    );
  }

  async reminderRecipients(): Promise<{ name: string; email: string; locale: string }[]> {
    return this.db
      .selectFrom('users')
      .select(['name', 'email', 'locale'])
      .where('role', 'in', ['admin', 'editor'])
      .where('disabled_at', 'is', null)
      .where('password_hash', 'is not', null)
      .orderBy('id')
      .execute();
  }

  async markReminded(
    campaignId: number,
    endsAt: number,
    mails: { kind: string; payload: unknown }[],
    now: number,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('campaigns')
        .set({ reminder_sent_at: now })
        .where('id', '=', campaignId)
        .where('status', '=', 'live')
        .where('ends_at', '=', endsAt)
        .where('reminder_sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await enqueueJobs(trx, mails, now);
      return true;
    });
  }

  async apply(change: LifecycleChange): Promise<boolean> {
    const done = await this.db
      .transaction()
      .execute(async (trx) => {
        const before = await trx
          .selectFrom('campaigns')
          .select(['slug', 'status', 'starts_at', 'ends_at', 'closed_at'])
          .where('id', '=', change.campaignId)
          .executeTakeFirst();
        if (!before) return undefined;
        const values = {
          status: change.to,
          updated_at: change.now,
          ...(change.startsAt !== undefined ? { starts_at: change.startsAt } : {}),
          ...(change.endsAt !== undefined ? { ends_at: change.endsAt } : {}),
          ...(change.closedAt !== undefined ? { closed_at: change.closedAt } : {}),
          ...(change.resetReminder ? { reminder_sent_at: null } : {}),
        };
        const updated = await trx
          .updateTable('campaigns')
          .set(values)
          .where('id', '=', change.campaignId)
          .where('status', '=', change.from)
          .where((eb) =>
            change.expectedEndsAt === null
              ? eb('ends_at', 'is', null)
              : eb('ends_at', '=', change.expectedEndsAt),
          )
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return undefined;
        if (change.outcome) {
          const text = await trx
            .updateTable('campaign_translations')
            .set({ outcome_md: change.outcome.markdown, updated_at: change.now })
            .where('campaign_id', '=', change.campaignId)
            .where('locale', '=', change.outcome.locale)
            .executeTakeFirst();
          // The use case checked the source text exists; if it vanished meanwhile, write nothing at all.
          if (Number(text.numUpdatedRows) !== 1) throw new StaleChange();
        }
        const dates = (r: {
          status: string;
          starts_at: number | null;
          ends_at: number | null;
          closed_at: number | null;
        }) => ({
          status: r.status,
          startsAt: r.starts_at === null ? null : Number(r.starts_at),
          endsAt: r.ends_at === null ? null : Number(r.ends_at),
          closedAt: r.closed_at === null ? null : Number(r.closed_at),
        });
        if (change.action === 'launch') await tellRequester(trx, change.campaignId, before.slug, change.now);
        const dossierId = change.finalDossier
          ? await insertDossier(trx, {
              campaignId: change.campaignId,
              kind: 'pdf',
              locale: change.finalDossier.locale,
              countries: [],
              createdBy: change.actor?.id ?? null,
              now: change.now,
              expiresAt: change.finalDossier.expiresAt,
            })
          : undefined;
        await recordAudit(trx, {
          actor: change.actor,
          action: transitions[change.action].audit,
          entityType: 'campaign',
          entityId: change.campaignId,
          before: dates(before),
          after: {
            ...dates({
              status: change.to,
              starts_at: change.startsAt ?? before.starts_at,
              ends_at: change.endsAt ?? before.ends_at,
              closed_at: change.closedAt !== undefined ? change.closedAt : before.closed_at,
            }),
            ...(change.outcome ? { outcome: change.outcome.markdown } : {}),
            ...(dossierId !== undefined ? { dossierId } : {}),
          },
          now: change.now,
        });
        return { id: change.campaignId, slug: before.slug };
      })
      .catch((error: unknown) => {
        if (error instanceof StaleChange) return undefined;
        throw error;
      });
    if (!done) return false;
    this.onChange(done);
    return true;
  }
}

class StaleChange extends Error {}

/** The union whose request became this campaign hears that it is live, in the language it wrote in. */
async function tellRequester(trx: Kysely<Database>, campaignId: number, slug: string, now: number) {
  const request = await trx
    .selectFrom('campaign_requests')
    .select(['id', 'contact_name', 'contact_email', 'contact_locale', 'headline', 'org_name'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (!request) return;
  await enqueueJobs(
    trx,
    [
      campaignRequestMail({
        kind: 'launched',
        requestId: Number(request.id),
        to: { name: request.contact_name, address: request.contact_email },
        locale: request.contact_locale,
        headline: request.headline,
        orgName: request.org_name,
        campaignPath: `/${request.contact_locale}/campaigns/${slug}`,
      }),
    ],
    now,
  );
}
