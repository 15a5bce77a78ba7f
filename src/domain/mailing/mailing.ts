// A mailing: one email to a segment of the language lists, written in a source language and translated
// like campaign texts. This module owns its states and which editor action moves it where:
//
//   draft ──schedule──► scheduled ──(due: start-scheduled-mailings)──┐
//     │                    │                                         ▼
//     └────────────── send now ─────────────────────────────────► sending ──(queue drained)──► sent
//                                                                  │    ▲
//                                                            pause ▼    │ resume
//                                                                  paused
//   draft, scheduled, sending, paused ──cancel──► cancelled
//
// The recipients are fixed when the send starts (draft or scheduled → sending): nobody who joins a list
// later is added, nobody who leaves is mailed (the sender checks suppression and membership per send).
import type { Segment } from './segment.js';

export const mailingKinds = ['launch', 'escalation', 'urgent', 'victory', 'general'] as const;
export type MailingKind = (typeof mailingKinds)[number];

export const mailingStatuses = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type MailingStatus = (typeof mailingStatuses)[number];

export const mailingActions = ['schedule', 'send', 'pause', 'resume', 'cancel'] as const;
export type MailingAction = (typeof mailingActions)[number];

/** Where each action may start from and where it leads. */
export const mailingMoves: Record<MailingAction, { from: readonly MailingStatus[]; to: MailingStatus }> = {
  schedule: { from: ['draft', 'scheduled'], to: 'scheduled' },
  send: { from: ['draft', 'scheduled'], to: 'sending' },
  pause: { from: ['sending'], to: 'paused' },
  resume: { from: ['paused'], to: 'sending' },
  cancel: { from: ['draft', 'scheduled', 'sending', 'paused'], to: 'cancelled' },
};

/** The actions an editor is offered for a mailing in this status. */
export const allowedActions = (status: MailingStatus): MailingAction[] =>
  mailingActions.filter((a) => mailingMoves[a].from.includes(status));

/** The send is due or under way: its progress is still changing. */
export const inProgress = (status: MailingStatus): boolean =>
  status === 'scheduled' || status === 'sending' || status === 'paused';

/** Texts and segment can change until the send starts. */
export const isEditable = (status: MailingStatus): boolean => status === 'draft' || status === 'scheduled';

/** The texts of one language version. */
export interface MailingTexts {
  subject: string;
  preheader: string;
  bodyMd: string;
}

/** What the composer edits. */
export interface MailingDraft extends MailingTexts {
  kind: MailingKind;
  campaignId: number | null;
  sourceLocale: string;
  segment: Segment;
}

export interface Mailing extends MailingDraft {
  id: number;
  status: MailingStatus;
  /** Bumped by every save that changes the source texts: translations from an older one are stale. */
  revision: number;
  scheduledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Recipients by state: the progress bar's figures. */
export interface MailingProgress {
  total: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
}

export interface MailingSummary {
  id: number;
  kind: MailingKind;
  status: MailingStatus;
  subject: string;
  campaignId: number | null;
  campaignHeadline: string | null;
  createdAt: number;
  scheduledAt: number | null;
  progress: MailingProgress;
}

/** One language's line of a mailing's report. */
export interface MailingReportLine {
  locale: string;
  recipients: number;
  sent: number;
  failed: number;
  bounced: number;
  complaints: number;
  unsubscribed: number;
  /** Counted signatures whose source tag is this mailing's in this language. */
  signatures: number;
}

/** A language version made on the translation board, as the composer shows it. */
export interface MailingTranslationState {
  locale: string;
  status: 'draft' | 'in_review' | 'published';
  sourceRevision: number;
}

/** The source tag that links in a mailing carry (`?src=`), kept with the signatures they bring. */
export const mailingSourceTag = (mailingId: number, locale: string): string =>
  `mailing-${mailingId}-${locale}`;

/** The fraction of recipients done (sent, failed or bounced), 0 when nobody is queued yet. */
export function doneShare(p: MailingProgress): number {
  return p.total === 0 ? 0 : (p.sent + p.failed + p.bounced) / p.total;
}
