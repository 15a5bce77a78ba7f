// A copy of the database without the data key shows no supporter (issue 14, decision 0023): after a
// signature, a list sign-up and an import carrying names from the seed texts, every table is dumped with
// no application code (better-sqlite3 on the SQLite file, plain SQL on PostgreSQL) and searched for them.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import { signupCommand } from '../../test/signup-helpers.js';
import { importSubscribers } from '../domain/list-admin/import-subscribers.js';
import { erasedEmailKey } from '../security/email-key.js';
import { CampaignRepository } from './campaign.repository.js';
import { ListAdminRepository } from './list-admin.repository.js';
import { ListMemberRepository } from './list-member.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';
import { UserRepository } from './user.repository.js';

// People named in ../shared/seeds (the LabourStart campaign texts the demo is built from).
const signer = { name: 'Erlan Baltabay', email: 'Erlan.Baltabay@Example.org', union: 'Fuel Workers Union' };
const signupPerson = { name: 'Shabdan Utkilov', email: 'shabdan.utkilov@example.net' };
const imported = { name: 'Amin Eleusinov', email: 'amin.eleusinov@example.com' };
const message = 'Free the jailed oil workers of Zhanaozen now';

/** Everything a reader of the copy could search for, in the forms it might take. */
const needles = [
  signer.name,
  signer.email,
  signer.email.toLowerCase(),
  signer.union,
  message,
  signupPerson.name,
  signupPerson.email,
  imported.name,
  imported.email,
  'Baltabay',
  'Utkilov',
  'Eleusinov',
].map((n) => n.toLowerCase());

async function dumpSqlite(file: string): Promise<string> {
  const copy = new SQLite(file, { readonly: true });
  try {
    const tables = copy
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
      .all();
    return tables
      .map((t) => `${t.name}\n${JSON.stringify(copy.prepare(`select * from "${t.name}"`).all())}`)
      .join('\n');
  } finally {
    copy.close();
  }
}

async function dumpPostgres(url: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [schema],
    );
    const out: string[] = [];
    for (const { table_name } of rows) {
      const dump = await client.query(`select * from "${schema}"."${table_name}"`);
      out.push(`${table_name}\n${JSON.stringify(dump.rows)}`);
    }
    return out.join('\n');
  } finally {
    await client.end();
  }
}

describe.each(testDialects)('a copy of the database without the key, on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('holds none of the names, addresses, unions and messages it was given', async () => {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), Date.UTC(2026, 10, 1));
    const writer = new BatchedSignatureWriter(db);
    const command = buildSignCommand(campaignId, { email: signer.email, status: 'confirmed' });
    await writer.record({
      ...command,
      input: { ...command.input, name: signer.name, union: signer.union, message },
    });

    const lists = new ListMemberRepository(db);
    // (The helper's default token hash is made from the address; a real one is a SHA-256.)
    await lists.requestSignup(
      signupCommand(signupPerson.email, { name: signupPerson.name, tokenHash: 'f'.repeat(64) }),
    );

    const editor = await new UserRepository(db).upsertWithPassword(
      { email: 'editor@example.org', name: 'Editor', role: 'editor', passwordHash: '' },
      1,
    );
    const csv = `email,name\n${imported.email},${imported.name}\n`;
    const report = await importSubscribers(
      {
        lists: new ListAdminRepository(db),
        clock: new FakeClock(),
        erasedKey: (c: string) => erasedEmailKey('test-secret', c),
      },
      {
        locale: 'en',
        consentSource: 'Union list, double opt-in',
        file: { bytes: new TextEncoder().encode(csv), truncated: false },
        maxMb: 8,
        actor: { id: Number(editor.id), email: 'editor@example.org' },
      },
    );
    expect(report.status).toBe('done');

    // What the site reads back through its own key is all there.
    const people = await db.kysely.selectFrom('supporters').select(['email', 'name']).orderBy('id').execute();
    expect(people).toEqual([
      { email: signer.email, name: signer.name },
      { email: signupPerson.email, name: signupPerson.name },
      { email: imported.email, name: imported.name },
    ]);

    const dump = (
      dialect === 'sqlite'
        ? await dumpSqlite(db.url.slice('sqlite:'.length))
        : await dumpPostgres(db.url, db.searchPath!)
    ).toLowerCase();
    expect(dump).toContain('supporters');
    expect(dump).toContain('list_members');
    for (const needle of needles) expect(dump, needle).not.toContain(needle);
  });
});
