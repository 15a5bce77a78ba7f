// Reviewing held signatures. Signing holds a suspicious signature (a form token missing, expired or sent
// too fast; too many signatures from one network or one email domain within an hour) instead of refusing
// it, because workplace NAT makes real people look like bots. An editor releases or discards them here,
// one by one, by selection or everything held from one network:
//
//   held ──(release, campaign asks to confirm)──► pending    a fresh confirmation link if the last one is
//                                                           older than the resend interval, as for a repeat
//   held ──(release, campaign counts at once)───► confirmed  counted; messages to targets; thank-you mail
//   held ──(discard)────────────────────────────► deleted    with its consent, and the supporter if nothing
//                                                           else is theirs; counts corrected
//   held ──(the signer confirms by email)───────► confirmed  (confirm-signature.ts; no editor needed)
//
// The reason is not stored with the signature; the review page works it out from the signatures around it
// (likelyReason) and says so.
import type { Actor } from '../account/account.js';
import type { CampaignStatus, ConfirmationMode } from '../campaign/campaign.js';
import type { Clock } from '../shared/clock.js';
import { confirmationResendIntervalMs } from './signature.js';

export const heldPageSize = 50;
/** Most signatures one selection may name (a whole network is not bounded by this). */
export const heldSelectionMax = 500;

export interface HeldCampaign {
  id: number;
  slug: string;
  headline: string | null;
  status: CampaignStatus;
  confirmationMode: ConfirmationMode;
  /** Held signatures on the campaign. */
  held: number;
}

export interface HeldSignature {
  id: number;
  createdAt: number;
  name: string;
  country: string | null;
  union: string | null;
  locale: string;
  /** Domain of the signer's email address (the address itself is not shown). */
  emailDomain: string;
  /** Keyed hash of the signer's network (IP, or IPv6 /64); null when unknown. */
  network: string | null;
  /** Signatures to this campaign from the same network in the hour up to this one, this one included. */
  networkLastHour: number;
  /** Signatures to this campaign from the same email domain in that hour, this one included. */
  domainLastHour: number;
  /** Held signatures on this campaign from the same network. */
  networkHeld: number;
}

export type HeldReason = 'network' | 'email_domain' | 'form';

/** The hourly limits signing applies (security/rate-limiter.ts, changed live in settings). */
export interface SigningLimits {
  ipPerHour: number;
  domainPerHour: number;
}

/**
 * Why signing most likely held it: over the network limit, else over the email-domain limit, else the form
 * check (token missing, invalid or expired, or the form sent too fast) is all that is left.
 */
export function likelyReason(s: HeldSignature, limits: SigningLimits): HeldReason {
  if (s.network !== null && s.networkLastHour > limits.ipPerHour) return 'network';
  if (s.domainLastHour > limits.domainPerHour) return 'email_domain';
  return 'form';
}

export type HeldSelection = { ids: number[] } | { network: string };

export type ReleasePlan =
  | { status: 'confirmed' }
  | { status: 'pending'; confirmation: { token: string; hash: string } | null };

/** What a release does with one signature, decided from the campaign's mode and its last confirmation mail. */
export function releasePlan(
  mode: ConfirmationMode,
  confirmationSentAt: number | null,
  now: number,
  tokens: ReviewDeps['tokens'],
): ReleasePlan {
  if (mode === 'immediate') return { status: 'confirmed' };
  const due = (confirmationSentAt ?? 0) <= now - confirmationResendIntervalMs;
  return { status: 'pending', confirmation: due ? tokens.confirmationToken() : null };
}

export interface HeldSignatureStore {
  campaign(slug: string): Promise<HeldCampaign | undefined>;
  /** Held signatures, newest first, with the signals likelyReason needs; `total` counts the whole filter. */
  list(
    campaignId: number,
    query: { network?: string | undefined; offset: number; limit: number },
  ): Promise<{ total: number; rows: HeldSignature[] }>;
  /**
   * In one transaction per call: each selected signature still held moves as `plan` says, with its count
   * delta, its messages and mail in the outbox (as signing does) and an audit entry. Returns how many moved.
   */
  release(
    campaignId: number,
    selection: HeldSelection,
    plan: (signature: { confirmationSentAt: number | null }) => ReleasePlan,
    actor: Pick<Actor, 'id' | 'email'>,
    now: number,
  ): Promise<number>;
  /** Deletes the selected signatures still held, with counts and an audit entry each. Returns how many. */
  discard(
    campaignId: number,
    selection: HeldSelection,
    actor: Pick<Actor, 'id' | 'email'>,
    now: number,
  ): Promise<number>;
}

export interface ReviewDeps {
  held: HeldSignatureStore;
  tokens: { confirmationToken(): { token: string; hash: string } };
  clock: Clock;
  limits(): Promise<SigningLimits>;
}

export type HeldListResult =
  | {
      status: 'ok';
      campaign: HeldCampaign;
      rows: (HeldSignature & { reason: HeldReason })[];
      /** Held signatures matching the filter (all pages). */
      total: number;
      page: number;
      pages: number;
      network: string | null;
    }
  | { status: 'not_found' };

export async function listHeld(
  deps: ReviewDeps,
  input: { slug: string; page: number; network?: string | undefined },
): Promise<HeldListResult> {
  const campaign = await deps.held.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const page = Math.max(1, Math.floor(input.page));
  const { total, rows } = await deps.held.list(campaign.id, {
    network: input.network,
    offset: (page - 1) * heldPageSize,
    limit: heldPageSize,
  });
  const limits = await deps.limits();
  return {
    status: 'ok',
    campaign,
    rows: rows.map((r) => ({ ...r, reason: likelyReason(r, limits) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / heldPageSize)),
    network: input.network ?? null,
  };
}

export type ReviewResult =
  | { status: 'ok'; count: number }
  | { status: 'not_found' }
  | { status: 'nothing_selected' }
  | { status: 'too_many'; max: number };

function checkSelection(selection: HeldSelection): ReviewResult | undefined {
  if ('ids' in selection) {
    if (selection.ids.length === 0) return { status: 'nothing_selected' };
    if (selection.ids.length > heldSelectionMax) return { status: 'too_many', max: heldSelectionMax };
  }
  return undefined;
}

type Reviewer = Pick<Actor, 'id' | 'email'>;

/**
 * A review step on a selection of one campaign's held signatures: the selection is checked and the
 * campaign found before `step` releases or discards, and says how many it did.
 */
function onSelection(
  step: (
    deps: ReviewDeps,
    campaign: HeldCampaign,
    selection: HeldSelection,
    actor: Reviewer,
  ) => Promise<number>,
) {
  return async (
    deps: ReviewDeps,
    actor: Reviewer,
    input: { slug: string; selection: HeldSelection },
  ): Promise<ReviewResult> => {
    const refused = checkSelection(input.selection);
    if (refused) return refused;
    const campaign = await deps.held.campaign(input.slug);
    if (!campaign) return { status: 'not_found' };
    return { status: 'ok', count: await step(deps, campaign, input.selection, actor) };
  };
}

export const releaseHeld = onSelection((deps, campaign, selection, actor) => {
  const now = deps.clock.now();
  return deps.held.release(
    campaign.id,
    selection,
    (s) => releasePlan(campaign.confirmationMode, s.confirmationSentAt, now, deps.tokens),
    actor,
    now,
  );
});

export const discardHeld = onSelection((deps, campaign, selection, actor) =>
  deps.held.discard(campaign.id, selection, actor, deps.clock.now()),
);
