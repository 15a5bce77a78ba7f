// A row's id with a MAC (`{id}.{mac}`), the unguessable part of links that need no stored secret: the
// delivery-status link of a signature, the unsubscribe and preferences links of a supporter. Each kind of
// link has its own purpose in the MAC, so one kind of token never opens another.
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(purpose: string, id: number, secret: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url').slice(0, 22);
}

export function signedId(purpose: string, id: number, secret: string): string {
  return `${id}.${mac(purpose, id, secret)}`;
}

/** The id a token stands for, or null when it was not made by us for this purpose. */
export function parseSignedId(purpose: string, token: string, secret: string): number | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(purpose, id, secret));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
