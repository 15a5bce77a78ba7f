// Accounts: one-time tokens for emailed links (login, invitation, reset), a CSRF secret per session, the
// time of the last login, failed-login and mail-request counts for throttling, and the audit log.
import type { Kysely } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';

export function accounts(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // No login existed before this migration, so no session row can be left without a secret.
      await addColumn(db, 'sessions', 'csrf_secret', 'varchar(64)', (c) => c.notNull().defaultTo(''));
      await addIndex(db, 'idx_sessions_expires_at', 'sessions', ['expires_at']);
      await addColumn(db, 'users', 'last_login_at', big);

      await withId(dialect, db.schema.createTable('account_tokens'))
        .addColumn('user_id', fk, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('purpose', 'varchar(20)', oneOf('purpose', ['login', 'invite', 'reset']))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('used_at', big)
        .execute();
      await addIndex(db, 'idx_account_tokens_user_id_purpose', 'account_tokens', ['user_id', 'purpose']);

      await withId(dialect, db.schema.createTable('login_attempts'))
        .addColumn('key_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_login_attempts_key_hash_created_at', 'login_attempts', [
        'key_hash',
        'created_at',
      ]);

      await withId(dialect, db.schema.createTable('audit_events'))
        .addColumn('actor_id', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('actor_email', 'varchar(320)')
        .addColumn('action', 'varchar(100)', (c) => c.notNull())
        .addColumn('entity_type', 'varchar(50)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_audit_events_created_at', 'audit_events', ['created_at']);
      await addIndex(db, 'idx_audit_events_actor_id_created_at', 'audit_events', ['actor_id', 'created_at']);
      await addIndex(db, 'idx_audit_events_entity_type_entity_id', 'audit_events', [
        'entity_type',
        'entity_id',
      ]);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('audit_events').execute();
      await db.schema.dropTable('login_attempts').execute();
      await db.schema.dropTable('account_tokens').execute();
      await db.schema.alterTable('users').dropColumn('last_login_at').execute();
      await db.schema.dropIndex('idx_sessions_expires_at').execute();
      await db.schema.alterTable('sessions').dropColumn('csrf_secret').execute();
    },
  };
}
