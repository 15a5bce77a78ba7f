// An admin sets a translator's standing in their languages (decision 0039): plain translator, trusted
// (publishes their own work) or coordinator (reviews the language). Only a translator account, only
// languages it has; the changed ones are written together and audited like a change of its languages,
// as before → after.
import type { Actor } from '../account/account.js';
import {
  type AccountScopeDeps,
  changeScope,
  type ScopeChangeRefused,
  scopeAudit,
} from '../account/account-scopes.js';
import type { LanguageStanding } from './language-standing.js';

export type SetStandingsResult =
  | { status: 'saved' | 'unchanged' }
  /** The account does not have this language (any more): nothing was changed. */
  | { status: 'unknown_language'; locale: string }
  | ScopeChangeRefused;

export function setLanguageStandings(
  deps: AccountScopeDeps,
  actor: Actor,
  input: { userId: number; standings: ReadonlyMap<string, LanguageStanding> },
): Promise<SetStandingsResult> {
  return changeScope(
    deps,
    input.userId,
    'translator',
    async (unit, account, now): Promise<SetStandingsResult> => {
      const current = new Map((await unit.grantsOf(account.id)).map((g) => [g.locale, g.standing]));
      const unknown = [...input.standings.keys()].find((locale) => !current.has(locale));
      if (unknown !== undefined) return { status: 'unknown_language', locale: unknown };
      const changed = [...input.standings].filter(([locale, standing]) => current.get(locale) !== standing);
      if (changed.length === 0) return { status: 'unchanged' };
      for (const [locale, standing] of changed) await unit.setStanding(account.id, locale, standing);
      await unit.audit.record(
        scopeAudit(
          actor,
          'user.languages_changed',
          account.id,
          {
            before: {
              standing: Object.fromEntries(changed.map(([locale]) => [locale, current.get(locale)])),
            },
            after: { standing: Object.fromEntries(changed) },
          },
          now,
        ),
      );
      return { status: 'saved' };
    },
  );
}
