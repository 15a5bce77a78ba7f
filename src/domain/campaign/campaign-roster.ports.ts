// What the editor's target, union copy address and partner use cases need from storage, and what they take
// (`TargetDeps`, `PartnerDeps`); db/campaign-roster.repository.ts implements it. Every change writes its
// audit entry in the same transaction and, after the commit, lets the public page's cache forget the
// campaign.
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import type { ImageStore } from '../shared/image.ports.js';
import type { CampaignStatus, CampaignWithContent, TargetKind } from './campaign.js';
import type { PartnerFields } from './partner-fields.js';
import type { TargetFields } from './target-fields.js';

export type { ActorRef };

export interface RosterCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  /** Source-language headline, when written. */
  headline: string | null;
  /** The campaign's cap per target address per hour (a target's own cap overrides it). */
  targetHourlyCap: number;
}

export type TargetState = 'active' | 'paused' | 'bounced';

export interface EditorTarget extends TargetFields {
  id: number;
  kind: TargetKind;
  state: TargetState;
  position: number;
  /** Messages not sent yet (queued, deferred, held): cancelled if the target is removed. */
  waiting: number;
  /** Messages being sent right now: the target cannot be removed until they finish. */
  sending: number;
  sent: number;
}

export interface EditorPartner extends PartnerFields {
  id: number;
  position: number;
}

export type Direction = 'up' | 'down';

export type RemoveTargetOutcome =
  | { status: 'ok'; cancelled: number; sent: number }
  | { status: 'not_found' }
  /** A worker holds one of its messages mid-send; removing now could not cancel it. */
  | { status: 'sending' };

export interface TargetStore {
  campaign(slug: string): Promise<RosterCampaign | undefined>;
  /** Targets and copy addresses in their order, with their message counts. */
  targets(campaignId: number): Promise<EditorTarget[]>;
  /** Inserted last of its kind; 'duplicate' when the campaign already has the address. */
  addTarget(
    campaignId: number,
    kind: TargetKind,
    fields: TargetFields,
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number } | 'duplicate'>;
  /** Name, organisation, language, time zone and cap; the address changes through delivery's use case. */
  updateTarget(
    campaignId: number,
    targetId: number,
    fields: Omit<TargetFields, 'email'>,
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
  /** Deletes the target; its unsent messages are cancelled (deleted with it), never sent. */
  removeTarget(
    campaignId: number,
    targetId: number,
    actor: ActorRef,
    now: number,
  ): Promise<RemoveTargetOutcome>;
  /** Swaps with the neighbour of the same kind; false when there is none or the target is unknown. */
  moveTarget(
    campaignId: number,
    targetId: number,
    direction: Direction,
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
  /**
   * Inserts the rows as targets in one transaction, after the existing ones, skipping any whose address
   * the campaign has by then (someone added it meanwhile); one audit entry for the import.
   */
  importTargets(
    campaignId: number,
    rows: TargetFields[],
    actor: ActorRef,
    now: number,
  ): Promise<{ imported: number; skipped: number }>;
  /** The campaign with every translation whatever its status, as delivery would read it. */
  content(slug: string): Promise<CampaignWithContent | undefined>;
  /** Puts one mail in the outbox and audits it, in one transaction. */
  queueMail(
    mail: { kind: string; payload: unknown },
    audit: { actor: ActorRef; action: string; entityType: string; entityId: number; after: unknown },
    now: number,
  ): Promise<void>;
}

export interface PartnerStore {
  campaign(slug: string): Promise<RosterCampaign | undefined>;
  partners(campaignId: number): Promise<EditorPartner[]>;
  addPartner(
    campaignId: number,
    fields: PartnerFields,
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number }>;
  updatePartner(
    campaignId: number,
    partnerId: number,
    fields: PartnerFields,
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
  removePartner(campaignId: number, partnerId: number, actor: ActorRef, now: number): Promise<boolean>;
  movePartner(
    campaignId: number,
    partnerId: number,
    direction: Direction,
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
}

/** What the target and union copy address use cases take. */
export interface TargetDeps {
  targets: TargetStore;
  clock: Clock;
}

/** What the partner use cases take: a logo is decoded, stripped and resized by the ImageStore. */
export interface PartnerDeps {
  partners: PartnerStore;
  images: ImageStore;
  clock: Clock;
}
