// The token in every supporter mailing's unsubscribe and preferences links: the supporter's id and a MAC,
// so a link works for as long as the person exists (RFC 8058 one-click links must not expire) without a
// stored secret per person, and nobody can unsubscribe or read someone else's preferences by guessing.
// Erasing a person makes their old links point at nobody.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { siteBase } from '../domain/shared/site-url.js';

function mac(supporterId: number, secret: string): string {
  return createHmac('sha256', secret).update(`list:${supporterId}`).digest('base64url').slice(0, 22);
}

export function listToken(supporterId: number, secret: string): string {
  return `${supporterId}.${mac(supporterId, secret)}`;
}

/** The supporter a list token stands for, or null when it is not one of ours. */
export function parseListToken(token: string, secret: string): number | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** Where a mailing's links lead (https one-click unsubscribe, preferences) for one recipient. */
export function listLinks(baseUrl: string, locale: string, token: string) {
  const base = siteBase(baseUrl);
  return {
    /** GET shows a page with a button; POST (RFC 8058 one-click) unsubscribes at once. */
    unsubscribe: `${base}/unsubscribe/${token}`,
    preferences: `${base}/${locale}/preferences/${token}`,
  };
}
