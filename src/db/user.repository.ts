// Accounts (the people who log in): the UserStore port over the users table, plus the upsert that `outcry create-admin`
// and the demo use. Works on the database or inside a caller's transaction (pass the trx).
import { Kysely } from 'kysely';
import type { User, UserStatus } from '../domain/account/account.js';
import type { UserChanges, UserRecord, UserStore } from '../domain/account/account.ports.js';
import { isRole, type Role } from '../domain/account/permissions.js';
import { recordAudit } from './audit.repository.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export type UserRole = Role;

const columns = [
  'id',
  'email',
  'name',
  'role',
  'locale',
  'password_hash',
  'disabled_at',
  'created_at',
  'last_login_at',
] as const;

interface Row {
  id: number;
  email: string;
  name: string;
  role: string;
  locale: string;
  password_hash: string | null;
  disabled_at: number | null;
  created_at: number;
  last_login_at: number | null;
}

function statusOf(row: Pick<Row, 'disabled_at' | 'password_hash'>): UserStatus {
  if (row.disabled_at !== null) return 'disabled';
  return row.password_hash === null ? 'invited' : 'active';
}

function toRecord(row: Row): UserRecord {
  // The CHECK constraint allows only known roles; a stray value would be a bug, read as the least power.
  const role = isRole(row.role) ? row.role : 'partner';
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role,
    locale: row.locale,
    status: statusOf(row),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
  };
}

export class UserRepository implements UserStore {
  private readonly db: Kysely<Database>;
  constructor(db: Db | Kysely<Database>) {
    this.db = db instanceof Kysely ? db : db.kysely;
  }

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(columns)
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async createInvited(input: { email: string; role: Role; locale: string }, now: number): Promise<number> {
    const { id } = await this.db
      .insertInto('users')
      .values({
        email: input.email.trim().toLowerCase(),
        name: '',
        role: input.role,
        locale: input.locale,
        password_hash: null,
        created_at: now,
        disabled_at: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async update(id: number, changes: UserChanges): Promise<void> {
    const set = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
      ...(changes.lastLoginAt !== undefined ? { last_login_at: changes.lastLoginAt } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('users').set(set).where('id', '=', id).execute();
  }

  /** Everyone, admins first, then by name (invited people, who have none yet, by email). */
  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').select(columns).orderBy('email').execute();
    const order: Record<Role, number> = { admin: 0, editor: 1, translator: 2, partner: 3 };
    return rows
      .map((r) => {
        const { passwordHash: _, ...user } = toRecord(r);
        return user;
      })
      .sort(
        (a, b) => order[a.role] - order[b.role] || (a.name || a.email).localeCompare(b.name || b.email, 'en'),
      );
  }

  /**
   * Creates the user, or sets the password and role of an existing one with that email (and enables it):
   * `outcry create-admin` is also how a locked-out admin gets back in. Recorded in the audit log.
   */
  async upsertWithPassword(
    input: { email: string; name: string; role: UserRole; passwordHash: string },
    now: number,
  ): Promise<{ id: number; created: boolean }> {
    const email = input.email.trim().toLowerCase();
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('users')
        .select(['id', 'role', 'disabled_at'])
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing) {
        await trx
          .updateTable('users')
          .set({ password_hash: input.passwordHash, role: input.role, disabled_at: null })
          .where('id', '=', existing.id)
          .execute();
        await recordAudit(trx, {
          actor: null,
          action: 'user.password_set_from_cli',
          entityType: 'user',
          entityId: existing.id,
          before: { role: existing.role, disabled: existing.disabled_at !== null },
          after: { role: input.role, disabled: false },
          now,
        });
        return { id: existing.id, created: false };
      }
      const { id } = await trx
        .insertInto('users')
        .values({
          email,
          name: input.name,
          role: input.role,
          password_hash: input.passwordHash,
          created_at: now,
          disabled_at: null,
          last_login_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: null,
        action: 'user.created_from_cli',
        entityType: 'user',
        entityId: id,
        after: { email, name: input.name, role: input.role },
        now,
      });
      return { id, created: true };
    });
  }
}
