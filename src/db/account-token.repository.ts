// One-time tokens of emailed links (login, invitation, password reset): stored as SHA-256 hashes, valid
// until they expire or are used, whichever comes first. `consume` is a single conditional UPDATE, so two
// clicks racing on one link log in at most once.
import { type ExpressionBuilder, Kysely } from 'kysely';
import type { TokenPurpose } from '../domain/account/account.js';
import type { AccountTokenStore, NewAccountToken } from '../domain/account/account.ports.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Used or expired tokens are kept this long (to answer "this link has expired"), then deleted. */
const keepMs = 30 * 86_400_000;

/** The token of this hash and purpose, neither used nor expired: `peek` shows its page, `consume` uses it. */
const usableToken =
  (hash: string, purpose: TokenPurpose, now: number) => (eb: ExpressionBuilder<Database, 'account_tokens'>) =>
    eb.and([
      eb('token_hash', '=', hash),
      eb('purpose', '=', purpose),
      eb('used_at', 'is', null),
      eb('expires_at', '>', now),
    ]);

export class AccountTokenRepository implements AccountTokenStore {
  private readonly db: Kysely<Database>;
  constructor(db: Db | Kysely<Database>) {
    this.db = db instanceof Kysely ? db : db.kysely;
  }

  async create(input: NewAccountToken, now: number): Promise<void> {
    await this.db
      .deleteFrom('account_tokens')
      .where('expires_at', '<', now - keepMs)
      .execute();
    await this.db
      .insertInto('account_tokens')
      .values({
        user_id: input.userId,
        purpose: input.purpose,
        token_hash: input.hash,
        created_by: input.createdBy,
        created_at: now,
        expires_at: input.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async invalidate(userId: number, purpose: TokenPurpose, now: number): Promise<void> {
    await this.db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }

  async peek(hash: string, purpose: TokenPurpose, now: number): Promise<{ userId: number } | undefined> {
    const row = await this.db
      .selectFrom('account_tokens')
      .select('user_id')
      .where(usableToken(hash, purpose, now))
      .executeTakeFirst();
    return row && { userId: row.user_id };
  }

  async consume(hash: string, purpose: TokenPurpose, now: number): Promise<{ userId: number } | undefined> {
    const row = await this.db
      .updateTable('account_tokens')
      .set({ used_at: now })
      .where(usableToken(hash, purpose, now))
      .returning('user_id')
      .executeTakeFirst();
    return row && { userId: row.user_id };
  }
}
