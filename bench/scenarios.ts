// The scenarios: each starts the built app in production mode as its own process, drives it from this
// process with autocannon on loopback, and runs a bare baseline for the same work in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/cli/demo/seed.js';
import { openDb } from '../src/db/database.js';
import { SettingsRepository } from '../src/db/settings.repository.js';
import { rateLimitsSetting } from '../src/security/rate-limiter.js';
import { runLoad } from './lib/load.js';
import { peakRssMb, startOutcryServer, startProcess } from './lib/processes.js';
import { type Row, ratio } from './lib/table.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const durationS = Number(process.env.BENCH_DURATION ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);

async function seeded(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  const server = await startOutcryServer(port, url);
  const db = openDb({ url });
  await seedDemo(db, Date.now());
  // The load comes from one loopback address: lift the per-IP limit so signatures are not held.
  await new SettingsRepository(db).set(rateLimitsSetting, { ipPerHour: 1e9, domainPerHour: 1e9 });
  return { server, db };
}

function signRequests(token: string, prefix: string) {
  let n = 0;
  return [
    {
      method: 'POST' as const,
      path: `/en/campaigns/${slug}/sign`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      setupRequest: (req: Record<string, unknown>) => {
        n++;
        const body = new URLSearchParams({
          token,
          name: `Supporter ${n}`,
          email: `${prefix}-${n}@bench.example.org`,
          union: 'Bench Union',
          country: 'BR',
          message: 'Free Erlan Baltabay now. Free all jailed trade unionists.',
        }).toString();
        return { ...req, body };
      },
    },
  ];
}

export async function signScenario(): Promise<Row[]> {
  const { server, db } = await seeded(4101);
  try {
    const page = await (await fetch(`${server.url}/en/campaigns/${slug}`)).text();
    const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error('no form token on the campaign page');
    await new Promise((r) => setTimeout(r, 3_100));
    const ours = await runLoad({
      url: server.url,
      durationS,
      connections,
      requests: signRequests(token, 'ours') as never,
      okStatuses: [303],
    });
    const rss = peakRssMb(server.pid);
    const stored = await db.kysely
      .selectFrom('signatures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const baseDir = mkdtempSync(join(tmpdir(), 'outcry-baseline-'));
    const baseline = await startProcess(
      ['bench/baselines/sign-sqlite.mjs'],
      { PORT: '4102', BASELINE_DB: join(baseDir, 'b.db') },
      '/',
      4102,
    );
    let base: Awaited<ReturnType<typeof runLoad>>;
    try {
      base = await runLoad({
        url: baseline.url,
        durationS,
        connections,
        requests: signRequests(token, 'base') as never,
        okStatuses: [303],
      });
    } finally {
      await baseline.stop();
    }
    return [
      {
        scenario: `sign, SQLite FULL (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s p50 ${ours.p50} p99 ${ours.p99} max ${ours.max} ms`,
        baseline: `${base.perSecond}/s p99 ${base.p99} ms`,
        ratio: ratio(ours.perSecond, base.perSecond),
        notes: `non-2xx/3xx ${ours.non2xx}, errors ${ours.errors}, stored ${Number(stored.n)}, peak RSS ${rss ?? '?'} MB`,
      },
    ];
  } finally {
    await server.stop();
    await db.close();
  }
}

export async function pageScenario(): Promise<Row[]> {
  const { server, db } = await seeded(4103);
  try {
    const url = `${server.url}/tl/campaigns/${slug}`;
    const ours = await runLoad({ url, durationS, connections });
    const rss = peakRssMb(server.pid);
    const file = join(mkdtempSync(join(tmpdir(), 'outcry-page-')), 'page.html');
    writeFileSync(file, await (await fetch(url)).text());
    const baseline = await startProcess(
      ['bench/baselines/static-page.mjs'],
      { PORT: '4104', PAGE_FILE: file },
      '/',
      4104,
    );
    let base: Awaited<ReturnType<typeof runLoad>>;
    try {
      base = await runLoad({ url: `${baseline.url}/`, durationS, connections });
    } finally {
      await baseline.stop();
    }
    return [
      {
        scenario: `page, Tagalog campaign (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s p99 ${ours.p99} ms`,
        baseline: `${base.perSecond}/s p99 ${base.p99} ms`,
        ratio: ratio(ours.perSecond, base.perSecond),
        notes: `non-2xx ${ours.non2xx}, peak RSS ${rss ?? '?'} MB`,
      },
    ];
  } finally {
    await server.stop();
    await db.close();
  }
}
