// Bounce test helpers: the hand-written bounces under fixtures/bounces (Postfix, Exchange, Gmail, qmail,
// Exim, an out-of-office reply, a read receipt) filled in for one real sent message, and that message:
// signed through the real write path and delivered to a loopback sink by the real dispatcher, so its row
// has the address, Message-ID and VERP sender an actual bounce would name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths.js';
import { bounceAddress } from '../src/security/bounce-address.js';
import { createCampaign, type DeliveryRig, deliveryRig, sign } from './delivery-helpers.js';
import { buildCampaign } from './factories.js';
import type { TestApp } from './test-app.js';

export const bounceFixtures = [
  'postfix-user-unknown',
  'postfix-delayed',
  'postfix-policy-block',
  'exchange-recipient-not-found',
  'gmail-address-not-found',
  'qmail-failure-notice',
  'exim-user-unknown',
  'out-of-office',
  'read-receipt',
] as const;
export type BounceFixture = (typeof bounceFixtures)[number];

export interface BounceValues {
  verp: string;
  messageId: string;
  recipient: string;
}

/** A fixture with its placeholders filled in, with CRLF line ends as it arrives over SMTP. */
export function bounceFixture(name: BounceFixture, v: BounceValues): Buffer {
  const text = readFileSync(join(projectRoot, 'test/fixtures/bounces', `${name}.eml`), 'utf8')
    .replaceAll('{{VERP}}', v.verp)
    .replaceAll('{{MESSAGE_ID}}', v.messageId)
    .replaceAll('{{RECIPIENT_CASED}}', v.recipient.charAt(0).toUpperCase() + v.recipient.slice(1))
    .replaceAll('{{RECIPIENT}}', v.recipient);
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'));
}

/** The same VERP address (a target letter's or a mailing recipient's) with a MAC that does not verify. */
export function forgedMac(verp: string): string {
  return verp.replace(
    /-([a-z0-9_-]{12})@/i,
    (_, mac: string) => `-${mac.slice(1)}${mac.startsWith('x') ? 'y' : 'x'}@`,
  );
}

/** Fixed values for parsing tests that need no database. */
export const sampleValues: BounceValues = {
  verp: 'bounces+42-abcdefghijkl@outcry.example.org',
  messageId: '<outcry.42.0a1b2c3d4e5f@outcry.example.org>',
  recipient: 'director@hospital.example.org',
};

export interface SentMessage extends BounceValues {
  id: number;
  targetId: number;
  campaignId: number;
}

/**
 * A campaign (the factory's: a director at hospital.example.org and a minister at labour.example.org),
 * `signatures` confirmed signatures, and one delivery round: the first message of each target is `sent`,
 * the others wait for their pacing slot. Returns the director's sent message as a bounce would name it.
 */
export async function sentMessage(
  t: TestApp,
  opts: { signatures?: number } = {},
): Promise<{ message: SentMessage; rig: DeliveryRig }> {
  const campaignId = await createCampaign(t, buildCampaign());
  await sign(t, campaignId, opts.signatures ?? 1);
  const rig = await deliveryRig(t);
  await rig.dispatcher.runOnce();
  const row = await t.db.kysely
    .selectFrom('messages as m')
    .innerJoin('targets as tg', 'tg.id', 'm.target_id')
    .select(['m.id', 'm.target_id', 'm.to_address', 'm.message_id_header'])
    .where('m.campaign_id', '=', campaignId)
    .where('tg.email', '=', 'director@hospital.example.org')
    .where('m.status', '=', 'sent')
    .executeTakeFirstOrThrow();
  return {
    rig,
    message: {
      id: row.id,
      targetId: row.target_id,
      campaignId,
      recipient: row.to_address!,
      messageId: row.message_id_header!,
      verp: bounceAddress(row.id, t.config.APP_SECRET, t.config.MAIL_FROM),
    },
  };
}
