// Sends a mail about a campaign request (acknowledgement, changes asked for, approval, decline) that an
// intake use case put in the outbox. A payload that does not parse is a bug, not a delivery problem: the
// job goes dead at once instead of retrying.
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import { intakeMailKinds } from '../../domain/intake/intake-mail.js';
import { translatorFor } from '../../i18n/translator.js';
import { intakeEmail } from '../../mail/templates/intake.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { PermanentJobError } from '../worker.js';

const address = z.object({ name: z.string().max(300), address: z.string().max(320) });

const payloadSchema = z.object({
  kind: z.enum(intakeMailKinds),
  requestId: z.number().int(),
  to: address,
  locale: z.string().max(20),
  headline: z.string().max(1_000),
  orgName: z.string().max(1_000),
  message: z.string().max(20_000).optional(),
  replyTo: address.optional(),
});

export function sendIntakeMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('invalid send-intake-mail payload');
    const { config } = deps;
    const { to, locale, replyTo, ...data } = parsed.data;
    const tr = translatorFor(locale);
    const text = intakeEmail(
      { ...data, recipient: to, editorName: replyTo?.name, siteName: config.SITE_NAME },
      tr,
    );
    await deps.mail.send(
      siteMail({ name: config.SITE_NAME, mailFrom: config.MAIL_FROM }, to, tr, text, replyTo),
    );
  };
}
