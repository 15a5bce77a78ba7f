// Somebody asks to join a language list from its sign-up page. Double opt-in: nothing is subscribed until
// the button behind the mailed link is pressed. The answer never tells whether the address is already on a
// list, suppressed or new: the same page, and the same mail, whatever it is. A filled honeypot and a
// network or address over its hourly limit get that same answer with nothing stored or sent; a form token
// that is missing, forged, too fresh or too old sends the form back with the input kept (a person sends it
// again; there is no confirmation step to hold it for, and the confirmation mail must not become a way to
// mail strangers in bulk).
import type { Clock } from '../shared/clock.js';
import type { RateLimiter } from '../signature/signature.ports.js';
import type { ConsentGiven, ListStore } from './list.ports.js';
import { listConsentVersion } from './list-mail.js';
import { type RawSignupInput, type SignupErrors, validateSignupInput } from './signup-input.js';

export interface SubscribeDeps {
  lists: Pick<ListStore, 'requestSignup'>;
  tokens: { confirmationToken(): { token: string; hash: string } };
  rateLimiter: RateLimiter;
  clock: Clock;
  /** A keyed hash of the canonical address: the per-address rate-limit key. */
  addressKey(canonical: string): string;
}

/** A person joins once or twice; a script trying many addresses from one network is stopped early. */
export const signupRateLimits = { ipPerHour: 10, domainPerHour: 3 } as const;

export interface SubscribeRequest {
  raw: RawSignupInput;
  /** The page's language: the consent's and the confirmation mail's. */
  pageLocale: string;
  /** The consent label exactly as the page showed it. */
  consentText: string;
  honeypot: string;
  formVerdict: 'ok' | 'missing' | 'invalid' | 'too_fast' | 'expired';
  ipKey: string;
}

export type SubscribeResult =
  | { status: 'sent' }
  | { status: 'invalid'; errors: SignupErrors }
  | { status: 'refused'; reason: 'form_expired' | 'too_fast' };

export async function subscribe(deps: SubscribeDeps, req: SubscribeRequest): Promise<SubscribeResult> {
  if (req.formVerdict !== 'ok') {
    return { status: 'refused', reason: req.formVerdict === 'too_fast' ? 'too_fast' : 'form_expired' };
  }
  const validated = validateSignupInput(req.raw, req.pageLocale);
  if (!validated.ok) return { status: 'invalid', errors: validated.errors };
  if (req.honeypot.trim() !== '') return { status: 'sent' };
  const { input } = validated;
  const now = deps.clock.now();
  const limited = await deps.rateLimiter.hit(
    { ip: req.ipKey, emailDomain: deps.addressKey(input.email.canonical) },
    now,
  );
  if (limited.over) return { status: 'sent' };
  const consent: ConsentGiven = {
    text: req.consentText,
    version: listConsentVersion,
    locale: req.pageLocale,
  };
  const { token, hash } = deps.tokens.confirmationToken();
  await deps.lists.requestSignup({
    email: input.email,
    name: input.name,
    country: input.country,
    listLocale: input.list,
    consent,
    tokenHash: hash,
    mail: { kind: 'confirm-signup', to: input.email.address, locale: req.pageLocale, token },
    now,
  });
  return { status: 'sent' };
}
