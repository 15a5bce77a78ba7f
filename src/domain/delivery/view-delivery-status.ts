// What a supporter sees about their own message: how many of the campaign's targets have received it
// ("delivered to 5 of 6 addresses": accepted by the receiving server), and each target's state. Union
// copy addresses are ours, not targets, and are not counted.
import { type MessageStatus, type SupporterView, supporterView } from './delivery.js';

export interface SignatureDeliveryRow {
  targetName: string;
  organisation: string | null;
  kind: 'target' | 'copy';
  messageStatus: MessageStatus | null;
  digestStatus: MessageStatus | null;
}

export interface SignatureDelivery {
  signatureStatus: string;
  campaignSlug: string;
  deliveryMode: string;
  rows: SignatureDeliveryRow[];
}

export interface DeliveryStatusReader {
  forSignature(signatureId: number): Promise<SignatureDelivery | undefined>;
}

export type DeliveryStatusView =
  | { status: 'not_found' }
  | { status: 'unconfirmed'; campaignSlug: string }
  | { status: 'petition'; campaignSlug: string }
  | {
      status: 'ok';
      campaignSlug: string;
      delivered: number;
      total: number;
      /** True while any message may still change state (the page keeps itself up to date). */
      settling: boolean;
      targets: { name: string; organisation: string | null; view: SupporterView }[];
    };

export async function viewDeliveryStatus(
  deps: { status: DeliveryStatusReader },
  signatureId: number,
): Promise<DeliveryStatusView> {
  const found = await deps.status.forSignature(signatureId);
  if (!found) return { status: 'not_found' };
  const { campaignSlug } = found;
  if (found.signatureStatus !== 'confirmed') return { status: 'unconfirmed', campaignSlug };
  if (found.deliveryMode === 'petition_only') return { status: 'petition', campaignSlug };
  const targets = found.rows
    .filter((r) => r.kind === 'target')
    .map((r) => ({
      name: r.targetName,
      organisation: r.organisation,
      view: r.messageStatus
        ? supporterView(r.messageStatus, r.digestStatus === 'sent')
        : ('waiting' as const),
    }));
  if (targets.length === 0) return { status: 'petition', campaignSlug };
  const delivered = targets.filter((t) => t.view === 'delivered').length;
  return {
    status: 'ok',
    campaignSlug,
    delivered,
    total: targets.length,
    settling: targets.some((t) => t.view === 'waiting'),
    targets,
  };
}
