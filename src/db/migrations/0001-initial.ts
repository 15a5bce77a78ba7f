// The first schema: campaigns with translations, partners and targets; supporters, signatures, consents and
// counts; the job queue (outbox); messages to targets; users and sessions. Frozen once released: later
// changes go in new migrations. Status lists are copied here on purpose, not imported from the domain.
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';

export function initial(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('campaigns'))
        .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(20)', oneOf('status', ['draft', 'in_review', 'live', 'closed']))
        .addColumn('source_locale', 'varchar(20)', (c) => c.notNull())
        .addColumn(
          'confirmation_mode',
          'varchar(20)',
          oneOf('confirmation_mode', ['confirm_first', 'immediate'], 'confirm_first'),
        )
        .addColumn(
          'delivery_mode',
          'varchar(20)',
          oneOf('delivery_mode', ['individual', 'digest', 'petition_only'], 'individual'),
        )
        .addColumn('goal', 'integer')
        .addColumn('more_info_url', 'varchar(2000)')
        .addColumn('photo_path', 'varchar(500)')
        .addColumn('starts_at', big)
        .addColumn('ends_at', big)
        .addColumn('closed_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await withId(dialect, db.schema.createTable('campaign_translations'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', oneOf('status', ['draft', 'in_review', 'published']))
        .addColumn('headline', 'varchar(300)', (c) => c.notNull())
        .addColumn('background_md', 'text', (c) => c.notNull())
        .addColumn('default_message', 'text', (c) => c.notNull())
        .addColumn('target_subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('outcome_md', 'text')
        .addColumn('source_revision', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addUniqueConstraint('uq_campaign_translations_campaign_locale', ['campaign_id', 'locale'])
        .execute();

      await withId(dialect, db.schema.createTable('partners'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('name', 'varchar(300)', (c) => c.notNull())
        .addColumn('url', 'varchar(2000)')
        .addColumn('logo_path', 'varchar(500)')
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await addIndex(db, 'idx_partners_campaign_id', 'partners', ['campaign_id']);

      await withId(dialect, db.schema.createTable('targets'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(20)', oneOf('kind', ['target', 'copy'], 'target'))
        .addColumn('name', 'varchar(300)', (c) => c.notNull())
        .addColumn('organisation', 'varchar(300)')
        .addColumn('email', 'varchar(320)', (c) => c.notNull())
        .addColumn('locale', 'varchar(20)')
        .addColumn('time_zone', 'varchar(64)')
        .addColumn('status', 'varchar(20)', oneOf('status', ['active', 'paused', 'bounced'], 'active'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_targets_campaign_id', 'targets', ['campaign_id']);

      await withId(dialect, db.schema.createTable('supporters'))
        .addColumn('email', 'varchar(320)', (c) => c.notNull())
        .addColumn('email_canonical', 'varchar(320)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('country', 'varchar(2)')
        .addColumn('union_name', 'varchar(200)')
        .addColumn(
          'status',
          'varchar(20)',
          oneOf('status', ['active', 'unsubscribed', 'bounced', 'erased'], 'active'),
        )
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await withId(dialect, db.schema.createTable('signatures'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('supporter_id', fk, (c) => c.notNull().references('supporters.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('union_name', 'varchar(200)')
        .addColumn('country', 'varchar(2)')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('source', 'varchar(100)')
        .addColumn(
          'status',
          'varchar(20)',
          oneOf('status', ['pending', 'confirmed', 'held', 'expired', 'invalid']),
        )
        .addColumn('confirm_token_hash', 'varchar(64)')
        .addColumn('ip_hash', 'varchar(64)')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('confirmed_at', big)
        .addColumn('confirmation_sent_at', big)
        .addUniqueConstraint('uq_signatures_campaign_supporter', ['campaign_id', 'supporter_id'])
        .execute();
      await addIndex(db, 'idx_signatures_campaign_id_status', 'signatures', ['campaign_id', 'status']);
      await addIndex(db, 'idx_signatures_supporter_id', 'signatures', ['supporter_id']);

      await withId(dialect, db.schema.createTable('consents'))
        .addColumn('supporter_id', fk, (c) => c.notNull().references('supporters.id').onDelete('cascade'))
        .addColumn('campaign_id', fk, (c) => c.references('campaigns.id').onDelete('set null'))
        .addColumn('scope', 'varchar(40)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('version', 'varchar(40)', (c) => c.notNull())
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('source', 'varchar(100)')
        .addColumn('given_at', big, (c) => c.notNull())
        .addColumn('withdrawn_at', big)
        .execute();
      await addIndex(db, 'idx_consents_supporter_id', 'consents', ['supporter_id']);

      // Counts receive aggregated deltas per commit batch; never one shared row per campaign (architecture.md).
      await db.schema
        .createTable('counts')
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('country', 'varchar(2)', (c) => c.notNull())
        .addColumn('source', 'varchar(100)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('pk_counts', ['campaign_id', 'locale', 'country', 'source', 'status'])
        .execute();

      await withId(dialect, db.schema.createTable('jobs'))
        .addColumn('kind', 'varchar(60)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', oneOf('status', ['queued', 'running', 'done', 'dead']))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(10))
        .addColumn('run_at', big, (c) => c.notNull())
        .addColumn('locked_by', 'varchar(100)')
        .addColumn('locked_until', big)
        .addColumn('last_error', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_jobs_status_run_at', 'jobs', ['status', 'run_at']);

      await createFirstMessages(dialect, db);

      await withId(dialect, db.schema.createTable('users'))
        .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', oneOf('role', ['admin', 'editor', 'translator', 'partner']))
        .addColumn('password_hash', 'varchar(200)')
        .addColumn('locale', 'varchar(20)', (c) => c.notNull().defaultTo('en'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('disabled_at', big)
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', fk, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('last_seen_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_sessions_user_id', 'sessions', ['user_id']);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'sessions',
        'users',
        'messages',
        'jobs',
        'counts',
        'consents',
        'signatures',
        'supporters',
        'targets',
        'partners',
        'campaign_translations',
        'campaigns',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

/**
 * Messages to targets as this migration made them; 0003 rebuilds the table and makes it so again when it is
 * rolled back.
 */
export async function createFirstMessages(dialect: Dialect, db: Kysely<unknown>): Promise<void> {
  const { big, fk } = columnTypes(dialect);
  await withId(dialect, db.schema.createTable('messages'))
    .addColumn('signature_id', fk, (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('target_id', fk, (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn(
      'status',
      'varchar(20)',
      oneOf('status', [
        'queued',
        'sending',
        'sent',
        'deferred',
        'bounced',
        'suppressed',
        'failed',
        'unknown',
      ]),
    )
    .addColumn('message_id_header', 'varchar(300)')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', big)
    .addColumn('last_error', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('sent_at', big)
    .addUniqueConstraint('uq_messages_signature_target', ['signature_id', 'target_id'])
    .execute();
  await addIndex(db, 'idx_messages_target_id_status', 'messages', ['target_id', 'status']);
}
