// The layering rule, enforced: domain/ is pure (no I/O, no outer layers), and row types stay in db/.
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

/** Violations of the layering rules in one file's source. */
function violations(file: string, code: string): string[] {
  const rel = relative(src, file);
  const out: string[] = [];
  for (const spec of importsOf(code)) {
    const target = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : spec;
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
  it('keeps domain/ free of I/O and outer layers, and row types inside db/', () => {
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
});
