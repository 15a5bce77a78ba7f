// The three account mails, in the recipient's interface language: an invitation (who invited, as what), a
// login link and a password reset link. Each carries one link to the editor area on BASE_URL (never a
// request's Host header) with the one-time token in its path.
import type { AccountMailKind } from '../../domain/account/account-mail.js';
import type { Role } from '../../domain/account/permissions.js';
import { roleKeys } from '../../http/views/editor/labels.js';
import type { StringKey, Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface AccountEmailData {
  kind: AccountMailKind;
  /** An invited person has no name yet: the mail greets them by address. */
  recipient: { name: string; address: string };
  /** The raw one-time token. */
  token: string;
  /** Invitations: who invited (the site when nobody is named), and as what (editor when not named). */
  invitedBy?: string | undefined;
  role?: Role | undefined;
  site: { name: string; baseUrl: string };
}

const paths: Record<AccountMailKind, string> = {
  invite: '/editor/invitation/',
  login: '/editor/login/link/',
  reset: '/editor/reset/',
};
const subjects: Record<AccountMailKind, StringKey> = {
  invite: 'mail.account.invite.subject',
  login: 'mail.account.login.subject',
  reset: 'mail.account.reset.subject',
};
const bodies: Record<AccountMailKind, StringKey> = {
  invite: 'mail.account.invite.body',
  login: 'mail.account.login.body',
  reset: 'mail.account.reset.body',
};

export function accountEmail(data: AccountEmailData, tr: Translator): MailText {
  const values = {
    siteName: data.site.name,
    link: `${data.site.baseUrl}${paths[data.kind]}${data.token}`,
    inviter: data.invitedBy ?? data.site.name,
    role: tr.t(roleKeys[data.role ?? 'editor']),
    name: data.recipient.name || data.recipient.address,
  };
  return { subject: tr.t(subjects[data.kind], values), text: tr.t(bodies[data.kind], values) };
}
