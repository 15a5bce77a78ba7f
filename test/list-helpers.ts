// Supporters as the lists pages meet them, written straight to the table: someone who signed before, or an
// address that bounced or complained (suppressed), with only what a test cares about given.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import type { SupportersTable } from '../src/db/supporter.table.js';
import { blindIndex, domainIndex } from './blind-index.js';

export function supporterRow(
  email: string,
  extra: Partial<Insertable<SupportersTable>> = {},
): Insertable<SupportersTable> {
  return {
    email,
    email_index: blindIndex(email.toLowerCase()),
    email_domain_index: domainIndex(email.toLowerCase()),
    name: '',
    locale: 'en',
    country: null,
    union_name: null,
    email_confirmed_at: null,
    created_at: 1,
    updated_at: 1,
    ...extra,
  };
}

export async function insertSupporter(
  db: Kysely<Database>,
  email: string,
  extra: Partial<Insertable<SupportersTable>> = {},
): Promise<number> {
  const row = await db
    .insertInto('supporters')
    .values(supporterRow(email, extra))
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** An address supporter mail no longer goes to, suppressed at `at` for `reason`. */
export const suppressed = (at: number, reason: 'hard_bounce' | 'soft_bounces' | 'complaint') => ({
  mail_suppressed_at: at,
  mail_suppressed_reason: reason,
});
