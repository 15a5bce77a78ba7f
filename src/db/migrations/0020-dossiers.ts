// Printable dossiers (docs/decisions/0030-dossiers.md): one row per dossier an editor asked for, with its
// progress while the worker builds it and the finished file itself (a PDF, or a ZIP of one PDF per country).
// The file lives in the database, not on a disk, so any web process can offer what any worker built; the
// daily job deletes rows past `expires_at` (the dossier retention setting).
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';

export const dossierStatuses = ['queued', 'running', 'done', 'failed'] as const;

export function dossiers(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('dossiers'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(10)', oneOf('kind', ['pdf', 'zip']))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        // Space-separated ISO codes; empty for every country.
        .addColumn('countries', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'varchar(10)', oneOf('status', dossierStatuses, 'queued'))
        // Progress: documents (countries) rendered of how many; pages once known.
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('signers', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('file', dialect === 'sqlite' ? 'blob' : 'bytea')
        .addColumn('error', 'varchar(500)')
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('finished_at', big)
        .addColumn('expires_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_dossiers_campaign_id_created_at', 'dossiers', ['campaign_id', 'created_at']);
      await addIndex(db, 'idx_dossiers_expires_at', 'dossiers', ['expires_at']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('dossiers').execute();
    },
  };
}
