// Logging in with email and password. Failures are counted per network and per account and answered the
// same whether the address exists or not (a dummy hash is verified for unknown addresses, so timing does
// not tell either). Over a limit nobody is checked at all until the window passes.
import { publicUser } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { type NewSession, startSession } from './start-session.js';
import { accountEmail, isOver, throttleKeys, throttleLimits } from './throttle.js';

export type LogInResult =
  | { status: 'ok'; session: NewSession }
  | { status: 'invalid' }
  | { status: 'disabled' }
  | { status: 'throttled' };

export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string; ipKey: string },
): Promise<LogInResult> {
  const now = deps.clock.now();
  const email = accountEmail(input.email);
  const ipKey = throttleKeys.loginIp(input.ipKey);
  const accountKey = throttleKeys.loginAccount(email);
  if (
    (await isOver(deps.throttle, ipKey, throttleLimits.loginPerIp, now)) ||
    (await isOver(deps.throttle, accountKey, throttleLimits.loginPerAccount, now))
  ) {
    return { status: 'throttled' };
  }
  const user = email === '' ? undefined : await deps.store.users.findByEmail(email);
  const matches = await deps.passwords.verify(user?.passwordHash ?? null, input.password);
  if (!user || !matches || user.status === 'invited') {
    await deps.throttle.record(ipKey, now);
    await deps.throttle.record(accountKey, now);
    return { status: 'invalid' };
  }
  if (user.status === 'disabled') return { status: 'disabled' };
  await deps.throttle.clear(accountKey);
  const session = await deps.store.transaction((unit) =>
    startSession(unit, deps.tokens, publicUser(user), 'password', now),
  );
  return { status: 'ok', session };
}
