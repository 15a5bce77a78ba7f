// Signing a campaign. Bad input comes back as field errors; bots that fill the honeypot get the normal
// answer and nothing is stored; suspicious signatures (bad form token, too fast, over a rate limit) are
// held for email confirmation rather than rejected, because workplace NAT makes real people look like bots.
// A repeated email gets exactly the answer a first one gets, so nobody can learn who signed.
import { chooseTexts } from '../campaign/campaign.js';
import type { CampaignReader } from '../campaign/campaign.ports.js';
import type { Clock } from '../shared/clock.js';
import { type RawSignInput, type SignField, type SignFieldError, validateSignInput } from './sign-input.js';
import type { RateLimiter, SignatureWriter } from './signature.ports.js';

export interface SignDeps {
  campaigns: CampaignReader;
  signatures: SignatureWriter;
  rateLimiter: RateLimiter;
  tokens: { confirmationToken(): { token: string; hash: string } };
  clock: Clock;
}

export interface SignRequest {
  slug: string;
  /** The interface language the page was shown in (its URL prefix). */
  locale: string;
  raw: RawSignInput;
  /** The hidden field people never see; anything in it means a bot. */
  honeypot: string;
  formVerdict: 'ok' | 'missing' | 'invalid' | 'too_fast' | 'expired';
  ipKey: string | null;
  /** The alerts consent text exactly as shown, in the page's language. */
  consentText: string;
}

export type SignResult =
  | { status: 'accepted'; needsConfirmation: boolean }
  | { status: 'invalid'; errors: Partial<Record<SignField, SignFieldError>> }
  | { status: 'not_found' }
  | { status: 'closed' };

/** Whitespace differences (CRLF, a trailing space) do not make a default message the supporter's own. */
const words = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * The default messages' words, kept per text (a campaign's texts are read from a cache and live until it
 * changes): normalising a page-long default on every signature was a tenth of the sign path's own work.
 */
const defaultWords = new Map<string, string>();
function wordsOfDefault(text: string): string {
  let w = defaultWords.get(text);
  if (w === undefined) {
    if (defaultWords.size >= 1_000) defaultWords.clear();
    w = words(text);
    defaultWords.set(text, w);
  }
  return w;
}

/**
 * The language of what the supporter sent: the text the page showed them in `locale` (a published
 * translation, or the source when there is none); null when they left the default message as it was.
 */
export function messageLocale(
  campaign: Parameters<typeof chooseTexts>[0],
  locale: string,
  message: string,
): string | null {
  const shown = chooseTexts(campaign, locale)?.texts;
  if (!shown) return locale;
  if (message === shown.defaultMessage) return null;
  return words(message) === wordsOfDefault(shown.defaultMessage) ? null : shown.locale;
}

/** Bumped when the box's words change meaning: 2026-12, campaign alerts from the language lists (0019). */
export const alertsConsentVersion = 'alerts-2026-12';

export async function signCampaign(deps: SignDeps, req: SignRequest): Promise<SignResult> {
  const campaign = await deps.campaigns.findBySlug(req.slug);
  if (!campaign || (campaign.status !== 'live' && campaign.status !== 'closed'))
    return { status: 'not_found' };
  if (campaign.status === 'closed') return { status: 'closed' };

  const validated = validateSignInput(req.raw);
  if (!validated.ok) return { status: 'invalid', errors: validated.errors };
  const input = validated.input;
  const confirmFirst = campaign.confirmationMode === 'confirm_first';
  if (req.honeypot.trim() !== '') return { status: 'accepted', needsConfirmation: confirmFirst };

  const now = deps.clock.now();
  const domain = input.email.canonical.slice(input.email.canonical.indexOf('@') + 1);
  const limited = await deps.rateLimiter.hit({ ip: req.ipKey ?? 'unknown', emailDomain: domain }, now);
  const suspicious = req.formVerdict !== 'ok' || limited.over;
  const status = suspicious ? 'held' : confirmFirst ? 'pending' : 'confirmed';
  // Always made: a duplicate of an unconfirmed signature may need a fresh link even in immediate mode.
  const token = deps.tokens.confirmationToken();

  await deps.signatures.record({
    campaignId: campaign.id,
    locale: req.locale,
    messageLocale: messageLocale(campaign, req.locale, input.message),
    input,
    status,
    ipHash: req.ipKey,
    token: token.token,
    tokenHash: token.hash,
    // Only a confirmed address joins a list: in immediate mode the form offers no box, and none is kept.
    consent: input.alerts && confirmFirst ? { text: req.consentText, version: alertsConsentVersion } : null,
    now,
  });
  // Held signatures in immediate mode are told the same as everyone else; their email asks to confirm.
  return { status: 'accepted', needsConfirmation: confirmFirst };
}
