// A mailing's language versions go through the same translation steps as campaign texts (draft →
// in_review → published, sent back with a note, stale when the mailing's source revision moved on; see
// domain/translation/translation.ts). This module names what differs: the three texts a mailing has, their
// limits, and which mailings still take translations. A mailing keeps no snapshot of its old source, so
// "source changed" shows the current source only.
import type { TextSpec, Texts, Work } from '../translation/translation-steps.js';

export const mailingFields = ['subject', 'preheader', 'bodyMd'] as const;
export type MailingField = (typeof mailingFields)[number];
export type MailingTexts = Texts<MailingField>;

/** Mirrors the mailings.status CHECK constraint (migration 0015). */
export type MailingStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled';

/** Subject and preheader are varchar(200) columns; the body is Markdown, as long as a campaign's background. */
export const mailingTextSpec: TextSpec<MailingField> = {
  fields: mailingFields,
  limits: { subject: 200, preheader: 200, bodyMd: 100_000 },
  oneLine: ['subject', 'preheader'],
};

/**
 * Only a mailing that has not started sending takes translation changes: from the first message on, each
 * recipient must get the version the others in their language got.
 */
export const openForTranslation = (status: MailingStatus): boolean =>
  status === 'draft' || status === 'scheduled';

/** A sent mailing stays on the board this long after it finished, so translators see how it ended. */
export const sentShownFor = 30 * 24 * 60 * 60 * 1000;

export interface MailingTranslationWork extends Work<MailingField> {
  mailingId: number;
  mailingStatus: MailingStatus;
  translation: (Work<MailingField>['translation'] & { updatedAt: number; updatedBy: string | null }) | null;
}
