// A signature: one supporter's act of signing one campaign, with their message.
//
//   (sign) ─┬─ confirm_first ──────────► pending ──(confirm)──► confirmed
//           ├─ immediate ──────────────────────────────────────► confirmed
//           └─ suspicious (either mode) ► held ────(confirm)──► confirmed
//   pending/held ──(unconfirmed after N days)──► expired;  any ──(editor)──► invalid
//
// Only confirmed signatures are counted in public totals and become messages to targets.

export const signatureStatuses = ['pending', 'confirmed', 'held', 'expired', 'invalid'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];

export const awaitingConfirmation: readonly SignatureStatus[] = ['pending', 'held'];
export const countedStatus: SignatureStatus = 'confirmed';

/** A confirmation mail is sent again for a repeated submission at most this often. */
export const confirmationResendIntervalMs = 60 * 60 * 1000;

/** Mail the worker sends about a signature, in the supporter's language. */
export type SignatureMailKind = 'confirm' | 'thank';
export const sendSignatureMailJob = 'send-signature-mail';

export interface SignatureMailPayload {
  signatureId: number;
  mail: SignatureMailKind;
  /** Raw confirmation token (only its hash is stored on the signature). */
  token?: string;
}
