// An admin sets a translator's standing in one of their languages (decision 0039): plain translator, trusted
// (publishes their own work) or coordinator (reviews the language). Only a translator account, only a
// language it has; audited like the change of its languages, as before → after.
import type { Actor } from '../account/account.js';
import { type AccountScopeDeps, type ScopeChangeRefused, scopeAudit } from '../account/account-scopes.js';
import type { LanguageStanding } from './language-standing.js';

export type SetStandingResult =
  | { status: 'saved' | 'unchanged' }
  /** The account does not have this language (any more): nothing to set. */
  | { status: 'unknown_language'; locale: string }
  | ScopeChangeRefused;

export function setLanguageStanding(
  deps: AccountScopeDeps,
  actor: Actor,
  input: { userId: number; locale: string; standing: LanguageStanding },
): Promise<SetStandingResult> {
  const now = deps.clock.now();
  return deps.scopes.transaction(async (unit): Promise<SetStandingResult> => {
    const account = await unit.account(input.userId);
    if (!account) return { status: 'not_found' };
    if (account.role !== 'translator') return { status: 'wrong_role', role: account.role };
    const grant = (await unit.grantsOf(account.id)).find((g) => g.locale === input.locale);
    if (!grant) return { status: 'unknown_language', locale: input.locale };
    if (grant.standing === input.standing) return { status: 'unchanged' };
    await unit.setStanding(account.id, input.locale, input.standing);
    await unit.audit.record(
      scopeAudit(
        actor,
        'user.languages_changed',
        account.id,
        {
          before: { standing: { [input.locale]: grant.standing } },
          after: { standing: { [input.locale]: input.standing } },
        },
        now,
      ),
    );
    return { status: 'saved' };
  });
}
