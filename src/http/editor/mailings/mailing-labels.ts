// The words the mailing pages share: kinds, statuses, field errors (and the id, value and error of a
// composer field), the progress line.

import type { MailingKind, MailingProgress, MailingStatus } from '../../../domain/mailing/mailing.js';
import type { MailingField, MailingForm, MailingInputError } from '../../../domain/mailing/mailing-input.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';

export const kindLabel: Record<MailingKind, StringKey> = {
  launch: 'mailings.kind.launch',
  escalation: 'mailings.kind.escalation',
  urgent: 'mailings.kind.urgent',
  victory: 'mailings.kind.victory',
  general: 'mailings.kind.general',
};

export const statusLabel: Record<MailingStatus, StringKey> = {
  draft: 'mailings.status.draft',
  scheduled: 'mailings.status.scheduled',
  sending: 'mailings.status.sending',
  paused: 'mailings.status.paused',
  sent: 'mailings.status.sent',
  cancelled: 'mailings.status.cancelled',
};

export const errorLabel: Record<MailingInputError, StringKey> = {
  Required: 'mailings.error.Required',
  TooLong: 'mailings.error.TooLong',
  InvalidCharacters: 'mailings.error.InvalidCharacters',
  Invalid: 'mailings.error.Invalid',
  SignedAndNotSigned: 'mailings.error.SignedAndNotSigned',
};

/** The composer's fields that hold one value (the lists and countries hold several). */
type SingleField = Exclude<MailingField, 'locales' | 'countries'>;

/** A composer field's error in words, and the id, value and error its form field takes. */
export function composerFields(
  tr: Translator,
  form: MailingForm,
  errors: Partial<Record<MailingField, MailingInputError>>,
) {
  const err = (f: MailingField) => (errors[f] ? tr.t(errorLabel[errors[f]!]) : undefined);
  return { err, field: (f: SingleField) => ({ id: f, value: form[f], error: err(f) }) };
}

/** "120 of 300 sent, 2 failed": the figures of the progress bar, as text. */
export const progressText = (tr: Translator, p: MailingProgress): string =>
  tr.t('mailings.progress', {
    sent: p.sent,
    total: p.total,
    failed: p.failed + p.bounced,
  });

/** UTC, minutes: what the schedule form shows and takes. */
export const utcMinutes = (ms: number): string => new Date(ms).toISOString().slice(0, 16);
