// Embassy campaigns (docs/decisions/0028-embassy-campaigns.md): a target may be for supporters of chosen
// countries only ("the Embassy of Belarus in your country"). The codes are stored space-separated on the
// target; empty means every supporter, as every target was before.
import type { Kysely } from 'kysely';
import { addColumn } from '../dialect.js';

export function targetCountries() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'targets', 'countries', 'varchar(1000)', (c) => c.notNull().defaultTo(''));
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('targets').dropColumn('countries').execute();
    },
  };
}
