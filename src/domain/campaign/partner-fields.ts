// The rules for one partner organisation of a campaign ("In partnership with ITUC, IndustriALL…"): a name,
// an optional link that must be http or https (a `javascript:` or `data:` link on the public page would run
// in visitors' browsers), an optional description, and a logo stored through the ImageStore port.
import { normaliseLine, normaliseText } from '../signature/text.js';

export const partnerLimits = { name: 300, url: 2_000, description: 2_000 } as const;

export type PartnerField = 'name' | 'url' | 'description' | 'logo';

export type PartnerFieldError =
  | 'Required'
  | 'TooLong'
  | 'InvalidCharacters'
  | 'UrlInvalid'
  | 'ImageUnreadable'
  | 'ImageTooLarge'
  | 'ImageDimensions';

export type PartnerErrors = Partial<Record<PartnerField, PartnerFieldError>>;

export interface PartnerInput {
  name: string;
  url: string;
  description: string;
}

export interface PartnerFields {
  name: string;
  url: string | null;
  description: string | null;
  /** `/media/…` from the ImageStore, or null. */
  logoPath: string | null;
}

/** An absolute http(s) URL without credentials, as the URL parser writes it; undefined otherwise. */
export function webLink(input: string): string | undefined {
  const typed = input.trim();
  if (!URL.canParse(typed)) return undefined;
  const url = new URL(typed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || !url.hostname.includes('.')) return undefined;
  return url.href;
}

/** Checks the text fields (the logo is the ImageStore's to judge); every problem at once. */
export function validatePartner(
  input: PartnerInput,
): { ok: true; value: Omit<PartnerFields, 'logoPath'> } | { ok: false; errors: PartnerErrors } {
  const errors: PartnerErrors = {};
  const name = normaliseLine(input.name, { max: partnerLimits.name, required: true });
  if (!name.ok) errors.name = name.error;

  let url: string | null = null;
  if (input.url.trim() !== '') {
    if (input.url.trim().length > partnerLimits.url) errors.url = 'TooLong';
    else {
      url = webLink(input.url) ?? null;
      if (!url) errors.url = 'UrlInvalid';
    }
  }

  let description: string | null = null;
  if (input.description.trim() !== '') {
    const text = normaliseText(input.description, { max: partnerLimits.description });
    if (text.ok) description = text.value;
    else errors.description = text.error;
  }

  if (!name.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name: name.value, url, description } };
}
