// Sends an account mail (invitation, login link, password reset link) that a use case put in the outbox.
// The text is written here, in the recipient's interface language; links use the configured BASE_URL,
// never a request's Host header. Plain text: it reaches every phone and every mail client.
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import { type AccountMailPayload, accountMailKinds } from '../../domain/account/account-mail.js';
import { roles } from '../../domain/account/permissions.js';
import { roleKeys } from '../../http/views/editor/labels.js';
import { type MessageKey, translatorFor } from '../../i18n/translator.js';
import type { MailTransport, OutgoingMail } from '../../mail/transport.js';
import { PermanentJobError } from '../worker.js';

const payloadSchema = z.object({
  kind: z.enum(accountMailKinds),
  to: z.object({ name: z.string(), address: z.string() }),
  locale: z.string(),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  invitedBy: z.string().optional(),
  role: z.enum(roles).optional(),
});

type Kind = AccountMailPayload['kind'];

const paths: Record<Kind, string> = {
  invite: '/editor/invitation/',
  login: '/editor/login/link/',
  reset: '/editor/reset/',
};
const subjects: Record<Kind, MessageKey> = {
  invite: 'mail.account.invite.subject',
  login: 'mail.account.login.subject',
  reset: 'mail.account.reset.subject',
};
const bodies: Record<Kind, MessageKey> = {
  invite: 'mail.account.invite.body',
  login: 'mail.account.login.body',
  reset: 'mail.account.reset.body',
};

export function accountMailMessage(
  payload: AccountMailPayload,
  config: Pick<Config, 'BASE_URL' | 'SITE_NAME' | 'MAIL_FROM'>,
): OutgoingMail {
  const tr = translatorFor(payload.locale);
  const values = {
    siteName: config.SITE_NAME,
    link: `${config.BASE_URL}${paths[payload.kind]}${payload.token}`,
    inviter: payload.invitedBy ?? config.SITE_NAME,
    role: tr.t(roleKeys[payload.role ?? 'editor']),
    name: payload.to.name || payload.to.address,
  };
  return {
    from: { name: config.SITE_NAME, address: config.MAIL_FROM },
    to: [payload.to],
    subject: tr.t(subjects[payload.kind], values),
    text: tr.t(bodies[payload.kind], values),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': tr.locale },
  };
}

export function sendAccountMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('invalid send-account-mail payload');
    await deps.mail.send(accountMailMessage(parsed.data, deps.config));
  };
}
