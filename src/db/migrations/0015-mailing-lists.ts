// Supporter lists and mailings (issue 18, decision 0019): one list per language with the consent that put
// each person on it; suppression of addresses that bounce or complain; mailings with their language
// versions (translated through the same states as campaign texts) and the per-recipient queue on disk that
// makes a send resumable after a crash without mailing anyone twice.
import { type Kysely, sql } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, inList, oneOf, withId } from '../dialect.js';

export const listMemberStatuses = ['pending', 'subscribed', 'unsubscribed'] as const;
export const listMemberSources = ['signature', 'signup', 'import'] as const;
export const suppressionReasons = ['hard_bounce', 'soft_bounces', 'complaint'] as const;
export const mailingKinds = ['launch', 'escalation', 'urgent', 'victory', 'general'] as const;
export const mailingStatuses = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export const mailingTranslationStatuses = ['draft', 'in_review', 'published'] as const;
export const recipientStatuses = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;

export function mailingLists(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Suppressed addresses are never mailed again (lists or mailings); the reason is shown to editors.
      await addColumn(db, 'supporters', 'mail_suppressed_at', big);
      await addColumn(db, 'supporters', 'mail_suppressed_reason', 'varchar(20)', (c) =>
        c.check(
          sql.raw(
            `mail_suppressed_reason is null or ${inList('mail_suppressed_reason', suppressionReasons)}`,
          ),
        ),
      );
      // Soft bounces in a row on supporter mail; a delivered mail or a hard outcome resets it.
      await addColumn(db, 'supporters', 'soft_bounces', 'integer', (c) => c.notNull().defaultTo(0));
      // How an unsubscribe or other withdrawal came (one-click, preferences, complaint, editor): a record too.
      await addColumn(db, 'consents', 'withdrawn_via', 'varchar(40)');

      await withId(dialect, db.schema.createTable('list_members'))
        .addColumn('supporter_id', fk, (c) => c.notNull().references('supporters.id').onDelete('cascade'))
        // The list: one per language.
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', oneOf('status', listMemberStatuses))
        .addColumn('source', 'varchar(12)', oneOf('source', listMemberSources))
        // The consent (text, version, time, language) that put them here; withdrawn_at set on unsubscribe.
        .addColumn('consent_id', fk, (c) => c.references('consents.id').onDelete('set null'))
        // Double opt-in of a sign-up: SHA-256 of the token in the confirmation mail; null once confirmed.
        .addColumn('confirm_token_hash', 'varchar(64)')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('subscribed_at', big)
        .addColumn('unsubscribed_at', big)
        .addUniqueConstraint('uq_list_members_supporter_locale', ['supporter_id', 'locale'])
        .execute();
      await addIndex(db, 'idx_list_members_locale_status', 'list_members', ['locale', 'status']);

      await withId(dialect, db.schema.createTable('mailings'))
        .addColumn('kind', 'varchar(12)', oneOf('kind', mailingKinds))
        // The campaign it promotes (links, the "has not signed" segment, the victory template).
        .addColumn('campaign_id', fk, (c) => c.references('campaigns.id').onDelete('set null'))
        .addColumn('source_locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('subject', 'varchar(200)', (c) => c.notNull())
        .addColumn('preheader', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('body_md', 'text', (c) => c.notNull())
        // JSON of domain/mailing/segment.ts `Segment`.
        .addColumn('segment', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', oneOf('status', mailingStatuses))
        // Bumped by every save of the source texts: translations made from an older one are stale.
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        // Messages a second for this mailing; null: the configured default.
        .addColumn('rate_per_second', 'integer')
        .addColumn('scheduled_at', big)
        .addColumn('started_at', big)
        .addColumn('finished_at', big)
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_mailings_status', 'mailings', ['status']);

      await db.schema
        .createTable('mailing_translations')
        .addColumn('mailing_id', fk, (c) => c.notNull().references('mailings.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('subject', 'varchar(200)', (c) => c.notNull())
        .addColumn('preheader', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('body_md', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', oneOf('status', mailingTranslationStatuses))
        .addColumn('source_revision', 'integer', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('review_note', 'text')
        .addColumn('updated_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_mailing_translations', ['mailing_id', 'locale'])
        .execute();

      // The send queue on disk: one row per recipient, made when the send starts, drained by the sender.
      await withId(dialect, db.schema.createTable('mailing_recipients'))
        .addColumn('mailing_id', fk, (c) => c.notNull().references('mailings.id').onDelete('cascade'))
        .addColumn('supporter_id', fk, (c) => c.notNull().references('supporters.id').onDelete('cascade'))
        // The language version this person gets (their list's language).
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', oneOf('status', recipientStatuses))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', big)
        .addColumn('locked_by', 'varchar(64)')
        .addColumn('locked_until', big)
        .addColumn('last_error', 'varchar(500)')
        .addColumn('sent_at', big)
        .addColumn('bounced_at', big)
        .addColumn('complained_at', big)
        .addColumn('unsubscribed_at', big)
        .addUniqueConstraint('uq_mailing_recipients_mailing_supporter', ['mailing_id', 'supporter_id'])
        .execute();
      await addIndex(db, 'idx_mailing_recipients_mailing_status', 'mailing_recipients', [
        'mailing_id',
        'status',
        'id',
      ]);
      await addIndex(db, 'idx_mailing_recipients_supporter_id', 'mailing_recipients', ['supporter_id']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('mailing_recipients').execute();
      await db.schema.dropTable('mailing_translations').execute();
      await db.schema.dropTable('mailings').execute();
      await db.schema.dropTable('list_members').execute();
      await db.schema.alterTable('consents').dropColumn('withdrawn_via').execute();
      await db.schema.alterTable('supporters').dropColumn('soft_bounces').execute();
      await db.schema.alterTable('supporters').dropColumn('mail_suppressed_reason').execute();
      await db.schema.alterTable('supporters').dropColumn('mail_suppressed_at').execute();
    },
  };
}
