// Delivery to targets: per-campaign caps, office hours and digest interval; per-target caps, pause and
// bounce state; the messages table rebuilt for digests and the send lease (SQLite cannot alter a CHECK);
// per-address pacing, per-destination-domain state, and alerts for the people who run campaigns.
import { type Kysely, sql } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';
import { createFirstMessages } from './0001-initial.js';

const messageStatuses = [
  'queued',
  'sending',
  'sent',
  'deferred',
  'held',
  'bounced',
  'failed',
  'unknown',
  'digested',
] as const;

const oldColumns = [
  'id',
  'signature_id',
  'target_id',
  'campaign_id',
  'status',
  'message_id_header',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'sent_at',
].join(', ');

export function delivery(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);

  async function createMessages(db: Kysely<unknown>): Promise<void> {
    await withId(dialect, db.schema.createTable('messages'))
      .addColumn('kind', 'varchar(20)', oneOf('kind', ['signature', 'digest'], 'signature'))
      .addColumn('signature_id', fk, (c) => c.references('signatures.id').onDelete('cascade'))
      .addColumn('target_id', fk, (c) => c.notNull().references('targets.id').onDelete('cascade'))
      .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('status', 'varchar(20)', oneOf('status', messageStatuses))
      .addColumn('digest_id', fk, (c) => c.references('messages.id').onDelete('set null'))
      .addColumn('digest_size', 'integer')
      .addColumn('to_address', 'varchar(320)')
      .addColumn('message_id_header', 'varchar(300)')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', big)
      .addColumn('locked_by', 'varchar(100)')
      .addColumn('locked_until', big)
      .addColumn('last_attempt_at', big)
      .addColumn('last_error', 'text')
      .addColumn('created_at', big, (c) => c.notNull())
      .addColumn('sent_at', big)
      .addUniqueConstraint('uq_messages_signature_target', ['signature_id', 'target_id'])
      .execute();
    await addIndex(db, 'idx_messages_target_status_id', 'messages', ['target_id', 'status', 'id']);
    await addIndex(db, 'idx_messages_status_locked', 'messages', ['status', 'locked_until']);
    await addIndex(db, 'idx_messages_digest_id', 'messages', ['digest_id']);
  }

  async function resetIdentity(db: Kysely<unknown>): Promise<void> {
    if (dialect !== 'postgres') return;
    await sql`select setval(pg_get_serial_sequence('messages', 'id'), coalesce(max(id), 0) + 1, false) from messages`.execute(
      db,
    );
  }

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'campaigns', 'target_hourly_cap', 'integer', (c) => c.notNull().defaultTo(30));
      await addColumn(db, 'campaigns', 'office_hours', 'varchar(200)');
      await addColumn(db, 'campaigns', 'digest_interval_minutes', 'integer', (c) =>
        c.notNull().defaultTo(60),
      );

      for (const [name, type] of [
        ['hourly_cap', 'integer'],
        ['paused_at', big],
        ['bounced_at', big],
        ['last_error', 'text'],
        ['replaced_email', 'varchar(320)'],
        ['last_digest_at', big],
      ] as const) {
        await addColumn(db, 'targets', name, type);
      }

      // Rebuild messages: new statuses (held, digested), digests as rows, and the send lease.
      await db.schema.dropIndex('idx_messages_target_id_status').execute();
      await db.schema.alterTable('messages').renameTo('messages_v1').execute();
      if (dialect === 'postgres') {
        await sql`alter table messages_v1 drop constraint uq_messages_signature_target`.execute(db);
      }
      await createMessages(db);
      await sql
        .raw(
          `insert into messages (${oldColumns}, kind, to_address) select ${oldColumns}, 'signature', null from messages_v1`,
        )
        .execute(db);
      await db.schema.dropTable('messages_v1').execute();
      await resetIdentity(db);

      await db.schema
        .createTable('delivery_pacing')
        .addColumn('address', 'varchar(320)', (c) => c.primaryKey())
        .addColumn('next_send_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('mail_domains')
        .addColumn('domain', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('concurrency', 'integer')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('throttled_until', big)
        .addColumn('paused_at', big)
        .addColumn('paused_reason', 'text')
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await withId(dialect, db.schema.createTable('alerts'))
        .addColumn('kind', 'varchar(40)', (c) => c.notNull())
        .addColumn('campaign_id', fk, (c) => c.references('campaigns.id').onDelete('cascade'))
        .addColumn('target_id', fk, (c) => c.references('targets.id').onDelete('cascade'))
        .addColumn('domain', 'varchar(255)')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('resolved_at', big)
        .execute();
      await addIndex(db, 'idx_alerts_resolved_at', 'alerts', ['resolved_at']);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('alerts').execute();
      await db.schema.dropTable('mail_domains').execute();
      await db.schema.dropTable('delivery_pacing').execute();

      await sql`delete from messages where kind = 'digest'`.execute(db);
      await sql`update messages set status = 'queued' where status in ('held', 'digested')`.execute(db);
      await db.schema.alterTable('messages').renameTo('messages_v2').execute();
      if (dialect === 'postgres') {
        await sql`alter table messages_v2 drop constraint uq_messages_signature_target`.execute(db);
      }
      for (const index of [
        'idx_messages_target_status_id',
        'idx_messages_status_locked',
        'idx_messages_digest_id',
      ]) {
        await db.schema.dropIndex(index).execute();
      }
      await createFirstMessages(dialect, db);
      await sql.raw(`insert into messages (${oldColumns}) select ${oldColumns} from messages_v2`).execute(db);
      await db.schema.dropTable('messages_v2').execute();
      await resetIdentity(db);

      for (const name of [
        'last_digest_at',
        'replaced_email',
        'last_error',
        'bounced_at',
        'paused_at',
        'hourly_cap',
      ]) {
        await db.schema.alterTable('targets').dropColumn(name).execute();
      }
      for (const name of ['digest_interval_minutes', 'office_hours', 'target_hourly_cap']) {
        await db.schema.alterTable('campaigns').dropColumn(name).execute();
      }
    },
  };
}
