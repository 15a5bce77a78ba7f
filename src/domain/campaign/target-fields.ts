// The rules for one target or union copy address, shared by the editor's form and the CSV import so both
// accept and refuse exactly the same things: a name without control characters or direction overrides, an
// address the signing rules accept (email-address.ts), a language Intl knows, an IANA time zone, a positive
// hourly cap, and the countries whose supporters write to it (none: every supporter; embassy campaigns,
// decision 0028). A cell that starts like a spreadsheet formula (= + - @) is refused, not silently changed:
// these values come back out in exports and must not run in a spreadsheet.
import { isCountryCode } from '../signature/countries.js';
import { parseEmail } from '../signature/email-address.js';
import { normaliseLine } from '../signature/text.js';

export const targetLimits = {
  /** Matches the varchar(300) columns. */
  name: 300,
  organisation: 300,
  /** Messages per hour to one address: above this a cap means nothing. */
  capMax: 10_000,
} as const;

export type TargetField =
  | 'name'
  | 'organisation'
  | 'email'
  | 'locale'
  | 'timeZone'
  | 'hourlyCap'
  | 'countries';

export type TargetFieldError =
  | 'Required'
  | 'TooLong'
  | 'InvalidCharacters'
  | 'Formula'
  | 'EmailInvalid'
  | 'LanguageUnknown'
  | 'TimeZoneUnknown'
  | 'CapInvalid'
  /** A code that is not an ISO 3166-1 alpha-2 country of the sign form's list. */
  | 'CountryUnknown'
  /** Another target or copy address of this campaign already has the address. */
  | 'Duplicate';

export type TargetErrors = Partial<Record<TargetField, TargetFieldError>>;

/** What an editor typed (or a CSV row held), every field a string; empty means "not set". */
export interface TargetInput {
  name: string;
  organisation: string;
  email: string;
  locale: string;
  timeZone: string;
  hourlyCap?: string;
  /** ISO 3166-1 alpha-2 codes separated by spaces, commas or semicolons; empty: every supporter. */
  countries?: string;
}

export interface TargetFields {
  name: string;
  organisation: string | null;
  email: string;
  locale: string | null;
  timeZone: string | null;
  hourlyCap: number | null;
  /** Only supporters from these countries write to the target (sorted codes); empty: every supporter. */
  countries: string[];
}

/** Leading characters that make a spreadsheet evaluate a cell (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@]/;

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A language tag Intl has a name for, in canonical casing (`PT-br` → `pt-BR`), or undefined. Letters are
 * written in the target's language when the campaign has a published translation in it, so any real
 * language is accepted, not only the interface languages.
 */
export function knownLanguage(input: string): string | undefined {
  const tag = input.trim().replaceAll('_', '-');
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/.test(tag)) return undefined;
  let canonical: string;
  try {
    canonical = new Intl.Locale(tag).toString();
  } catch {
    return undefined;
  }
  // Intl maps `tl` to `fil`; keep the tag people use (and the interface uses) instead.
  const [language] = tag.split('-');
  const parts = canonical.split('-');
  parts[0] = language!.toLowerCase();
  const result = parts.join('-');
  return displayNames.of(parts[0]) ? result : undefined;
}

const zones = new Map(
  [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone] as const),
);

/**
 * An IANA time zone in its canonical spelling (`europe/paris` → `Europe/Paris`), or undefined. Names Intl
 * lists come first; other names Intl accepts (newer aliases such as `Europe/Kyiv`) are accepted as Intl
 * resolves them. Offsets (`+05:00`) are refused: they know nothing of daylight saving time.
 */
export function knownTimeZone(input: string): string | undefined {
  const name = input.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return undefined;
  const listed = zones.get(name.toLowerCase());
  if (listed) return listed;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return zones.get(resolved.toLowerCase()) ?? resolved;
  } catch {
    return undefined;
  }
}

/** Every time zone offered in the form, in the order Intl lists them. */
export const timeZoneChoices: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/**
 * Languages offered first in the form (ministries, employers and unions campaigns usually write to); any
 * other known tag can still come from a CSV file or stay from an earlier value.
 */
export const commonLanguages: readonly string[] = (
  'ar bg bn cs da de el en es et fa fi fr he hi hr hu hy id it ja ka kk ko ky lt lv mn ms my ne nl no pl ' +
  'pt pt-BR ro ru si sk sl sr sv sw ta tg th tl tr uk ur uz vi zh'
).split(' ');

/**
 * The countries a target is for, from what an editor typed or a CSV cell held: codes in any case,
 * separated by spaces, commas or semicolons, each known to the sign form's country list; sorted, no repeats.
 */
export function parseTargetCountries(input: string): { ok: true; value: string[] } | { ok: false } {
  const codes = input
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter((c) => c !== '');
  if (codes.some((c) => !isCountryCode(c))) return { ok: false };
  return { ok: true, value: [...new Set(codes)].sort() };
}

/** The stored form of a target's countries: codes separated by spaces, '' for every supporter. */
export const countriesColumn = (codes: readonly string[]): string => codes.join(' ');

export const countriesFromColumn = (column: string): string[] => (column === '' ? [] : column.split(' '));

/** Whether a supporter from this country writes to a target for these countries (empty: everyone). */
export const targetServes = (countries: readonly string[], supporterCountry: string): boolean =>
  countries.length === 0 || countries.includes(supporterCountry);

/** Addresses are compared for duplicates case-insensitively; +tags are kept (they can be real mailboxes). */
export const emailKey = (address: string): string => address.toLowerCase();

function line(
  input: string,
  max: number,
  required: boolean,
): { ok: true; value: string } | { ok: false; error: TargetFieldError } {
  const result = normaliseLine(input, { max, required });
  if (!result.ok) return result;
  if (formulaStart.test(result.value)) return { ok: false, error: 'Formula' };
  return result;
}

/** Checks every field at once, so the form (or the import report) can name every problem together. */
export function validateTarget(
  input: TargetInput,
): { ok: true; value: TargetFields } | { ok: false; errors: TargetErrors } {
  const errors: TargetErrors = {};
  const name = line(input.name, targetLimits.name, true);
  if (!name.ok) errors.name = name.error;
  const organisation = line(input.organisation, targetLimits.organisation, false);
  if (!organisation.ok) errors.organisation = organisation.error;

  let email = '';
  const typed = input.email.trim();
  if (formulaStart.test(typed)) {
    errors.email = 'Formula';
  } else {
    const parsed = parseEmail(input.email);
    if (parsed.ok) email = parsed.email.address;
    else
      errors.email =
        parsed.error === 'EmailRequired'
          ? 'Required'
          : parsed.error === 'EmailTooLong'
            ? 'TooLong'
            : 'EmailInvalid';
  }

  let locale: string | null = null;
  if (input.locale.trim() !== '') {
    locale = knownLanguage(input.locale) ?? null;
    if (!locale) errors.locale = 'LanguageUnknown';
  }

  let timeZone: string | null = null;
  if (input.timeZone.trim() !== '') {
    timeZone = knownTimeZone(input.timeZone) ?? null;
    if (!timeZone) errors.timeZone = 'TimeZoneUnknown';
  }

  let hourlyCap: number | null = null;
  const cap = (input.hourlyCap ?? '').trim();
  if (cap !== '') {
    hourlyCap = /^[0-9]{1,6}$/.test(cap) ? Number(cap) : Number.NaN;
    if (!(hourlyCap >= 1 && hourlyCap <= targetLimits.capMax)) errors.hourlyCap = 'CapInvalid';
  }

  const countries = parseTargetCountries(input.countries ?? '');
  if (!countries.ok) errors.countries = 'CountryUnknown';

  if (!name.ok || !organisation.ok || !countries.ok || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: name.value,
      organisation: organisation.value === '' ? null : organisation.value,
      email,
      locale,
      timeZone,
      hourlyCap,
      countries: countries.value,
    },
  };
}
