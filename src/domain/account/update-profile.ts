// Changing one's own name and interface language ("my account"). The language also chooses the language
// of the mail the account receives.
import { type Actor, checkName, type NameError } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { changeAccount } from './change-account.js';

export type UpdateProfileResult =
  | { status: 'saved' | 'unchanged' }
  | { status: 'invalid'; errors: { name?: NameError } }
  | { status: 'not_found' };

export async function updateProfile(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  input: { name: string; locale: string },
): Promise<UpdateProfileResult> {
  const name = checkName(input.name);
  if (!name.ok) return { status: 'invalid', errors: { name: name.error } };
  return changeAccount(deps, actor.id, async (unit, user, now) => {
    if (user.name === name.name && user.locale === input.locale) return { status: 'unchanged' } as const;
    await unit.users.update(actor.id, { name: name.name, locale: input.locale });
    await unit.audit.record({
      actor,
      action: 'user.profile_changed',
      entityType: 'user',
      entityId: actor.id,
      before: { name: user.name, locale: user.locale },
      after: { name: name.name, locale: input.locale },
      now,
    });
    return { status: 'saved' } as const;
  });
}
