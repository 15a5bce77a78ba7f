// Finds who is behind a session cookie, applying the idle and absolute limits and the account's state: a
// disabled person's sessions end at their next request even if revoking them was missed.
import { publicUser, sessionIdleMs, sessionTouchIntervalMs, type User } from './account.js';
import type { AccountDeps } from './account.ports.js';

export interface ActiveSession {
  /** The stored id (hash of the cookie token). */
  id: string;
  csrfSecret: string;
  user: User;
}

export async function resolveSession(
  deps: Pick<AccountDeps, 'store' | 'tokens' | 'clock'>,
  token: string,
): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const now = deps.clock.now();
  const id = deps.tokens.hash(token);
  const session = await deps.store.sessions.find(id);
  if (!session) return undefined;
  if (now >= session.expiresAt || now - session.lastSeenAt >= sessionIdleMs) {
    await deps.store.sessions.delete(id);
    return undefined;
  }
  const user = await deps.store.users.findById(session.userId);
  if (user?.status !== 'active') {
    await deps.store.sessions.delete(id);
    return undefined;
  }
  if (now - session.lastSeenAt >= sessionTouchIntervalMs) await deps.store.sessions.touch(id, now);
  return { id, csrfSecret: session.csrfSecret, user: publicUser(user) };
}
