// People who log in. Only what the CLI and the demo need so far; the editor area adds the rest.
import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export type UserRole = 'admin' | 'editor' | 'translator' | 'partner';

export class UserRepository {
  private readonly db: Kysely<Database>;
  constructor(db: Db) {
    this.db = db.kysely;
  }

  /** Creates the user, or sets the password and role of an existing one with that email. */
  async upsertWithPassword(
    input: { email: string; name: string; role: UserRole; passwordHash: string },
    now: number,
  ): Promise<{ id: number; created: boolean }> {
    const email = input.email.trim().toLowerCase();
    const existing = await this.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing) {
      await this.db
        .updateTable('users')
        .set({ password_hash: input.passwordHash, role: input.role, disabled_at: null })
        .where('id', '=', existing.id)
        .execute();
      return { id: existing.id, created: false };
    }
    const { id } = await this.db
      .insertInto('users')
      .values({
        email,
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, created: true };
  }

  async findByEmail(email: string) {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'password_hash'])
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role as UserRole,
        passwordHash: row.password_hash,
      }
    );
  }
}
