// The token in every supporter mailing's unsubscribe and preferences links: the supporter's id and a MAC,
// so a link works for as long as the person exists (RFC 8058 one-click links must not expire) without a
// stored secret per person, and nobody can unsubscribe or read someone else's preferences by guessing.
// Erasing a person makes their old links point at nobody.

import { siteBase } from '../domain/shared/site-url.js';
import { parseSignedId, signedId } from './signed-id.js';

export function listToken(supporterId: number, secret: string): string {
  return signedId('list', supporterId, secret);
}

/** The supporter a list token stands for, or null when it is not one of ours. */
export function parseListToken(token: string, secret: string): number | null {
  return parseSignedId('list', token, secret);
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
