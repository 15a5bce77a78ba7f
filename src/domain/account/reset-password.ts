// Choosing a new password from a reset link. Every existing session of the account ends (whoever knew the
// old password is logged out), login links still open are voided, and the person is logged in afresh.
import { checkPassword, type PasswordError, publicUser } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { checkLink, type LinkFormResult, useLink } from './check-link.js';
import { startSession } from './start-session.js';

export type ResetResult = LinkFormResult<{ error: PasswordError }>;

export async function resetPassword(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<ResetResult> {
  const user = await checkLink(deps, 'reset', input.token);
  if (!user) return { status: 'expired' };
  const error = checkPassword(input.password, user.email);
  if (error) return { status: 'invalid', error };
  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.clock.now();
  return deps.store.transaction(async (unit) => {
    const current = await useLink(unit, deps.tokens.hash(input.token), 'reset', now);
    if (!current) return { status: 'expired' } as const;
    await unit.users.update(current.id, { passwordHash });
    const ended = await unit.sessions.deleteForUser(current.id);
    await unit.tokens.invalidate(current.id, 'login', now);
    await unit.audit.record({
      actor: { id: current.id, email: current.email },
      action: 'user.password_reset',
      entityType: 'user',
      entityId: current.id,
      after: { sessionsEnded: ended },
      now,
    });
    return {
      status: 'ok',
      session: await startSession(unit, deps.tokens, publicUser(current), 'reset', now),
    };
  });
}
