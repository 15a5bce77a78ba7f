// The invited person chooses their name and password from the invitation link; the invitation is used up
// and they are logged in, in one transaction. The password is hashed before the transaction starts
// (argon2 takes a moment; no write lock is held meanwhile). The language they read the page in becomes
// their interface language.
import { checkName, checkPassword, type NameError, type PasswordError, publicUser } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { checkLink, type LinkFormResult, useLink } from './check-link.js';
import { startSession } from './start-session.js';

export type AcceptErrors = { name?: NameError; password?: PasswordError };

export type AcceptResult = LinkFormResult<{ errors: AcceptErrors }>;

export async function acceptInvitation(
  deps: AccountDeps,
  input: { token: string; name: string; password: string; locale?: string | undefined },
): Promise<AcceptResult> {
  const invited = await checkLink(deps, 'invite', input.token);
  if (!invited) return { status: 'expired' };
  const name = checkName(input.name);
  const passwordError = checkPassword(input.password, invited.email);
  if (!name.ok || passwordError) {
    return {
      status: 'invalid',
      errors: {
        ...(name.ok ? {} : { name: name.error }),
        ...(passwordError ? { password: passwordError } : {}),
      },
    };
  }
  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.clock.now();
  return deps.store.transaction(async (unit) => {
    const user = await useLink(unit, deps.tokens.hash(input.token), 'invite', now);
    if (!user) return { status: 'expired' } as const;
    const locale = input.locale ?? user.locale;
    await unit.users.update(user.id, { name: name.name, passwordHash, locale });
    const active = publicUser({ ...user, name: name.name, locale, status: 'active' });
    await unit.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: user.id,
      before: { status: 'invited' },
      after: { name: name.name, locale, status: 'active' },
      now,
    });
    return { status: 'ok', session: await startSession(unit, deps.tokens, active, 'invitation', now) };
  });
}
