// Changing one's own password from "my account": the current password is asked again (a session left open
// on a shared computer must not be enough), and every other session of the account ends. Wrong current
// passwords count as failed logins of the account: a stolen session cannot guess the password here faster
// than at the login form (and over the limit nothing is hashed at all).
import { type Actor, checkPassword, type PasswordError } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { accountEmail, isOver, throttleKeys, throttleLimits } from './throttle.js';

export type ChangePasswordResult =
  | { status: 'changed'; sessionsEnded: number }
  | {
      status: 'invalid';
      errors: { current?: 'CurrentPasswordWrong' | 'CurrentPasswordThrottled'; password?: PasswordError };
    };

export async function changePassword(
  deps: AccountDeps,
  actor: Actor,
  input: { sessionId: string; current: string; password: string },
): Promise<ChangePasswordResult> {
  const now = deps.clock.now();
  const accountKey = throttleKeys.loginAccount(accountEmail(actor.email));
  if (await isOver(deps.throttle, accountKey, throttleLimits.loginPerAccount, now)) {
    return { status: 'invalid', errors: { current: 'CurrentPasswordThrottled' } };
  }
  const user = await deps.store.users.findById(actor.id);
  const matches = await deps.passwords.verify(user?.passwordHash ?? null, input.current);
  if (!matches) await deps.throttle.record(accountKey, now);
  const error = checkPassword(input.password, actor.email);
  if (!user || !matches || error) {
    return {
      status: 'invalid',
      errors: {
        ...(matches ? {} : { current: 'CurrentPasswordWrong' }),
        ...(error ? { password: error } : {}),
      },
    };
  }
  const passwordHash = await deps.passwords.hash(input.password);
  await deps.throttle.clear(accountKey);
  return deps.store.transaction(async (unit) => {
    await unit.users.update(actor.id, { passwordHash });
    const ended = await unit.sessions.deleteForUser(actor.id, input.sessionId);
    await unit.tokens.invalidate(actor.id, 'reset', now);
    await unit.audit.record({
      actor,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: actor.id,
      after: { sessionsEnded: ended },
      now,
    });
    return { status: 'changed', sessionsEnded: ended } as const;
  });
}
