// Ending sessions: "log out" ends this one; "log out everywhere" ends every session of the account (phones
// and shared computers included), and so does an admin revoking someone's sessions.
import type { Actor } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { changeAccount } from './change-account.js';

export async function logOut(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  sessionId: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (unit) => {
    await unit.sessions.delete(sessionId);
    await unit.audit.record({ actor, action: 'session.ended', entityType: 'user', entityId: actor.id, now });
  });
}

export type RevokeResult = { status: 'revoked'; sessionsEnded: number } | { status: 'not_found' };

/** Ends every session of `userId` (the actor's own when logging out everywhere). */
export async function revokeSessions(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  userId: number,
): Promise<RevokeResult> {
  return changeAccount(deps, userId, async (unit, _account, now) => {
    const ended = await unit.sessions.deleteForUser(userId);
    await unit.audit.record({
      actor,
      action: 'user.sessions_revoked',
      entityType: 'user',
      entityId: userId,
      after: { sessionsEnded: ended },
      now,
    });
    return { status: 'revoked', sessionsEnded: ended } as const;
  });
}
