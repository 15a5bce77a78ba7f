// CSRF protection for the editor area. Each session (or, before login, a short-lived cookie) holds a
// random secret; every form carries HMAC(APP_SECRET, secret), checked on every non-GET request. A leaked
// database row alone does not give the token, and a token from one session is worthless in another.
// Browsers that say a request is cross-site (Sec-Fetch-Site, Origin) are refused before the token is read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from './random-pool.js';

export const csrfField = '_csrf';

export function newCsrfSecret(): string {
  return randomToken(32);
}

export function csrfToken(appSecret: string, secret: string): string {
  return createHmac('sha256', appSecret).update(`csrf-v1:${secret}`).digest('base64url');
}

export function checkCsrfToken(appSecret: string, secret: string | undefined, token: unknown): boolean {
  if (!secret || typeof token !== 'string' || token.length === 0 || token.length > 200) return false;
  const expected = Buffer.from(csrfToken(appSecret, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * True when the browser tells us the request comes from elsewhere. Sec-Fetch-Site, when sent, decides:
 * only `same-origin` and `none` (typed or bookmarked) pass; a sibling subdomain (`same-site`) does not.
 * Without it, an Origin header that is none of our own origins (BASE_URL's, and the one the request was
 * addressed to, e.g. localhost instead of 127.0.0.1 in the demo) is refused. `Origin: null` alone proves
 * nothing (browsers send it for pages with `Referrer-Policy: no-referrer`), so the token decides then.
 */
export function isCrossSite(
  headers: { origin?: string | undefined; 'sec-fetch-site'?: string | string[] | undefined },
  ownOrigins: string[],
): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (origin === undefined || origin === '' || origin === 'null') return false;
  try {
    const from = new URL(origin).origin;
    return !ownOrigins.some((own) => URL.canParse(own) && new URL(own).origin === from);
  } catch {
    return true;
  }
}
