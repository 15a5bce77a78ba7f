// A union sends the "Request a campaign" form. The sign form's defences, applied to a form that editors
// read by hand: a filled honeypot gets the normal answer and nothing is stored; a form token that is
// missing, forged, too fresh or too old, or a network over its hourly limit, sends the form back with the
// input kept (there is no confirmation step to hold a request for, and the acknowledgement must not be a
// way to mail strangers). The same form sent twice makes one request. Pictures are only decoded and
// stored once everything else is right, so refused forms never write files.
import type { ImageUpload } from '../shared/image.ports.js';
import type { SubmitDeps } from './campaign-request.ports.js';
import { campaignRequestMail } from './campaign-request-mail.js';
import { chooseTerms, type TermsVersion } from './partnership-terms.js';
import { type RawRequestInput, type RequestErrors, validateRequestInput } from './request-input.js';

/** Requests are rare: a handful per network per hour is already generous. */
export const requestRateLimits = { ipPerHour: 5, domainPerHour: 20 } as const;
/** Nobody writes a campaign request in under ten seconds. */
export const requestMinFillMs = 10_000;

export interface SubmitRequest {
  raw: RawRequestInput;
  /** The terms version the page showed (a hidden field); must still be the current one. */
  termsVersion: string;
  logo: ImageUpload | undefined;
  photo: ImageUpload | undefined;
  /** The interface language of the page: the language of every mail to the requester. */
  contactLocale: string;
  /** Terms shown when no version exists in the page's language. */
  fallbackLocale: string;
  honeypot: string;
  form: { verdict: 'ok' | 'missing' | 'invalid' | 'too_fast' | 'expired'; nonce?: string | undefined };
  ipKey: string | null;
}

export type SubmitResult =
  | { status: 'accepted' }
  | { status: 'invalid'; errors: RequestErrors; terms: TermsVersion }
  | { status: 'refused'; reason: 'form_expired' | 'too_fast' | 'rate_limited'; terms: TermsVersion }
  | { status: 'closed' };

export async function submitRequest(deps: SubmitDeps, req: SubmitRequest): Promise<SubmitResult> {
  const terms = chooseTerms(await deps.terms.latest(), req.contactLocale, req.fallbackLocale);
  if (!terms) return { status: 'closed' };

  // The cheap checks come before the form is read: a refused form costs no parsing. The token first, then
  // whether this network is already over its limit (counted only once a request is accepted).
  const { verdict, nonce } = req.form;
  if (verdict !== 'ok' || !nonce) {
    return { status: 'refused', reason: verdict === 'too_fast' ? 'too_fast' : 'form_expired', terms };
  }
  const now = deps.clock.now();
  const ip = req.ipKey ?? 'unknown';
  if ((await deps.rateLimiter.peek({ ip }, now)).over)
    return { status: 'refused', reason: 'rate_limited', terms };

  const validated = validateRequestInput(req.raw);
  const errors: RequestErrors = validated.ok ? {} : { ...validated.errors };
  // Accepting an older text than the one now in force is not accepting the terms.
  if (req.raw.terms && req.termsVersion !== String(terms.id)) errors.terms = { code: 'TermsChanged' };
  if (!validated.ok || Object.keys(errors).length > 0) return { status: 'invalid', errors, terms };
  if (req.honeypot.trim() !== '') return { status: 'accepted' };
  if ((await deps.campaignRequests.findByNonce(nonce)) !== undefined) return { status: 'accepted' };

  const input = validated.input;
  const domain = input.contactEmail.slice(input.contactEmail.lastIndexOf('@') + 1).toLowerCase();
  const limited = await deps.rateLimiter.hit({ ip, emailDomain: domain }, now);
  if (limited.over) return { status: 'refused', reason: 'rate_limited', terms };

  const pictures: { logo: string | null; photo: string | null } = { logo: null, photo: null };
  for (const [field, upload] of [
    ['logo', req.logo],
    ['photo', req.photo],
  ] as const) {
    if (!upload) continue;
    const stored = await deps.images.store(upload, field === 'logo' ? 'logo' : 'photo');
    if ('error' in stored) errors[field] = { code: stored.error };
    else pictures[field] = stored.path;
  }
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors, terms };

  await deps.campaignRequests.create(
    {
      ...input,
      contactLocale: req.contactLocale,
      orgLogoPath: pictures.logo,
      photoPath: pictures.photo,
      termsVersionId: terms.id,
      formNonce: nonce,
      ipHash: req.ipKey,
    },
    (requestId) => [
      campaignRequestMail({
        kind: 'received',
        requestId,
        to: { name: input.contactName, address: input.contactEmail },
        locale: req.contactLocale,
        headline: input.headline,
        orgName: input.orgName,
      }),
    ],
    now,
  );
  // A duplicate (the same form sent twice at once) is told the same: the first one was received.
  return { status: 'accepted' };
}
