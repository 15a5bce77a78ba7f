// Making and revoking partner report links. A link lives 7, 30 or 90 days (30 unless chosen); its token is
// shown once to the editor who made it and never stored, only its hash, so a database copy opens nothing.
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import type { PartnerReportStore } from './partner-report.ports.js';

export const reportLinkDays = [7, 30, 90] as const;
export type ReportLinkDays = (typeof reportLinkDays)[number];
const dayMs = 86_400_000;

export interface ReportLinkDeps {
  reports: PartnerReportStore;
  tokens: { create(): { token: string; hash: string } };
  clock: Clock;
}

export type CreateReportLinkResult =
  | { status: 'ok'; token: string; linkId: number }
  | { status: 'not_found' }
  | { status: 'no_partner' };

export async function createReportLink(
  deps: ReportLinkDeps,
  actor: ActorRef,
  input: { slug: string; partnerId: number; days: ReportLinkDays },
): Promise<CreateReportLinkResult> {
  const campaign = await deps.reports.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const now = deps.clock.now();
  const { token, hash } = deps.tokens.create();
  const made = await deps.reports.createLink(
    {
      campaignId: campaign.id,
      partnerId: input.partnerId,
      tokenHash: hash,
      expiresAt: now + input.days * dayMs,
    },
    actor,
    now,
  );
  if (made === 'no_partner') return { status: 'no_partner' };
  return { status: 'ok', token, linkId: made.id };
}

export async function revokeReportLink(
  deps: Pick<ReportLinkDeps, 'reports' | 'clock'>,
  actor: ActorRef,
  input: { slug: string; linkId: number },
): Promise<'ok' | 'not_found'> {
  const campaign = await deps.reports.campaign(input.slug);
  if (!campaign) return 'not_found';
  const done = await deps.reports.revokeLink(campaign.id, input.linkId, actor, deps.clock.now());
  return done ? 'ok' : 'not_found';
}

/** A link's state for the editors' list. */
export function linkState(
  link: { revokedAt: number | null; expiresAt: number },
  now: number,
): 'live' | 'revoked' | 'expired' {
  if (link.revokedAt !== null) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'live';
}
