// The layering rules, enforced: domain/ is pure (no I/O, no outer layers), row types stay in db/, jobs/
// depends on ports and never on db/ (tests compose real repositories and are exempt), and the views shared
// by every page never read the database.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/paths.js';

const src = join(projectRoot, 'src');
const outerLayers = ['db', 'http', 'mail', 'jobs', 'cli', 'config', 'security', 'i18n'];
const ioModules = new Set([
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'pg',
  'better-sqlite3',
  'kysely',
  'nodemailer',
  'fastify',
  'smtp-server',
]);

/** `pg`, and also its subpaths such as `kysely/helpers/postgres` or `node:fs/promises`. */
function isIoModule(spec: string): boolean {
  return [...ioModules].some((m) => spec === m || spec.startsWith(`${m}/`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function importsOf(code: string): string[] {
  const specs: string[] = [];
  const pattern =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(pattern)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Violations of the layering rules in one file's source. */
function violations(file: string, code: string): string[] {
  const rel = relative(src, file);
  const isTest = /\.test\.tsx?$/.test(rel);
  const out: string[] = [];
  for (const spec of importsOf(code)) {
    const target = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : spec;
    const intoDb = spec.startsWith('.') && within(target, 'db');
    if (within(rel, 'jobs') && !isTest && intoDb) {
      out.push(`${rel} imports ${target} (jobs depend on ports; main.ts passes the repositories in)`);
    }
    if (within(rel, 'http/views') && intoDb) out.push(`${rel} imports ${target} (views never import db/)`);
    if (rel.startsWith('domain/')) {
      if (isIoModule(spec)) out.push(`${rel} imports I/O module ${spec}`);
      if (spec.startsWith('.') && outerLayers.some((l) => target === l || target.startsWith(`${l}/`))) {
        out.push(`${rel} imports ${target} (domain must not depend on outer layers)`);
      }
    }
    if (!rel.startsWith('db/') && /\.table(\.js)?$/.test(spec)) out.push(`${rel} imports row type ${spec}`);
  }
  return out;
}

describe('architecture', () => {
  it('keeps domain/ free of I/O and outer layers, row types inside db/, and db/ out of jobs/ and views', () => {
    const found = sourceFiles(src).flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch a domain module importing the database or the mailer', () => {
    const file = join(src, 'domain/signature/bad.ts');
    expect(violations(file, "import { openDb } from '../../db/database.js';")).toHaveLength(1);
    expect(violations(file, "import nodemailer from 'nodemailer';")).toHaveLength(1);
    expect(violations(file, "const m = await import('../../mail/transport.js');")).toHaveLength(1);
    expect(violations(file, "import { sql } from 'kysely/helpers/postgres';")).toHaveLength(1);
    expect(violations(file, "export { readFile } from 'node:fs/promises';")).toHaveLength(1);
    expect(
      violations(join(src, 'http/x.ts'), "import type { JobsTable } from '../db/job.table.js';"),
    ).toHaveLength(1);
    expect(violations(file, "import { parseEmail } from './email-address.js';")).toEqual([]);
  });

  it('would catch a job importing a repository, even for a type, but not a job test composing one', () => {
    const task = join(src, 'jobs/tasks/send-x.task.ts');
    expect(
      violations(task, "import type { SignatureRepository } from '../../db/signature.repository.js';"),
    ).toHaveLength(1);
    expect(
      violations(join(src, 'jobs/worker.ts'), "import { JobRepository } from '../db/job.repository.js';"),
    ).toHaveLength(1);
    expect(violations(task, "const db = await import('../../db/database.js');")).toHaveLength(1);
    expect(
      violations(
        task,
        "import type { SignatureMailReader } from '../../domain/signature/signature.ports.js';",
      ),
    ).toEqual([]);
    expect(violations(task, "import type { JobQueue } from '../job-queue.ports.js';")).toEqual([]);
    expect(
      violations(
        join(src, 'jobs/worker.test.ts'),
        "import { JobRepository } from '../db/job.repository.js';",
      ),
    ).toEqual([]);
  });

  it('would catch a shared view importing the database', () => {
    const view = join(src, 'http/views/editor/x-page.tsx');
    expect(
      violations(view, "import { CampaignRepository } from '../../../db/campaign.repository.js';"),
    ).toHaveLength(1);
    expect(violations(view, "import type { Db } from '../../../db/database.js';")).toHaveLength(1);
    expect(violations(view, "import { t } from '../../../i18n/translator.js';")).toEqual([]);
    // A name that merely starts like the folder is not inside it.
    expect(violations(join(src, 'http/views-extra/x.tsx'), "import '../../db/database.js';")).toEqual([]);
  });
});
