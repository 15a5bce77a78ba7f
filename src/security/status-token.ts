// The unguessable part of a supporter's delivery-status link (`/{locale}/status/{id}.{mac}`): the
// signature's id with a MAC, so the link needs no stored secret and cannot be walked by counting ids.
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(signatureId: number, secret: string): string {
  return createHmac('sha256', secret).update(`status:${signatureId}`).digest('base64url').slice(0, 22);
}

export function statusToken(signatureId: number, secret: string): string {
  return `${signatureId}.${mac(signatureId, secret)}`;
}

/** The signature id, or null when the token was not made by us. */
export function parseStatusToken(token: string, secret: string): number | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(m[2]!);
  return timingSafeEqual(expected, given) ? id : null;
}
