// One rule for the changes made to an existing account (its role, its access, its sessions, its profile): the
// account is read in the transaction that changes it, so the change sees it as it is, and a change to an
// account that is gone is `not_found`.
import type { AccountDeps, AccountUnit, UserRecord } from './account.ports.js';

export async function changeAccount<R>(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  userId: number,
  change: (unit: AccountUnit, user: UserRecord, now: number) => Promise<R>,
): Promise<R | { status: 'not_found' }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (unit) => {
    const user = await unit.users.findById(userId);
    if (!user) return { status: 'not_found' } as const;
    return change(unit, user, now);
  });
}
