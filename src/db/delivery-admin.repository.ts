// The editors' side of delivery in the database: the per-target report (message counts by status, last
// error and time, paused domains) and the audited changes that unblock delivery.
import { type Kysely, sql } from 'kysely';
import { addressDomain } from '../domain/delivery/delivery.js';
import type {
  ActorRef,
  DeliveryAdmin,
  DeliveryReport,
  TargetDeliveryRow,
} from '../domain/delivery/delivery.ports.js';
import { recordAudit } from './audit.repository.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import { KyselyStore } from './kysely-store.js';
import { inPageOrder, rosterRow } from './roster-writes.js';
import type { Database, DbHandle } from './schema.js';

export interface DeliveryOverviewRow {
  slug: string;
  status: string;
  deliveryMode: string;
  headline: string;
  counts: Record<string, number>;
  openAlerts: number;
}

export class DeliveryAdminRepository extends KyselyStore implements DeliveryAdmin {
  async report(slug: string): Promise<DeliveryReport | undefined> {
    const campaign = await this.db
      .selectFrom('campaigns')
      .select(['id', 'slug', 'delivery_mode'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!campaign) return undefined;
    const targets = await inPageOrder(this.db, 'targets', campaign.id).selectAll().execute();
    const counts = await this.db
      .selectFrom('messages')
      .select((eb) => [
        'target_id',
        'status',
        'kind',
        eb.fn.countAll<number>().as('n'),
        eb.fn.max('last_attempt_at').as('lastAttempt'),
        eb.fn.max('sent_at').as('lastSent'),
      ])
      .where('campaign_id', '=', campaign.id)
      .groupBy(['target_id', 'status', 'kind'])
      .execute();
    const domains = targets.length
      ? await this.db
          .selectFrom('mail_domains')
          .select(['domain', 'paused_at', 'paused_reason'])
          .where('domain', 'in', [...new Set(targets.map((t) => addressDomain(t.email)))])
          .where('paused_at', 'is not', null)
          .execute()
      : [];
    const paused = new Map(domains.map((d) => [d.domain, d]));
    const rows: TargetDeliveryRow[] = targets.map((t) => {
      const mine = counts.filter((c) => c.target_id === t.id);
      const byStatus: Record<string, number> = {};
      for (const c of mine) {
        const key = c.kind === 'digest' ? `digest_${c.status}` : c.status;
        byStatus[key] = (byStatus[key] ?? 0) + Number(c.n);
      }
      const max = (xs: (number | string | null)[]) => {
        const nums = xs.filter((x) => x !== null).map(Number);
        return nums.length ? Math.max(...nums) : null;
      };
      const domain = paused.get(addressDomain(t.email));
      return {
        id: t.id,
        name: t.name,
        organisation: t.organisation,
        email: t.email,
        kind: t.kind === 'copy' ? 'copy' : 'target',
        status: t.paused_at ? 'paused' : t.status === 'bounced' ? 'bounced' : 'active',
        pausedAt: t.paused_at,
        bouncedAt: t.bounced_at,
        replacedEmail: t.replaced_email,
        lastError: t.last_error,
        counts: byStatus,
        lastAttemptAt: max(mine.map((c) => c.lastAttempt)),
        lastSentAt: max(mine.map((c) => c.lastSent)),
        domainPaused: domain ? { reason: domain.paused_reason, since: domain.paused_at! } : null,
      };
    });
    return {
      campaignId: campaign.id,
      slug: campaign.slug,
      deliveryMode: campaign.delivery_mode,
      targets: rows,
    };
  }

  /** Every campaign with messages or targets: totals by status and open alerts, newest campaign first. */
  async overview(): Promise<DeliveryOverviewRow[]> {
    const campaigns = await campaignsWithSourceText(this.db)
      .select(['c.id', 'c.slug', 'c.status', 'c.delivery_mode as deliveryMode', 't.headline'])
      .where('c.status', 'in', ['live', 'closed'])
      .orderBy('c.id', 'desc')
      .execute();
    const counts = await this.db
      .selectFrom('messages')
      .select((eb) => ['campaign_id', 'status', eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'signature')
      .groupBy(['campaign_id', 'status'])
      .execute();
    const alerts = await this.db
      .selectFrom('alerts')
      .select((eb) => ['campaign_id', eb.fn.countAll<number>().as('n')])
      .where('resolved_at', 'is', null)
      .groupBy('campaign_id')
      .execute();
    return campaigns.map((c) => {
      const byStatus: Record<string, number> = {};
      for (const r of counts) if (r.campaign_id === c.id) byStatus[r.status] = Number(r.n);
      return {
        slug: c.slug,
        status: c.status,
        deliveryMode: c.deliveryMode,
        headline: c.headline ?? c.slug,
        counts: byStatus,
        openAlerts: Number(alerts.find((a) => a.campaign_id === c.id)?.n ?? 0),
      };
    });
  }

  async setTargetPaused(
    campaignId: number,
    targetId: number,
    paused: boolean,
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const before = await rosterRow(trx, 'targets', campaignId, targetId);
      if (!before) return false;
      if (Boolean(before.paused_at) === paused) return true;
      await trx
        .updateTable('targets')
        .set({ paused_at: paused ? now : null })
        .where('id', '=', targetId)
        .execute();
      await recordAudit(trx, {
        actor,
        action: paused ? 'target.paused' : 'target.resumed',
        entityType: 'target',
        entityId: targetId,
        before: { paused: Boolean(before.paused_at) },
        after: { paused },
        now,
      });
      return true;
    });
  }

  async replaceTargetAddress(
    campaignId: number,
    targetId: number,
    email: string,
    actor: ActorRef,
    now: number,
  ): Promise<{ released: number } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const before = await rosterRow(trx, 'targets', campaignId, targetId);
      if (!before) return undefined;
      await trx
        .updateTable('targets')
        .set({
          email,
          status: 'active',
          bounced_at: null,
          last_error: null,
          replaced_email: before.email === email ? before.replaced_email : before.email,
        })
        .where('id', '=', targetId)
        .execute();
      const released = await trx
        .updateTable('messages')
        .set({ status: 'queued', next_attempt_at: null })
        .where('target_id', '=', targetId)
        .where('status', '=', 'held')
        .executeTakeFirst();
      await resolveAlerts(trx, { kind: 'target_bounced', targetId }, now);
      await recordAudit(trx, {
        actor,
        action: 'target.address_replaced',
        entityType: 'target',
        entityId: targetId,
        before: { email: before.email, status: before.status },
        after: { email, status: 'active' },
        now,
      });
      return { released: Number(released.numUpdatedRows) };
    });
  }

  resumeDomain(domain: string, actor: ActorRef, now: number): Promise<boolean> {
    return resumeMailDomain(this.db, domain, actor, now);
  }

  async resendUnknown(campaignId: number, targetId: number, actor: ActorRef, now: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await rosterRow(trx, 'targets', campaignId, targetId))) return 0;
      const result = await trx
        .updateTable('messages')
        .set({
          status: 'queued',
          next_attempt_at: null,
          last_error: sql<string>`'resent by an editor: ' || coalesce(last_error, '')`,
        })
        .where('target_id', '=', targetId)
        .where('status', '=', 'unknown')
        .where('kind', '=', 'signature')
        .executeTakeFirst();
      const count = Number(result.numUpdatedRows);
      if (count > 0) {
        await recordAudit(trx, {
          actor,
          action: 'target.unknown_resent',
          entityType: 'target',
          entityId: targetId,
          after: { messages: count },
          now,
        });
      }
      return count;
    });
  }
}

/**
 * Lifts a destination domain's pause, for target letters and mailings alike (mail_domains is shared): its
 * back-off cleared, its open alerts resolved, the change audited. False when it was not paused.
 */
export function resumeMailDomain(
  db: Kysely<Database>,
  domain: string,
  actor: ActorRef,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('mail_domains')
      .selectAll()
      .where('domain', '=', domain)
      .executeTakeFirst();
    if (!before?.paused_at) return false;
    await trx
      .updateTable('mail_domains')
      .set({ paused_at: null, paused_reason: null, failures: 0, throttled_until: null, updated_at: now })
      .where('domain', '=', domain)
      .execute();
    await resolveAlerts(trx, { kind: 'domain_paused', domain }, now);
    await recordAudit(trx, {
      actor,
      action: 'mail_domain.resumed',
      entityType: 'mail_domain',
      entityId: domain,
      before: { pausedAt: before.paused_at, reason: before.paused_reason },
      after: { pausedAt: null },
      now,
    });
    return true;
  });
}

/** The open alerts about a target's bounced address, or about a domain's pause, marked resolved. */
async function resolveAlerts(
  trx: DbHandle,
  about: { kind: 'target_bounced'; targetId: number } | { kind: 'domain_paused'; domain: string },
  now: number,
): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ resolved_at: now })
    .where((eb) =>
      about.kind === 'target_bounced'
        ? eb('target_id', '=', about.targetId)
        : eb('domain', '=', about.domain),
    )
    .where('kind', '=', about.kind)
    .where('resolved_at', 'is', null)
    .execute();
}
