// Supporter-mail test helpers: a supporter on language lists (with the consent that put them there) who
// was sent a mailing, so their `mailing_recipients` row has the VERP sender and list token a real bounce,
// complaint or mailto unsubscribe would name; and the hand-written messages under
// fixtures/supporter-mail (RFC 5965 complaints, a full mailbox, a mail client's mailto unsubscribe).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths.js';
import { recipientBounceAddress } from '../src/security/bounce-address.js';
import { listToken } from '../src/security/list-token.js';
import { createCampaign, sign } from './delivery-helpers.js';
import { buildCampaign } from './factories.js';
import type { TestApp } from './test-app.js';

export const supporterMailFixtures = [
  'arf-abuse',
  'arf-headers-only',
  'mailbox-full',
  'mailto-unsubscribe',
] as const;
export type SupporterMailFixture = (typeof supporterMailFixtures)[number];

export interface MailedSupporter {
  supporterId: number;
  /** The address as the supporter typed it. */
  email: string;
  recipientId: number;
  /** The mailing's envelope sender for this recipient. */
  verp: string;
  /** The Message-ID the mailing carried. */
  messageId: string;
  token: string;
  /** The mailing's mailto List-Unsubscribe address. */
  unsubscribe: string;
}

/** A fixture with its placeholders filled in, CRLF line ends as it arrives over SMTP. `to` defaults to the VERP. */
export function supporterMailFixture(
  name: SupporterMailFixture,
  s: Pick<MailedSupporter, 'verp' | 'messageId' | 'token' | 'email'>,
  to: string = s.verp,
): Buffer {
  const text = readFileSync(join(projectRoot, 'test/fixtures/supporter-mail', `${name}.eml`), 'utf8')
    .replaceAll('{{TO}}', to)
    .replaceAll('{{VERP}}', s.verp)
    .replaceAll('{{MESSAGE_ID}}', s.messageId)
    .replaceAll('{{LIST_TOKEN}}', s.token)
    .replaceAll('{{RECIPIENT}}', s.email);
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
}

/** One campaign per test app for the signatures that make supporters. */
const campaignFor = new WeakMap<TestApp, number>();

/** A new mailing (sent) to the supporter: its recipient row, `sent`, as the sender leaves it. */
export async function mailingSentTo(
  t: TestApp,
  supporterId: number,
  locale = 'en',
): Promise<Omit<MailedSupporter, 'email'>> {
  const db = t.db.kysely;
  const now = t.services.clock.now();
  const mailing = await db
    .insertInto('mailings')
    .values({
      kind: 'victory',
      campaign_id: null,
      source_locale: 'en',
      subject: 'Erlan is free: thank you',
      body_md: 'Erlan Baltabay is free.',
      segment: JSON.stringify({ lists: [locale] }),
      status: 'sent',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipient = await db
    .insertInto('mailing_recipients')
    .values({ mailing_id: mailing.id, supporter_id: supporterId, locale, status: 'sent', sent_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = listToken(supporterId, t.config.APP_SECRET);
  const domain = t.config.MAIL_FROM.slice(t.config.MAIL_FROM.lastIndexOf('@') + 1);
  return {
    supporterId,
    recipientId: recipient.id,
    verp: recipientBounceAddress(recipient.id, t.config.APP_SECRET, t.config.MAIL_FROM),
    messageId: `<mailing.${mailing.id}.${recipient.id}@${domain}>`,
    token,
    unsubscribe: `unsubscribe+${token}@${domain}`,
  };
}

/**
 * A supporter (signed through the real write path) subscribed to `lists`, each membership with its own
 * consent record, and one mailing sent to them.
 */
export async function mailedSupporter(
  t: TestApp,
  opts: { email?: string; lists?: string[] } = {},
): Promise<MailedSupporter> {
  const email = opts.email ?? 'Ana.Souza@Mail.Example.net';
  let campaignId = campaignFor.get(t);
  if (campaignId === undefined) {
    campaignId = await createCampaign(t, buildCampaign());
    campaignFor.set(t, campaignId);
  }
  await sign(t, campaignId, 1, () => ({ email }));
  const db = t.db.kysely;
  const supporter = await db
    .selectFrom('supporters')
    .select('id')
    .where('email_index', '=', t.db.vault.index(email.toLowerCase()))
    .executeTakeFirstOrThrow();
  const now = t.services.clock.now();
  for (const locale of opts.lists ?? ['en', 'es']) {
    const consent = await db
      .insertInto('consents')
      .values({
        supporter_id: supporter.id,
        campaign_id: null,
        scope: 'list',
        text: 'Send me news of campaigns by email. I can unsubscribe with one click in every email.',
        version: '1',
        locale,
        source: 'signup',
        given_at: now,
        withdrawn_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('list_members')
      .values({
        supporter_id: supporter.id,
        locale,
        status: 'subscribed',
        source: 'signup',
        consent_id: consent.id,
        confirm_token_hash: null,
        created_at: now,
        subscribed_at: now,
        unsubscribed_at: null,
      })
      .execute();
  }
  return { email, ...(await mailingSentTo(t, supporter.id)) };
}
