// Mailing rows for the translation tests, written straight into the tables (the composer that makes them
// is another feature): a mailing with its source texts, a supporter on a language list.
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { blindIndex, domainIndex } from './blind-index.js';

export interface MailingRow {
  subject?: string;
  preheader?: string;
  bodyMd?: string;
  sourceLocale?: string;
  status?: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled';
  revision?: number;
  finishedAt?: number | null;
  now: number;
}

export async function insertMailing(db: Kysely<Database>, m: MailingRow): Promise<number> {
  const row = await db
    .insertInto('mailings')
    .values({
      kind: 'victory',
      campaign_id: null,
      source_locale: m.sourceLocale ?? 'en',
      subject: m.subject ?? 'Erlan is free',
      preheader: m.preheader ?? 'Thank you, all 7,000 of you',
      body_md: m.bodyMd ?? 'Erlan Baltabay is **free**. Thank you for writing.',
      segment: JSON.stringify({ locales: ['en', 'es'] }),
      status: m.status ?? 'draft',
      revision: m.revision ?? 1,
      rate_per_second: null,
      scheduled_at: null,
      started_at: null,
      finished_at: m.finishedAt ?? null,
      created_by: null,
      created_at: m.now,
      updated_at: m.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A subscribed supporter on the list of `locale`. */
export async function insertListMember(
  db: Kysely<Database>,
  email: string,
  locale: string,
  now: number,
): Promise<void> {
  const s = await db
    .insertInto('supporters')
    .values({
      email,
      email_index: blindIndex(email),
      email_domain_index: domainIndex(email),
      name: email.split('@')[0]!,
      locale,
      country: null,
      union_name: null,
      email_confirmed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('list_members')
    .values({
      supporter_id: Number(s.id),
      locale,
      status: 'subscribed',
      source: 'import',
      consent_id: null,
      confirm_token_hash: null,
      created_at: now,
      subscribed_at: now,
      unsubscribed_at: null,
    })
    .execute();
}
