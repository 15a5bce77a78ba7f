// Mail to the person who requested a campaign: the acknowledgement when the request arrives, then the
// editors' decision (changes asked for, approved, declined), and the day the campaign made from it goes
// live (written by the launch itself, so the approval mail's "we will email you" is kept). Each is an outbox job written in the same
// transaction as the change that causes it, in the requester's interface language; the text is composed
// by the mail template when the worker sends it.

export const sendCampaignRequestMailJob = 'send-request-mail';

export const campaignRequestMailKinds = ['received', 'changes', 'approved', 'declined', 'launched'] as const;
export type CampaignRequestMailKind = (typeof campaignRequestMailKinds)[number];

export interface CampaignRequestMailPayload {
  kind: CampaignRequestMailKind;
  requestId: number;
  to: { name: string; address: string };
  locale: string;
  headline: string;
  orgName: string;
  /** The editor's message (changes) or reason (declined), verbatim. */
  message?: string;
  /** launched: the campaign page's path in the requester's language (`/fr/campaigns/x`). */
  campaignPath?: string;
  /** The editor who decided: replies go to them. */
  replyTo?: { name: string; address: string };
}

export function campaignRequestMail(payload: CampaignRequestMailPayload): {
  kind: string;
  payload: CampaignRequestMailPayload;
} {
  return { kind: sendCampaignRequestMailJob, payload };
}
