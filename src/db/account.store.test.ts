// The account stores on both databases: a link used by two clicks at once logs in once, a failed
// transaction leaves neither audit entry nor mail behind, and the throttle counts only its window.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import type { TokenPurpose } from '../domain/account/account.js';
import { DbLoginThrottle, KyselyAccountStore } from './account.store.js';

describe.each(testDialects)('account store on %s', (dialect) => {
  let db: TestDb;
  let store: KyselyAccountStore;
  const now = Date.UTC(2026, 10, 23, 9);

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    store = new KyselyAccountStore(db);
  });

  /** An invited editor with one token of `purpose` stored under `hash`. */
  async function invitedWithToken(email: string, purpose: TokenPurpose, hash: string, expiresAt: number) {
    const userId = await store.users.createInvited({ email, role: 'editor', locale: 'en' }, now);
    await store.tokens.create({ userId, purpose, hash, expiresAt, createdBy: null }, now);
    return userId;
  }

  it('hands a one-time token to exactly one of many concurrent consumers', async () => {
    const userId = await invitedWithToken('a@example.org', 'login', 'h'.repeat(64), now + 60_000);
    const other = db.reopen();
    const stores = [store, new KyselyAccountStore(other)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]!.tokens.consume('h'.repeat(64), 'login', now + 1)),
    );
    expect(results.filter(Boolean)).toEqual([{ userId }]);
    expect(await store.tokens.peek('h'.repeat(64), 'login', now + 1)).toBeUndefined();
  });

  it('does not accept a token for another purpose, or after it expired', async () => {
    const userId = await invitedWithToken('b@example.org', 'reset', 'r'.repeat(64), now + 1_000);
    expect(await store.tokens.consume('r'.repeat(64), 'login', now)).toBeUndefined();
    expect(await store.tokens.peek('r'.repeat(64), 'reset', now + 999)).toEqual({ userId });
    expect(await store.tokens.consume('r'.repeat(64), 'reset', now + 1_000)).toBeUndefined();
  });

  it('rolls back the audit entry and the outbox row with a failed transaction', async () => {
    await expect(
      store.transaction(async (unit) => {
        await unit.audit.record({
          actor: null,
          action: 'user.invited',
          entityType: 'user',
          entityId: 1,
          now,
        });
        await unit.outbox.enqueue([{ kind: 'send-account-mail', payload: {} }], now);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.kysely.selectFrom('audit_events').selectAll().execute()).toEqual([]);
    expect(await db.kysely.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('counts throttle hits per key inside the window only', async () => {
    const throttle = new DbLoginThrottle(db, 's'.repeat(40));
    await throttle.record('login-ip:x', now);
    await throttle.record('login-ip:x', now + 1_000);
    await throttle.record('login-ip:y', now + 1_000);
    expect(await throttle.count('login-ip:x', now - 1)).toBe(2);
    expect(await throttle.count('login-ip:x', now)).toBe(1);
    await throttle.clear('login-ip:x');
    expect(await throttle.count('login-ip:x', 0)).toBe(0);
    expect(await throttle.count('login-ip:y', 0)).toBe(1);
  });
});
