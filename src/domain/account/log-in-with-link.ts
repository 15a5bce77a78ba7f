// Logging in with the link from a "log in by email" mail: the button on the link's page posts here, the
// token is used up and a session starts, all in one transaction.
import { publicUser } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { isTokenShaped, useLink } from './check-link.js';
import { type NewSession, startSession } from './start-session.js';

export type LinkLogInResult = { status: 'ok'; session: NewSession } | { status: 'invalid' };

export async function logInWithLink(deps: AccountDeps, token: string): Promise<LinkLogInResult> {
  if (!isTokenShaped(token)) return { status: 'invalid' };
  const now = deps.clock.now();
  const hash = deps.tokens.hash(token);
  return deps.store.transaction(async (unit) => {
    const user = await useLink(unit, hash, 'login', now);
    if (!user) return { status: 'invalid' } as const;
    return { status: 'ok', session: await startSession(unit, deps.tokens, publicUser(user), 'link', now) };
  });
}
