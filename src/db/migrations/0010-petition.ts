// The public petition (docs/decisions/0016-petition.md): how a campaign shows its signers' names, a
// signer's choice to appear only as "a supporter from <country>", and an editor hiding a signer. The index
// serves the petition's keyset pages: counted signatures of one campaign, newest first by (confirmed_at, id).
import { type Kysely, sql } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, oneOf } from '../dialect.js';

const petitionNameModes = ['short', 'full'] as const;

export function petition(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(
        db,
        'campaigns',
        'petition_names',
        'varchar(10)',
        oneOf('petition_names', petitionNameModes, 'short'),
      );
      await addColumn(db, 'signatures', 'petition_anonymous', 'integer', (c) =>
        c.notNull().defaultTo(0).check(sql.raw('petition_anonymous in (0, 1)')),
      );
      await addColumn(db, 'signatures', 'petition_hidden_at', big);
      await addColumn(db, 'signatures', 'petition_hidden_by', fk, (c) =>
        c.references('users.id').onDelete('set null'),
      );
      await addIndex(db, 'idx_signatures_petition', 'signatures', [
        'campaign_id',
        'status',
        'confirmed_at',
        'id',
      ]);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('idx_signatures_petition').execute();
      await db.schema.alterTable('signatures').dropColumn('petition_hidden_by').execute();
      await db.schema.alterTable('signatures').dropColumn('petition_hidden_at').execute();
      await db.schema.alterTable('signatures').dropColumn('petition_anonymous').execute();
      await db.schema.alterTable('campaigns').dropColumn('petition_names').execute();
    },
  };
}
