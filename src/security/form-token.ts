// The sign form carries a signed, time-stamped token instead of a session: it proves the form was served by
// us for this campaign, and when. Bots that post directly, post within a second, or replay an old form are
// not rejected (workplace NAT and slow phones look odd too) but their signatures are held for confirmation.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from './random-pool.js';

export interface FormTokenCheck {
  /** Anything other than 'ok' holds the signature for email confirmation. */
  verdict: 'ok' | 'missing' | 'invalid' | 'too_fast' | 'expired';
  nonce?: string;
}

const version = 'v1';

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function issueFormToken(secret: string, campaignId: number, now: number): string {
  const body = `${version}.${campaignId}.${now.toString(36)}.${randomToken(9)}`;
  return `${body}.${mac(secret, body)}`;
}

/**
 * The campaign page's tokens, one per campaign and second instead of one per view: the page is then the
 * same bytes for every visitor within that second and can be answered from memory (campaign-page.cache).
 * Nothing is lost: a token was never tied to a visitor (bots could always fetch one and reuse it until it
 * expires). Its time is the start of the second, so the "filled too fast" check (3 s) may let a form
 * through up to a second sooner: a heuristic that holds bots, not a boundary. The sign form does not use the nonce; the request form, which does
 * (duplicate detection), keeps issuing its own per view.
 */
export class FormTokenCache {
  private readonly bySecond = new Map<number, { second: number; token: string }>();

  constructor(private readonly secret: string) {}

  token(campaignId: number, now: number): string {
    const second = Math.floor(now / 1000) * 1000;
    const hit = this.bySecond.get(campaignId);
    if (hit?.second === second) return hit.token;
    const token = issueFormToken(this.secret, campaignId, second);
    this.bySecond.set(campaignId, { second, token });
    return token;
  }
}

/**
 * Tokens whose MAC was checked lately. Every visitor of a campaign gets the same token within a second
 * (FormTokenCache), so in a push most signatures carry a token already checked: the HMAC is computed once
 * per token, not once per signature. Keyed by the whole token, MAC included, so a forged token never hits.
 */
const checkedTokens = new Map<string, string>();
const checkedTokensMax = 512;

function macHolds(secret: string, token: string, parts: string[]): boolean {
  if (checkedTokens.get(token) === secret) return true;
  const expected = Buffer.from(mac(secret, parts.slice(0, 4).join('.')));
  const given = Buffer.from(parts[4]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (checkedTokens.size >= checkedTokensMax) checkedTokens.clear();
  checkedTokens.set(token, secret);
  return true;
}

export function checkFormToken(
  secret: string,
  token: string | undefined,
  campaignId: number,
  now: number,
  { minFillMs = 3_000, maxAgeMs = 2 * 86_400_000 } = {},
): FormTokenCheck {
  if (!token) return { verdict: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== version) return { verdict: 'invalid' };
  if (!macHolds(secret, token, parts)) return { verdict: 'invalid' };
  if (Number(parts[1]) !== campaignId) return { verdict: 'invalid' };
  const issuedAt = Number.parseInt(parts[2]!, 36);
  const nonce = parts[3]!;
  if (!Number.isFinite(issuedAt)) return { verdict: 'invalid' };
  const age = now - issuedAt;
  // A clock step backwards makes age negative: treat as fresh-but-fast rather than as valid.
  if (age < minFillMs) return { verdict: 'too_fast', nonce };
  if (age > maxAgeMs) return { verdict: 'expired', nonce };
  return { verdict: 'ok', nonce };
}
