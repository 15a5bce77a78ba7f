// What an admin changes about someone else's account: the role, and whether it may log in at all.
// Admins cannot do either to themselves, so the site always keeps at least one working admin.
import { type Actor, auditView, publicUser } from './account.js';
import type { AccountDeps, AccountUnit, UserRecord } from './account.ports.js';
import { changeAccount } from './change-account.js';
import type { Role } from './permissions.js';

export type AccountChangeResult = { status: 'saved' | 'unchanged' | 'self' | 'not_found' };

/** Both changes: never to one's own account, and to an account that exists, in one transaction. */
async function changeOther(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  userId: number,
  change: (unit: AccountUnit, user: UserRecord, now: number) => Promise<AccountChangeResult>,
): Promise<AccountChangeResult> {
  if (userId === actor.id) return { status: 'self' };
  return changeAccount(deps, userId, change);
}

export async function changeRole(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  input: { userId: number; role: Role },
): Promise<AccountChangeResult> {
  return changeOther(deps, actor, input.userId, async (unit, user, now) => {
    if (user.role === input.role) return { status: 'unchanged' };
    await unit.users.update(user.id, { role: input.role });
    await unit.audit.record({
      actor,
      action: 'user.role_changed',
      entityType: 'user',
      entityId: user.id,
      before: { role: user.role },
      after: { role: input.role },
      now,
    });
    return { status: 'saved' };
  });
}

/** Disabling ends the account's sessions and voids its open links at once; enabling lets it log in again. */
export async function setUserDisabled(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  actor: Actor,
  input: { userId: number; disabled: boolean },
): Promise<AccountChangeResult> {
  return changeOther(deps, actor, input.userId, async (unit, user, now) => {
    if ((user.status === 'disabled') === input.disabled) return { status: 'unchanged' };
    // An invited person who never accepted has no password: enabling returns them to "invited".
    const after = input.disabled ? 'disabled' : user.passwordHash ? 'active' : 'invited';
    await unit.users.update(user.id, { disabledAt: input.disabled ? now : null });
    if (input.disabled) {
      await unit.sessions.deleteForUser(user.id);
      for (const purpose of ['login', 'invite', 'reset'] as const) {
        await unit.tokens.invalidate(user.id, purpose, now);
      }
    }
    await unit.audit.record({
      actor,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: user.id,
      before: auditView(publicUser(user)),
      after: auditView({ ...publicUser(user), status: after }),
      now,
    });
    return { status: 'saved' };
  });
}
