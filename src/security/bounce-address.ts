// VERP-style bounce addresses: each target message gets its own envelope sender
// (`bounces+<message id>-<mac>@<our domain>`), so a bounce that arrives later by mail names the message it
// is about, and the MAC stops anyone from forging bounces for messages they did not receive. Supporter
// mailings use the same shape with an `r` before the id (`bounces+r<recipient id>-<mac>@…`): the id is a
// row of `mailing_recipients`, and its MAC is made over a different label so the two never stand in for
// each other.
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(messageId: number, secret: string, label = 'bounce'): string {
  return createHmac('sha256', secret)
    .update(`${label}:${messageId}`)
    .digest('base64url')
    .slice(0, 12)
    .toLowerCase();
}

export function bounceAddress(messageId: number, secret: string, mailFrom: string): string {
  const domain = mailFrom.slice(mailFrom.lastIndexOf('@') + 1);
  return `bounces+${messageId}-${mac(messageId, secret)}@${domain}`;
}

/** The message id a bounce address stands for, or null when it is not one of ours. */
export function parseBounceAddress(address: string, secret: string): number | null {
  const m = /^bounces\+(\d{1,15})-([a-z0-9_-]{12})@/i.exec(address.trim());
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(m[2]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The envelope sender of one mailing to one recipient (a `mailing_recipients` row). */
export function recipientBounceAddress(recipientId: number, secret: string, mailFrom: string): string {
  const domain = mailFrom.slice(mailFrom.lastIndexOf('@') + 1);
  return `bounces+r${recipientId}-${mac(recipientId, secret, 'recipient')}@${domain}`;
}

/** The mailing recipient a bounce address stands for, or null when it is not one of ours. */
export function parseRecipientBounceAddress(address: string, secret: string): number | null {
  const m = /^bounces\+r(\d{1,15})-([a-z0-9_-]{12})@/i.exec(address.trim());
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(id, secret, 'recipient'));
  const given = Buffer.from(m[2]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
