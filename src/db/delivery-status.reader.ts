// What the public status page reads about one signature: its status, its campaign's delivery mode, and the
// state of its message to each target of the campaign (through the digest that carried it, if any).
import type { MessageStatus } from '../domain/delivery/delivery.js';
import type { DeliveryStatusReader, SignatureDelivery } from '../domain/delivery/view-delivery-status.js';
import { KyselyStore } from './kysely-store.js';

export class SignatureDeliveryReader extends KyselyStore implements DeliveryStatusReader {
  async forSignature(signatureId: number): Promise<SignatureDelivery | undefined> {
    const signature = await this.db
      .selectFrom('signatures as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select(['s.status', 'c.id as campaignId', 'c.slug', 'c.delivery_mode as deliveryMode'])
      .where('s.id', '=', signatureId)
      .executeTakeFirst();
    if (!signature) return undefined;
    const rows = await this.db
      .selectFrom('targets as t')
      .leftJoin('messages as m', (j) =>
        j.onRef('m.target_id', '=', 't.id').on('m.signature_id', '=', signatureId),
      )
      .leftJoin('messages as d', 'd.id', 'm.digest_id')
      .select([
        't.name as targetName',
        't.organisation',
        't.kind',
        'm.status as messageStatus',
        'd.status as digestStatus',
      ])
      .where('t.campaign_id', '=', signature.campaignId)
      .orderBy('t.position')
      .orderBy('t.id')
      .execute();
    return {
      signatureStatus: signature.status,
      campaignSlug: signature.slug,
      deliveryMode: signature.deliveryMode,
      rows: rows.map((r) => ({
        targetName: r.targetName,
        organisation: r.organisation,
        kind: r.kind === 'copy' ? 'copy' : 'target',
        messageStatus: r.messageStatus as MessageStatus | null,
        digestStatus: r.digestStatus as MessageStatus | null,
      })),
    };
  }
}
