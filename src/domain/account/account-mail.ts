// Mail about an account (an invitation, a login link, a password reset link), sent through the outbox in
// the transaction that created the token, and written in the recipient's interface language.
import type { Role } from './permissions.js';

export const sendAccountMailJob = 'send-account-mail';

export const accountMailKinds = ['invite', 'login', 'reset'] as const;
export type AccountMailKind = (typeof accountMailKinds)[number];

export interface AccountMailPayload {
  kind: AccountMailKind;
  to: { name: string; address: string };
  locale: string;
  /** The raw one-time token; only its hash is stored with the account. */
  token: string;
  /** Invitations: who invited, and as what. */
  invitedBy?: string;
  role?: Role;
}

export function accountMail(payload: AccountMailPayload): { kind: string; payload: AccountMailPayload } {
  return { kind: sendAccountMailJob, payload };
}
