// The editor dashboard's reads, each one indexed query. Totals and languages come from the counts table
// (never a count over signatures); the days come from one range over idx_signatures_status_created_at, so
// their cost follows the signatures of the last two weeks, not the size of the table; delivery figures are
// counts over the status-leading message index. bench/dashboard.ts measures them on a million signatures.
import { sql } from 'kysely';
import type { CampaignStatus, TranslationStatus } from '../domain/campaign/campaign.js';
import { dayMs } from '../domain/dashboard/calendar.js';
import type {
  DashboardCampaign,
  DashboardReader,
  DayCount,
  DeliveryHealth,
  LanguageCount,
  TranslationState,
} from '../domain/dashboard/dashboard.ports.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import { KyselyStore, num } from './kysely-store.js';

export class DashboardRepository extends KyselyStore implements DashboardReader {
  async campaigns(statuses: CampaignStatus[]): Promise<DashboardCampaign[]> {
    if (statuses.length === 0) return [];
    const rows = await campaignsWithSourceText(this.db)
      .select([
        'c.id',
        'c.slug',
        'c.status',
        'c.source_locale',
        'c.goal',
        'c.ends_at',
        'c.reminder_sent_at',
        't.headline',
      ])
      .where('c.status', 'in', statuses)
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      status: r.status as CampaignStatus,
      headline: r.headline,
      sourceLocale: r.source_locale,
      goal: r.goal,
      endsAt: r.ends_at === null ? null : num(r.ends_at),
      reminderSentAt: r.reminder_sent_at === null ? null : num(r.reminder_sent_at),
    }));
  }

  async countsByLanguage(campaignIds: number[]): Promise<LanguageCount[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('counts')
      .select(['campaign_id', 'locale', 'status', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', 'in', campaignIds)
      .where('status', 'in', ['confirmed', 'pending', 'held'])
      .groupBy(['campaign_id', 'locale', 'status'])
      .execute();
    return rows
      .map((r) => ({
        campaignId: r.campaign_id,
        locale: r.locale,
        status: r.status as LanguageCount['status'],
        n: num(r.n),
      }))
      .filter((r) => r.n !== 0);
  }

  async countedByDay(since: number): Promise<DayCount[]> {
    // Integer division on both dialects (created_at is an integer / bigint): the UTC day number.
    const day = sql<number | string>`created_at / ${sql.lit(dayMs)}`;
    const rows = await this.db
      .selectFrom('signatures')
      .select(['campaign_id', day.as('day'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', '=', 'confirmed')
      .where('created_at', '>=', since)
      .groupBy(['campaign_id', day])
      .execute();
    return rows.map((r) => ({ campaignId: r.campaign_id, day: num(r.day), n: num(r.n) }));
  }

  async deliveryHealth(): Promise<DeliveryHealth> {
    const statuses = await this.db
      .selectFrom('messages')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', 'in', ['queued', 'deferred', 'unknown', 'held'])
      .groupBy('status')
      .execute();
    const byStatus = new Map(statuses.map((s) => [s.status, num(s.n)]));
    const alerts = await this.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    const paused = await this.db
      .selectFrom('mail_domains')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('paused_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const bounced = await this.db
      .selectFrom('targets as t')
      .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
      .select(['c.slug', 't.id', 't.name', 't.email', 't.bounced_at', 't.last_error'])
      .where('t.status', '=', 'bounced')
      .where('c.status', '=', 'live')
      .orderBy('t.bounced_at', 'desc')
      .orderBy('t.id')
      .execute();
    return {
      queued: byStatus.get('queued') ?? 0,
      deferred: byStatus.get('deferred') ?? 0,
      unknown: byStatus.get('unknown') ?? 0,
      held: byStatus.get('held') ?? 0,
      openAlerts: num(alerts.n),
      pausedDomains: num(paused.n),
      bouncedTargets: bounced.map((b) => ({
        campaignSlug: b.slug,
        targetId: b.id,
        name: b.name,
        email: b.email,
        bouncedAt: b.bounced_at === null ? null : num(b.bounced_at),
        lastError: b.last_error,
      })),
    };
  }

  async translations(campaignIds: number[]): Promise<TranslationState[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('campaign_translations')
      .select(['campaign_id', 'locale', 'status', 'revision', 'source_revision'])
      .where('campaign_id', 'in', campaignIds)
      .execute();
    return rows.map((r) => ({
      campaignId: r.campaign_id,
      locale: r.locale,
      status: r.status as TranslationStatus,
      revision: num(r.revision),
      sourceRevision: num(r.source_revision),
    }));
  }
}
