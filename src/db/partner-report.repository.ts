// Partner report links and the counts a report shows (domain/partner-report). Counts come from the
// `counts` table the signing transaction keeps, so a report costs a few grouped rows, not a scan of
// signatures; a link's use is counted and audited in the transaction that checks it.
import type { ActorRef } from '../domain/account/account.js';
import type { RosterCampaign } from '../domain/campaign/campaign-roster.ports.js';
import type {
  OpenedReport,
  PartnerReportStore,
  ReportCounts,
  ReportLink,
  ReportUse,
} from '../domain/partner-report/partner-report.ports.js';
import type { PetitionNames } from '../domain/petition/petition.js';
import { countedStatus } from '../domain/signature/signature.js';
import { recordAudit } from './audit.repository.js';
import { onSourceText } from './campaign-source-text.js';
import { KyselyStore, num } from './kysely-store.js';
import { inPageOrder, rosterCampaign } from './roster-writes.js';
import { repeatStatus } from './signature-effects.js';

export class PartnerReportRepository extends KyselyStore implements PartnerReportStore {
  campaign(slug: string): Promise<RosterCampaign | undefined> {
    return rosterCampaign(this.db, slug);
  }

  partners(campaignId: number): Promise<{ id: number; name: string }[]> {
    return inPageOrder(this.db, 'partners', campaignId).select(['id', 'name']).execute();
  }

  async links(campaignId: number): Promise<ReportLink[]> {
    const rows = await this.db
      .selectFrom('partner_report_links as l')
      .innerJoin('partners as p', 'p.id', 'l.partner_id')
      .leftJoin('users as u', 'u.id', 'l.created_by')
      .select([
        'l.id',
        'l.partner_id',
        'p.name',
        'l.created_at',
        'u.email',
        'l.expires_at',
        'l.revoked_at',
        'l.last_used_at',
        'l.uses',
      ])
      .where('l.campaign_id', '=', campaignId)
      .orderBy('l.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      partnerId: r.partner_id,
      partnerName: r.name,
      createdAt: num(r.created_at),
      createdBy: r.email,
      expiresAt: num(r.expires_at),
      revokedAt: r.revoked_at === null ? null : num(r.revoked_at),
      lastUsedAt: r.last_used_at === null ? null : num(r.last_used_at),
      uses: num(r.uses),
    }));
  }

  createLink(
    link: { campaignId: number; partnerId: number; tokenHash: string; expiresAt: number },
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number } | 'no_partner'> {
    return this.db.transaction().execute(async (trx) => {
      const partner = await trx
        .selectFrom('partners')
        .select('name')
        .where('id', '=', link.partnerId)
        .where('campaign_id', '=', link.campaignId)
        .executeTakeFirst();
      if (!partner) return 'no_partner' as const;
      const row = await trx
        .insertInto('partner_report_links')
        .values({
          campaign_id: link.campaignId,
          partner_id: link.partnerId,
          token_hash: link.tokenHash,
          created_by: actor.id,
          created_at: now,
          expires_at: link.expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: 'partner-report.link-created',
        entityType: 'campaign',
        entityId: link.campaignId,
        after: { link: row.id, partner: partner.name, expiresAt: link.expiresAt },
        now,
      });
      return { id: row.id };
    });
  }

  revokeLink(campaignId: number, linkId: number, actor: ActorRef, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('partner_report_links')
        .set({ revoked_at: now })
        .where('id', '=', linkId)
        .where('campaign_id', '=', campaignId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      await recordAudit(trx, {
        actor,
        action: 'partner-report.link-revoked',
        entityType: 'campaign',
        entityId: campaignId,
        after: { link: linkId },
        now,
      });
      return true;
    });
  }

  openLink(tokenHash: string, use: ReportUse, now: number): Promise<OpenedReport | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('partner_report_links as l')
        .innerJoin('partners as p', 'p.id', 'l.partner_id')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .leftJoin('campaign_translations as t', onSourceText)
        .select([
          'l.id',
          'l.expires_at',
          'p.name',
          'c.id as campaign_id',
          'c.slug',
          'c.status',
          'c.petition_names',
          't.headline',
        ])
        .where('l.token_hash', '=', tokenHash)
        .where('l.revoked_at', 'is', null)
        .where('l.expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return undefined;
      await trx
        .updateTable('partner_report_links')
        .set((eb) => ({ uses: eb('uses', '+', 1), last_used_at: now }))
        .where('id', '=', row.id)
        .execute();
      // No account did this: the audit names the link and the partner it was made for, never the visitor.
      await recordAudit(trx, {
        actor: null,
        action: use === 'page' ? 'partner-report.viewed' : 'partner-report.downloaded',
        entityType: 'campaign',
        entityId: row.campaign_id,
        after: { link: row.id, partner: row.name, ...(use === 'page' ? {} : { file: use }) },
        now,
      });
      return {
        linkId: row.id,
        partnerName: row.name,
        expiresAt: num(row.expires_at),
        campaign: {
          id: row.campaign_id,
          slug: row.slug,
          status: row.status,
          headline: row.headline,
          petitionNames: row.petition_names as PetitionNames,
        },
      };
    });
  }

  async counts(campaignId: number): Promise<ReportCounts> {
    const rows = await this.db
      .selectFrom('counts')
      .select(['locale', 'country', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', '=', campaignId)
      .where('status', 'in', [countedStatus, repeatStatus])
      .groupBy(['locale', 'country'])
      .execute();
    const byCountry = new Map<string, number>();
    const byLanguage = new Map<string, number>();
    let total = 0;
    for (const r of rows) {
      const n = num(r.n);
      if (n === 0) continue;
      total += n;
      byLanguage.set(r.locale, (byLanguage.get(r.locale) ?? 0) + n);
      if (r.country !== '') byCountry.set(r.country, (byCountry.get(r.country) ?? 0) + n);
    }
    const most = <K extends string>(m: Map<string, number>, key: K) =>
      [...m]
        .map(([k, n]) => ({ [key]: k, n }) as { [P in K]: string } & { n: number })
        .sort((a, b) => b.n - a.n || (a[key] < b[key] ? -1 : 1));
    return { total, byCountry: most(byCountry, 'country'), byLanguage: most(byLanguage, 'locale') };
  }

  async petitionNames(campaignId: number): Promise<PetitionNames> {
    const row = await this.db
      .selectFrom('campaigns')
      .select('petition_names')
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return row.petition_names as PetitionNames;
  }
}
