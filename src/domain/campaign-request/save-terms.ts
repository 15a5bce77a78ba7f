// Saving the partnership terms in one language: a new version (never an edit of an old one, because
// requests point at the version their sender accepted), audited. An unchanged text makes no new version.
import type { Actor } from '../account/account.js';
import { normaliseText } from '../signature/text.js';
import { type TermsStore, type TermsVersion, termsMax } from './partnership-terms.js';

export type SaveTermsResult =
  | { status: 'saved'; version: TermsVersion }
  | { status: 'unchanged'; version: TermsVersion }
  | { status: 'invalid'; error: 'Required' | 'TooLong' | 'LanguageInvalid' };

export async function saveTerms(
  deps: { terms: TermsStore; clock: { now(): number }; locales: readonly string[] },
  actor: Pick<Actor, 'id' | 'email'>,
  input: { locale: string; bodyMd: string },
): Promise<SaveTermsResult> {
  if (!deps.locales.includes(input.locale)) return { status: 'invalid', error: 'LanguageInvalid' };
  const body = normaliseText(input.bodyMd, { max: termsMax });
  if (!body.ok) return { status: 'invalid', error: body.error };
  const current = (await deps.terms.latest()).find((v) => v.locale === input.locale);
  if (current && current.bodyMd === body.value) return { status: 'unchanged', version: current };
  const version = await deps.terms.save(
    { locale: input.locale, bodyMd: body.value },
    { actor, now: deps.clock.now() },
  );
  return { status: 'saved', version };
}
