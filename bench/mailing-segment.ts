// `npm run bench:segment`: the segment query (db/mailing-segment.query.ts) at list scale, on SQLite and,
// when TEST_DATABASE_URL is set, PostgreSQL: BENCH_SEGMENT_ROWS supporters (100,000) on five language
// lists (a tenth on two, some unsubscribed or suppressed), two or three signatures each over ten
// campaigns. Prints each segment's live count time, the plan the database chose for it, and the time of
// the INSERT … SELECT that queues a mailing's recipients. Not part of `npm run bench` (filling takes a while).
import { sql } from 'kysely';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import type { Dialect } from '../src/db/dialect.js';
import { countSegment, materialiseSegment, segmentCountQuery } from '../src/db/mailing-segment.query.js';
import { emptySegment, type Segment } from '../src/domain/mailing/segment.js';
import { createTestDb } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';
import { addSendingMailing } from '../test/mailing-helpers.js';

const rows = Number(process.env.BENCH_SEGMENT_ROWS ?? 100_000);
const now = Date.now();
const day = 86_400_000;
const seq = `with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${rows}) select i from seq`;
const locale = `case i % 5 when 0 then 'es' when 1 then 'ar' else 'en' end`;
const fill = [
  `insert into supporters (email, email_index, name, locale, country, union_name, status, mail_suppressed_at, created_at, updated_at)
   select 'p' || i || '@bench.example.org', 'p' || i || '@bench.example.org', 'Supporter ' || i, ${locale},
     case i % 7 when 0 then 'BR' when 1 then 'PH' else 'GB' end, null, 'active',
     case when i % 100 = 0 then ${now} else null end, 0, 0
   from (${seq}) s`,
  `insert into list_members (supporter_id, locale, status, source, consent_id, confirm_token_hash, created_at, subscribed_at, unsubscribed_at)
   select i, ${locale}, case when i % 20 = 0 then 'unsubscribed' else 'subscribed' end, 'signature', null, null,
     ${now} - (i % 700) * cast(${day} as bigint), ${now} - (i % 700) * cast(${day} as bigint), null
   from (${seq}) s`,
  `insert into list_members (supporter_id, locale, status, source, consent_id, confirm_token_hash, created_at, subscribed_at, unsubscribed_at)
   select i, 'fr', 'subscribed', 'signature', null, null, ${now}, ${now}, null from (${seq}) s where i % 10 = 3`,
  `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
     confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
   select 1 + (i % 10), i, 'en', 'S', null, 'GB', 'Free him.', null, 'confirmed', null, null,
     ${now} - (i % 500) * cast(${day} as bigint), ${now}, ${now} from (${seq}) s`,
  `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
     confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
   select 1 + ((i * 3 + 1) % 10), i, 'en', 'S', null, 'GB', 'Free him.', null,
     case when i % 9 = 0 then 'pending' else 'confirmed' end, null, null, ${now} - (i % 300) * cast(${day} as bigint), ${now}, ${now}
   from (${seq}) s where i % 2 = 0`,
];

const segments: [string, Partial<Segment>][] = [
  ['English list', { locales: ['en'] }],
  ['every list', { locales: ['en', 'es', 'ar', 'fr'] }],
  ['English, has not signed campaign 1', { locales: ['en'], notSignedCampaignId: 1 }],
  ['every list, signed campaign 3', { locales: ['en', 'es', 'ar', 'fr'], signedCampaignId: 3 }],
  ['every list, ≥ 2 campaigns in 12 months', { locales: ['en', 'es', 'ar', 'fr'], minCampaignsLastYear: 2 }],
  ['every list, partner organisation', { locales: ['en', 'es', 'ar', 'fr'], partnerId: 1 }],
  [
    'combined: en+es, BR/PH, joined in the last year, signed 2, not 5',
    {
      locales: ['en', 'es'],
      countries: ['BR', 'PH'],
      subscribedSince: now - 365 * day,
      signedCampaignId: 2,
      notSignedCampaignId: 5,
    },
  ],
];

async function run(dialect: Dialect): Promise<void> {
  const db = await createTestDb(dialect);
  try {
    const filling = performance.now();
    const campaigns = new CampaignRepository(db);
    for (let c = 1; c <= 10; c++) await campaigns.create(buildCampaign({ slug: `bench-${c}` }), now);
    for (const statement of fill) await sql.raw(statement).execute(db.kysely);
    await sql`analyze`.execute(db.kysely);
    console.log(
      `\n${dialect}: ${rows} supporters filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
    for (const [name, over] of segments) {
      const segment = { ...emptySegment([]), ...over };
      await countSegment(db.kysely, segment, now);
      const started = performance.now();
      const n = await countSegment(db.kysely, segment, now);
      const ms = performance.now() - started;
      console.log(`  ${name}: ${n} people, counted in ${ms.toFixed(0)} ms`);
      const q = segmentCountQuery(db.kysely, segment, now);
      const explain = dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
      const plan = await sql.raw(explain + inline(q.sql, q.parameters, dialect)).execute(db.kysely);
      for (const row of plan.rows as Record<string, unknown>[]) {
        console.log(`      ${String(row.detail ?? row['QUERY PLAN'])}`);
      }
    }
    const id = await addSendingMailing(db, now);
    const started = performance.now();
    const queued = await db.kysely
      .transaction()
      .execute((trx) => materialiseSegment(trx, id, emptySegment(['en', 'es', 'ar', 'fr']), now));
    console.log(
      `  queueing every list: ${queued} recipients in ${(performance.now() - started).toFixed(0)} ms`,
    );
  } finally {
    await db.destroy();
  }
}

/** The compiled query with its parameters written in, for EXPLAIN (numbers and codes only: no quoting issue). */
function inline(text: string, parameters: readonly unknown[], dialect: Dialect): string {
  const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  if (dialect === 'postgres')
    return text.replace(/\$(\d+)/g, (_, i: string) => literal(parameters[Number(i) - 1]));
  let k = 0;
  return text.replace(/\?/g, () => literal(parameters[k++]));
}

await run('sqlite');
if (process.env.TEST_DATABASE_URL) await run('postgres');
