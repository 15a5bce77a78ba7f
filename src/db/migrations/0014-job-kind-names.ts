// The glossary's word for a union's campaign request replaced "intake" in the code; the one place the old
// word was stored is the kind of queued request mails. Jobs waiting under the old kind keep running.
import { type Kysely, sql } from 'kysely';

const renames: ReadonlyArray<readonly [from: string, to: string]> = [
  ['send-intake-mail', 'send-request-mail'],
];

export function jobKindNames() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const [from, to] of renames)
        await sql`update jobs set kind = ${to} where kind = ${from}`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const [from, to] of renames)
        await sql`update jobs set kind = ${from} where kind = ${to}`.execute(db);
    },
  };
}
