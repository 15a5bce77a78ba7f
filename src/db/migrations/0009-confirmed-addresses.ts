// When a supporter proved they read the address they gave (they pressed a confirmation link). Only then is
// the address given to targets as Reply-To (decision 0015): in immediate mode anyone can type anyone's
// address. Supporters who confirmed a signature of a confirm-first campaign before this column existed did
// press a link, and are marked from those signatures.
import { type Kysely, sql } from 'kysely';
import { addColumn, bigint, type Dialect } from '../dialect.js';

export function confirmedAddresses(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'supporters', 'email_confirmed_at', bigint(dialect));
      await sql`update supporters set email_confirmed_at = (
          select min(s.confirmed_at) from signatures s join campaigns c on c.id = s.campaign_id
          where s.supporter_id = supporters.id and s.status = 'confirmed'
            and c.confirmation_mode = 'confirm_first')`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('supporters').dropColumn('email_confirmed_at').execute();
    },
  };
}
