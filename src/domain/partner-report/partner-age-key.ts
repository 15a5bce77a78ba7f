// A partner organisation's age public key (decision 0033): when it has one, every signer file made for it
// (the CSV behind its report link, an editor's "for partner X" export) is encrypted to it. Editors see which
// partners have one and set, replace or remove it; every change is audited in the same transaction.
import type { ActorRef } from '../account/account.js';
import type { RosterCampaign } from '../campaign/campaign-roster.ports.js';
import type { Clock } from '../shared/clock.js';

export interface PartnerAgeKey {
  partnerId: number;
  name: string;
  /** The partner's age X25519 recipient (`age1…`), or null: its files are not encrypted. */
  recipient: string | null;
}

export interface PartnerAgeKeyStore {
  campaign(slug: string): Promise<RosterCampaign | undefined>;
  /** Every partner of the campaign with its key, in the campaign's partner order. */
  ageKeys(campaignId: number): Promise<PartnerAgeKey[]>;
  /** Sets (or, with null, removes) the key and audits it; false when the partner is not the campaign's. */
  setAgeKey(
    change: { campaignId: number; partnerId: number; recipient: string | null },
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
  /** The key of the partner a report link was made for, or null. */
  ageKeyOfLink(linkId: number): Promise<string | null>;
}

export interface PartnerAgeKeyDeps {
  keys: PartnerAgeKeyStore;
  clock: Clock;
  /** The recipient a text holds, checked by the age library, or undefined (security/age-export.ts). */
  parseRecipient(text: string): string | undefined;
}

export type SetAgeKeyResult = 'saved' | 'removed' | 'invalid' | 'not_found';

/** An empty text removes the key; anything else must be an age X25519 recipient. */
export async function setPartnerAgeKey(
  deps: PartnerAgeKeyDeps,
  actor: ActorRef,
  input: { slug: string; partnerId: number; text: string },
): Promise<SetAgeKeyResult> {
  const campaign = await deps.keys.campaign(input.slug);
  if (!campaign) return 'not_found';
  const removing = input.text.trim() === '';
  const recipient = removing ? null : deps.parseRecipient(input.text);
  if (recipient === undefined) return 'invalid';
  const done = await deps.keys.setAgeKey(
    { campaignId: campaign.id, partnerId: input.partnerId, recipient },
    actor,
    deps.clock.now(),
  );
  if (!done) return 'not_found';
  return removing ? 'removed' : 'saved';
}
