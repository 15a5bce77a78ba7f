// The account ports over one database: every store on the database itself, or all of them bound to one
// transaction for the use cases that change several things at once (user, token, audit, outbox).
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountStore, AccountUnit, LoginThrottle } from '../domain/account/account.ports.js';
import { throttleWindowMs } from '../domain/account/throttle.js';
import { AccountTokenRepository } from './account-token.repository.js';
import { AuditRepository } from './audit.repository.js';
import type { Db } from './database.js';
import { enqueueJobs } from './job.repository.js';
import type { Database } from './schema.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';

/** The account stores bound to one executor (a transaction another feature opened, too). */
export function accountUnitOf(executor: Kysely<Database>): AccountUnit {
  return {
    users: new UserRepository(executor),
    sessions: new SessionRepository(executor),
    tokens: new AccountTokenRepository(executor),
    audit: new AuditRepository(executor),
    outbox: { enqueue: (jobs, now) => enqueueJobs(executor, jobs, now) },
  };
}

export class KyselyAccountStore implements AccountStore {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly tokens: AccountTokenRepository;
  readonly audit: AuditRepository;
  readonly outbox: AccountUnit['outbox'];

  constructor(private readonly db: Db) {
    this.users = new UserRepository(db.kysely);
    this.sessions = new SessionRepository(db.kysely);
    this.tokens = new AccountTokenRepository(db.kysely);
    this.audit = new AuditRepository(db.kysely);
    this.outbox = accountUnitOf(db.kysely).outbox;
  }

  transaction<T>(work: (unit: AccountUnit) => Promise<T>): Promise<T> {
    return this.db.kysely.transaction().execute((trx) => work(accountUnitOf(trx)));
  }
}

/**
 * Failed logins and mail requests, one row each, counted per key in the throttle window. Kept in the
 * database rather than in memory so the limits hold across web processes and restarts. Keys are HMACs:
 * the table holds neither addresses nor IP keys.
 */
export class DbLoginThrottle implements LoginThrottle {
  private readonly db: Kysely<Database>;
  constructor(
    db: Db,
    private readonly secret: string,
  ) {
    this.db = db.kysely;
  }

  private hash(key: string): string {
    return createHmac('sha256', this.secret).update(`throttle:${key}`).digest('base64url').slice(0, 43);
  }

  async count(key: string, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key_hash', '=', this.hash(key))
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async record(key: string, now: number): Promise<void> {
    const keyHash = this.hash(key);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('login_attempts')
        .where('created_at', '<=', now - throttleWindowMs)
        .execute();
      await trx.insertInto('login_attempts').values({ key_hash: keyHash, created_at: now }).execute();
    });
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('key_hash', '=', this.hash(key)).execute();
  }
}

/** The account adapters for one database, as main.ts wires them into the app. */
export function accountAdapters(db: Db, secret: string) {
  return {
    store: new KyselyAccountStore(db),
    throttle: new DbLoginThrottle(db, secret),
    audit: new AuditRepository(db),
  };
}
