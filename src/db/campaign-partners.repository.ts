// Storage of a campaign's partner organisations for the editor pages: the list in its order, and changes
// written with their audit entry in one transaction; after each commit `onChange` lets the public pages'
// cache drop the campaign ("In partnership with …" names them).
import type { Selectable } from 'kysely';
import type {
  ActorRef,
  Direction,
  EditorPartner,
  PartnerStore,
} from '../domain/campaign/campaign-roster.ports.js';
import type { PartnerFields } from '../domain/campaign/partner-fields.js';
import { recordAudit } from './audit.repository.js';
import type { PartnersTable } from './campaign.table.js';
import { inPageOrder, RosterStore, rosterRow } from './roster-writes.js';

function partnerFields(p: Selectable<PartnersTable>): PartnerFields {
  return { name: p.name, url: p.url, description: p.description, logoPath: p.logo_path };
}

export class CampaignPartnersRepository extends RosterStore implements PartnerStore {
  async partners(campaignId: number): Promise<EditorPartner[]> {
    const rows = await inPageOrder(this.db, 'partners', campaignId).selectAll().execute();
    return rows.map((p) => ({ id: p.id, position: p.position, ...partnerFields(p) }));
  }

  async addPartner(
    campaignId: number,
    fields: PartnerFields,
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number }> {
    const added = await this.commit(campaignId, async (trx) => {
      const top = await trx
        .selectFrom('partners')
        .select((eb) => eb.fn.max('position').as('top'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      const { id } = await trx
        .insertInto('partners')
        .values({
          campaign_id: campaignId,
          name: fields.name,
          url: fields.url,
          description: fields.description,
          logo_path: fields.logoPath,
          position: top?.top === null || top?.top === undefined ? 0 : Number(top.top) + 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: 'partner.added',
        entityType: 'partner',
        entityId: id,
        after: { campaignId, ...fields },
        now,
      });
      return { id };
    });
    return added!;
  }

  updatePartner(
    campaignId: number,
    partnerId: number,
    fields: PartnerFields,
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    const change = { entity: 'partner', campaignId, id: partnerId, actor, now } as const;
    return this.changeRow(change, fields, {
      was: async (trx) => {
        const before = await rosterRow(trx, 'partners', campaignId, partnerId);
        return before && partnerFields(before);
      },
      write: (trx) =>
        trx
          .updateTable('partners')
          .set({
            name: fields.name,
            url: fields.url,
            description: fields.description,
            logo_path: fields.logoPath,
          })
          .where('id', '=', partnerId)
          .execute(),
    });
  }

  async removePartner(campaignId: number, partnerId: number, actor: ActorRef, now: number): Promise<boolean> {
    const done = await this.commit(campaignId, async (trx) => {
      const before = await rosterRow(trx, 'partners', campaignId, partnerId);
      if (!before) return undefined;
      await trx.deleteFrom('partners').where('id', '=', partnerId).execute();
      await recordAudit(trx, {
        actor,
        action: 'partner.removed',
        entityType: 'partner',
        entityId: partnerId,
        before: { campaignId, ...partnerFields(before) },
        now,
      });
      return true;
    });
    return done === true;
  }

  movePartner(
    campaignId: number,
    partnerId: number,
    direction: Direction,
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    const move = { entity: 'partner', campaignId, id: partnerId, direction, actor, now } as const;
    return this.moveRow(move, (trx) => inPageOrder(trx, 'partners', campaignId).select('id').execute());
  }
}
