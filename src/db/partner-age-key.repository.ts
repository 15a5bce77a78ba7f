// Partners' age public keys (decision 0033) on both databases: read per campaign or per report link, and
// changed with its audit entry (the key itself is public, so the entry names it) in one transaction.
import type { ActorRef } from '../domain/account/account.js';
import type { RosterCampaign } from '../domain/campaign/campaign-roster.ports.js';
import type { PartnerAgeKey, PartnerAgeKeyStore } from '../domain/partner-report/partner-age-key.js';
import { recordAudit } from './audit.repository.js';
import { KyselyStore } from './kysely-store.js';
import { inPageOrder, rosterCampaign } from './roster-writes.js';

export class PartnerAgeKeyRepository extends KyselyStore implements PartnerAgeKeyStore {
  campaign(slug: string): Promise<RosterCampaign | undefined> {
    return rosterCampaign(this.db, slug);
  }

  async ageKeys(campaignId: number): Promise<PartnerAgeKey[]> {
    const rows = await inPageOrder(this.db, 'partners', campaignId)
      .select(['id', 'name', 'age_recipient'])
      .execute();
    return rows.map((r) => ({ partnerId: Number(r.id), name: r.name, recipient: r.age_recipient }));
  }

  setAgeKey(
    change: { campaignId: number; partnerId: number; recipient: string | null },
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const partner = await trx
        .selectFrom('partners')
        .select(['name', 'age_recipient'])
        .where('id', '=', change.partnerId)
        .where('campaign_id', '=', change.campaignId)
        .executeTakeFirst();
      if (!partner) return false;
      await trx
        .updateTable('partners')
        .set({ age_recipient: change.recipient })
        .where('id', '=', change.partnerId)
        .execute();
      await recordAudit(trx, {
        actor,
        action: change.recipient === null ? 'partner.age_key_removed' : 'partner.age_key_set',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: { partner: partner.name, ageKey: partner.age_recipient },
        after: { partner: partner.name, ageKey: change.recipient },
        now,
      });
      return true;
    });
  }

  async ageKeyOfLink(linkId: number): Promise<string | null> {
    const row = await this.db
      .selectFrom('partner_report_links as l')
      .innerJoin('partners as p', 'p.id', 'l.partner_id')
      .select('p.age_recipient')
      .where('l.id', '=', linkId)
      .executeTakeFirst();
    return row?.age_recipient ?? null;
  }
}
