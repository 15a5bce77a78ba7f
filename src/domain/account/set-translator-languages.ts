// An admin chooses the languages a translator account works in (the ticked boxes replace the old set).
// Only translator accounts have languages, and only known ones: a language offered for campaigns, one some
// campaign has a text in, or one the translator already has. The change is audited as before → after.
import type { Actor } from './account.js';
import {
  type AccountScopeDeps,
  changeScope,
  type ScopeChangeRefused,
  scopeAudit,
  translatorLanguageChoices,
} from './account-scopes.js';

/** More tags than any real form sends is a forged body, refused before the database is asked. */
export const maxTranslatorLanguages = 200;

export type SetLanguagesResult =
  | { status: 'saved' | 'unchanged'; languages: string[] }
  | { status: 'unknown_language'; locale: string }
  | ScopeChangeRefused;

export async function setTranslatorLanguages(
  deps: AccountScopeDeps,
  actor: Actor,
  input: { userId: number; locales: readonly string[] },
): Promise<SetLanguagesResult> {
  const wanted = [...new Set(input.locales)].sort();
  if (wanted.length > maxTranslatorLanguages) return { status: 'unknown_language', locale: wanted.at(-1)! };
  return changeScope(
    deps,
    input.userId,
    'translator',
    async (unit, account, now): Promise<SetLanguagesResult> => {
      const current = await unit.languagesOf(account.id);
      const known = new Set(translatorLanguageChoices(await unit.contentLanguages(), current));
      const unknown = wanted.find((locale) => !known.has(locale));
      if (unknown !== undefined) return { status: 'unknown_language', locale: unknown };
      if (current.join(' ') === wanted.join(' ')) return { status: 'unchanged', languages: current };
      await unit.setLanguages(account.id, wanted, actor.id, now);
      await unit.audit.record(
        scopeAudit(
          actor,
          'user.languages_changed',
          account.id,
          { before: { languages: current }, after: { languages: wanted } },
          now,
        ),
      );
      return { status: 'saved', languages: wanted };
    },
  );
}
