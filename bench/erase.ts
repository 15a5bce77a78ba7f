// `npm run bench:erase`: how long one supporter's erasure takes on a SQLite database of a million
// signatures (BENCH_ERASE_ROWS): 60 campaigns, one supporter per signature plus one person who signed
// five campaigns with consents, a message to a target per confirmed signature (~1 % still queued).
// Times BENCH_ERASE_RUNS erasures of different people (each one transaction) and prints every figure;
// the goal is ≤ 1 s. Filling takes ~30 s on 2 cores, so it is not part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { PrivacyRepository } from '../src/db/privacy.repository.js';
import { eraseSupporter } from '../src/domain/privacy/erase-supporter.js';
import { erasedEmailKey } from '../src/security/email-key.js';
import { buildCampaign } from '../test/factories.js';

const rows = Number(process.env.BENCH_ERASE_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_ERASE_RUNS ?? 5);
const now = Date.now();

const seq = `with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${rows}) select i from seq`;
const fill = [
  `insert into supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
   select 'p' || i || '@bench.example.org', 'p' || i || '@bench.example.org', 'Supporter ' || i, 'en', 'KZ',
     'Union ' || (i % 50), 0, 0
   from (${seq}) s`,
  `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
     confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
   select 1 + (i % 60), i, 'en', 'Supporter ' || i, 'Union ' || (i % 50), 'KZ', 'Free Erlan Baltabay now.', null,
     case when i % 10 = 1 then 'pending' else 'confirmed' end, null, 'net-' || (i % 997), ${now}, ${now}, ${now}
   from (${seq}) s`,
  `insert into consents (supporter_id, campaign_id, scope, text, version, locale, source, given_at)
   select i, 1 + (i % 60), 'alerts', 'Send me alerts.', 'v1', 'en', null, ${now} from (${seq}) s where i % 3 = 0`,
  `insert into counts (campaign_id, locale, country, source, status, n)
   select campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status, count(*)
   from signatures group by campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status`,
  `insert into messages (kind, signature_id, target_id, campaign_id, status, attempts, created_at)
   select 'signature', s.id, t.id, s.campaign_id, case when s.id % 97 = 0 then 'queued' else 'sent' end, 1, s.created_at
   from signatures s join targets t on t.campaign_id = s.campaign_id and t.position = 0
   where s.status = 'confirmed'`,
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-erase-'));
  const db = openDb({ url: `sqlite:${join(dir, 'bench.db')}` });
  try {
    const started = performance.now();
    const { error } = await migrateToLatest(db);
    if (error) throw error;
    const campaigns = new CampaignRepository(db);
    for (let c = 1; c <= 60; c++) {
      await campaigns.create(buildCampaign({ slug: `bench-${c}`, status: 'live' }), now);
    }
    for (const statement of fill) await sql.raw(statement).execute(db.kysely);
    // Each person erased has five more signatures on other campaigns (and their messages), like a regular.
    // Multiples of 291 (= 3 × 97): each has a consent and a message still queued; never `% 10 = 1` (pending).
    const people = Array.from({ length: runs }, (_, k) => {
      let id = Math.floor(((k + 1) * rows) / (runs + 1) / 291) * 291;
      while (id % 10 === 1) id += 291;
      return id;
    });
    for (const id of people) {
      await sql
        .raw(
          `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source,
             status, confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
           select c, ${id}, 'en', 'Supporter ${id}', null, 'KZ', 'Again.', null, 'confirmed', null, null,
             ${now}, ${now}, ${now}
           from (select ${(id % 60) + 2} as c union all select ${(id % 60) + 3} union all select ${(id % 60) + 4}
                 union all select ${(id % 60) + 5} union all select ${(id % 60) + 6}) x where c <= 60`,
        )
        .execute(db.kysely);
    }
    const total = await sql<{ n: number }>`select count(*) as n from signatures`.execute(db.kysely);
    console.log(
      `filled ${Number(total.rows[0]!.n).toLocaleString('en')} signatures in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const privacy = new PrivacyRepository(db);
    const deps = {
      privacy,
      clock: { now: () => Date.now() },
      keyedHash: (canonical: string) => erasedEmailKey('bench-secret', canonical),
    };
    const times: number[] = [];
    for (const id of people) {
      const t0 = performance.now();
      const result = await eraseSupporter(deps, { supporterId: id, via: 'self' });
      const ms = performance.now() - t0;
      if (result.status !== 'erased') throw new Error(`supporter ${id} was not erased`);
      times.push(ms);
      console.log(
        `erased supporter ${id}: ${result.counts.signatures} signatures, ${result.counts.consentsWithdrawn} consents, ` +
          `${result.counts.messagesCancelled} unsent messages cancelled in ${ms.toFixed(1)} ms`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const worst = sorted.at(-1)!;
    console.log(
      `erasure on ${Number(total.rows[0]!.n).toLocaleString('en')} signatures (SQLite): median ${median.toFixed(1)} ms, ` +
        `worst ${worst.toFixed(1)} ms over ${runs} runs; goal ≤ 1000 ms: ${worst <= 1000 ? 'met' : 'NOT met'}`,
    );
    if (worst > 1000) process.exitCode = 1;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
