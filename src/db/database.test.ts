// The SQLite database is its owner's only: the file (and its -wal) 0600, the folders made for it 0700, an
// existing file tightened; a folder that already existed keeps its mode.
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './database.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openDb on SQLite', () => {
  it('creates the file 0600 and its folders 0700, and so the write-ahead log', async () => {
    const root = mkdtempSync(join(tmpdir(), 'outcry-db-'));
    chmodSync(root, 0o755);
    const file = join(root, 'data', 'deep', 'outcry.db');
    const db = openDb({ url: `sqlite:${file}` });
    try {
      await sql`create table t (x integer)`.execute(db.kysely);
      await sql`insert into t values (1)`.execute(db.kysely);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(join(root, 'data'))).toBe(0o700);
      expect(mode(join(root, 'data', 'deep'))).toBe(0o700);
      expect(mode(root)).toBe(0o755);
    } finally {
      await db.close();
    }
  });

  it('tightens a database file that was readable by others', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'outcry-db-')), 'old.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const db = openDb({ url: `sqlite:${file}` });
    try {
      expect(mode(file)).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});
