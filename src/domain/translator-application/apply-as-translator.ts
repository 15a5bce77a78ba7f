// A volunteer sends the "Help translate" form. The request form's defences: a form token that is missing,
// forged, too fresh or too old, or a network over its hourly limit, sends the form back with the input
// kept; a filled honeypot gets the normal answer and nothing is stored; the same form sent twice makes one
// application. Nothing is mailed: the editors answer by inviting (or not), so the form cannot mail strangers.
import {
  type ApplicationErrors,
  type RawApplicationInput,
  validateApplicationInput,
} from './application-input.js';
import type { ApplyDeps } from './translator-application.ports.js';

/** Applications are rare: a few per network per hour is generous. */
export const applicationRateLimits = { ipPerHour: 5, domainPerHour: 20 } as const;
/** Nobody fills the form in under five seconds. */
export const applicationMinFillMs = 5_000;

export type ApplyResult =
  | { status: 'accepted' }
  | { status: 'invalid'; errors: ApplicationErrors }
  | { status: 'refused'; reason: 'form_expired' | 'too_fast' | 'rate_limited' };

export async function applyAsTranslator(
  deps: ApplyDeps,
  req: {
    raw: RawApplicationInput;
    locale: string;
    honeypot: string;
    form: { verdict: 'ok' | 'missing' | 'invalid' | 'too_fast' | 'expired'; nonce?: string | undefined };
    ipKey: string | null;
  },
): Promise<ApplyResult> {
  const { verdict, nonce } = req.form;
  if (verdict !== 'ok' || !nonce) {
    return { status: 'refused', reason: verdict === 'too_fast' ? 'too_fast' : 'form_expired' };
  }
  const now = deps.clock.now();
  const ip = req.ipKey ?? 'unknown';
  if ((await deps.rateLimiter.peek({ ip }, now)).over) return { status: 'refused', reason: 'rate_limited' };
  const validated = validateApplicationInput(req.raw);
  if (!validated.ok) return { status: 'invalid', errors: validated.errors };
  if (req.honeypot.trim() !== '') return { status: 'accepted' };
  if (await deps.applications.hasNonce(nonce)) return { status: 'accepted' };
  const { input } = validated;
  const domain = input.email.slice(input.email.lastIndexOf('@') + 1).toLowerCase();
  if ((await deps.rateLimiter.hit({ ip, emailDomain: domain }, now)).over) {
    return { status: 'refused', reason: 'rate_limited' };
  }
  await deps.applications.create({ ...input, locale: req.locale, formNonce: nonce }, now);
  return { status: 'accepted' };
}
