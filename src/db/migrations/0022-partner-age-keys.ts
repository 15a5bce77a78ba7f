// Partner exports encrypted with age (decision 0033): a partner organisation's age public key (`age1…`),
// null when it gave none. A public key: it needs no sealing, and it encrypts only.
import type { Kysely } from 'kysely';
import { addColumn } from '../dialect.js';

export function partnerAgeKeys() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'partners', 'age_recipient', 'varchar(100)');
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('partners').dropColumn('age_recipient').execute();
    },
  };
}
