// What the scenarios share: a migrated, seeded SQLite database with the rate limits lifted, the sign
// requests autocannon sends (unique emails, a real form token), and load runs measured together with the
// CPU time the measured process spent on them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { seedDemo } from '../../src/cli/demo/seed.js';
import { signingRateLimits } from '../../src/config/settings.js';
import { CampaignRepository } from '../../src/db/campaign.repository.js';
import { type Db, openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { SettingsRepository } from '../../src/db/settings.repository.js';
import { DataVault } from '../../src/security/data-keys.js';
import { type LoadOptions, type LoadResult, runLoad } from '../lib/load.js';
import { benchDataKey, cpuSeconds, peakRssMb } from '../lib/processes.js';

export const slug = 'kazakhstan-free-erlan-baltabay';
export const durationS = Number(process.env.BENCH_DURATION ?? 60);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);

/** Figures one scenario leaves for the next (the overload scenario offers twice the measured capacity). */
export const measuredSoFar: { signPerSecond?: number } = {};

/** Migrates and seeds a database; the load comes from one loopback address, so the per-IP limit is lifted. */
export async function prepareDatabase(
  url: string,
  { searchPath, immediate = false }: { searchPath?: string; immediate?: boolean } = {},
): Promise<Db> {
  const db = openDb({ url, ...(searchPath ? { searchPath } : {}), vault: DataVault.fromText(benchDataKey) });
  const { error } = await migrateToLatest(db);
  if (error) throw error;
  await seedDemo({ db, campaignStore: new CampaignRepository(db) }, Date.now());
  await new SettingsRepository(db).set(signingRateLimits, { ipPerHour: 1e9, domainPerHour: 1e9 });
  // The demo campaign asks for confirmation first; in immediate mode a signature counts (and releases its
  // messages to the targets) at once, which is what the live counter shows.
  if (immediate) {
    await db.kysely
      .updateTable('campaigns')
      .set({ confirmation_mode: 'immediate' })
      .where('slug', '=', slug)
      .execute();
  }
  return db;
}

export function sqliteFile(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), `outcry-${prefix}-`)), 'bench.db');
}

/** A form token from the campaign page, old enough (> 3 s) that signatures with it are not held. */
export async function agedFormToken(baseUrl: string): Promise<string> {
  const page = await (await fetch(`${baseUrl}/en/campaigns/${slug}`)).text();
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('no form token on the campaign page');
  await new Promise((r) => setTimeout(r, 3_100));
  return token;
}

/**
 * Every address starts with random characters, as real addresses are spread. `prefix-1@…, prefix-2@…`
 * (BENCH_SIGN_ADDRESSES=sequential, the bench's addresses until 2026-12-07) land next to each other in an
 * index on the address, so signatures cost less than with real people's addresses wherever such an index is
 * kept; a blind index is spread whatever the addresses (decision 0023, "Measured with spread addresses").
 */
const randomAddresses = process.env.BENCH_SIGN_ADDRESSES !== 'sequential';

export function signRequests(
  token: string,
  prefix: string,
  onResponse?: (status: number, headers: Record<string, string>) => void,
): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: `/en/campaigns/${slug}/sign`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      setupRequest: (req) => {
        n++;
        const body = new URLSearchParams({
          token,
          name: `Supporter ${n}`,
          email: randomAddresses
            ? `${randomBytes(4).toString('hex')}-${prefix}-${n}@bench.example.org`
            : `${prefix}-${n}@bench.example.org`,
          union: 'Bench Union',
          country: 'BR',
          message: 'Free Erlan Baltabay now. Free all jailed trade unionists.',
        }).toString();
        return { ...req, body };
      },
      ...(onResponse
        ? {
            onResponse: (status: number, _body: string, _ctx: unknown, headers: Record<string, string>) =>
              onResponse(status, headers),
          }
        : {}),
    } as autocannon.Request,
  ];
}

export interface Measured extends LoadResult {
  /** CPU time (user + system) the measured process spent per answered request, in µs. */
  cpuUsPerRequest: number | undefined;
  peakRss: number | undefined;
}

export async function measure(pid: number, options: LoadOptions): Promise<Measured> {
  const before = cpuSeconds(pid);
  const result = await runLoad(options);
  const after = cpuSeconds(pid);
  const cpu = before !== undefined && after !== undefined ? after - before : undefined;
  return {
    ...result,
    cpuUsPerRequest:
      cpu !== undefined && result.requests > 0 ? Math.round((cpu * 1e6) / result.requests) : undefined,
    peakRss: peakRssMb(pid),
  };
}

export const cpuNote = (m: Measured): string => (m.cpuUsPerRequest ? `${m.cpuUsPerRequest} µs CPU/req` : '');

export async function countRows(db: Db, table: 'signatures' | 'jobs'): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
