// The link that proves a new address before it replaces a list member's old one. Nothing is stored: the
// token carries the person's id, its expiry and the new address, with a MAC over those and the person's
// current canonical address, so it stops working the moment the address changes (it works once) and
// nobody can forge one for someone else or for another address.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressTokens } from '../domain/list/list.ports.js';

const shape = /^(\d{1,15})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{1,700})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, body: string, fromCanonical: string): string {
  return createHmac('sha256', secret).update(`address-change:${body}:${fromCanonical}`).digest('base64url');
}

export function addressTokens(secret: string): AddressTokens {
  return {
    issue({ supporterId, fromCanonical, address, expiresAt }) {
      const body = `${supporterId}.${expiresAt.toString(36)}.${Buffer.from(address).toString('base64url')}`;
      return `${body}.${mac(secret, body, fromCanonical)}`;
    },
    read(token) {
      const m = shape.exec(token);
      if (!m) return null;
      const expiresAt = Number.parseInt(m[2]!, 36);
      const address = Buffer.from(m[3]!, 'base64url').toString('utf8');
      return Number.isFinite(expiresAt) ? { supporterId: Number(m[1]), address, expiresAt } : null;
    },
    verify(token, fromCanonical) {
      const m = shape.exec(token);
      if (!m) return false;
      const body = `${m[1]}.${m[2]}.${m[3]}`;
      const expected = Buffer.from(mac(secret, body, fromCanonical));
      const given = Buffer.from(m[4]!);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
