// The plugin seals what repositories write and opens what they read, in every selection shape the code
// uses, while the stored value stays sealed; updates and upserts seal too.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { blindIndex } from '../../test/blind-index.js';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';

describe.each(testDialects)('personal fields plugin on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('seals on insert, update and upsert, and opens every way a query reads', async () => {
    const { id } = await db.kysely
      .insertInto('supporters')
      .values({
        email: 'Rosa@Example.org',
        email_index: blindIndex('rosa@example.org'),
        name: 'Rosa Luna',
        locale: 'tl',
        union_name: null,
        created_at: 1,
        updated_at: 1,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    const raw = () =>
      db.kysely.withoutPlugins().selectFrom('supporters').select(['email', 'name']).executeTakeFirstOrThrow();
    expect((await raw()).email.startsWith('e2.')).toBe(true);
    expect((await raw()).name).not.toContain('Rosa');

    const k = db.kysely;
    expect(await k.selectFrom('supporters').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      email: 'Rosa@Example.org',
      name: 'Rosa Luna',
    });
    expect(
      await k.selectFrom('supporters as p').select(['p.name as who', 'email']).executeTakeFirst(),
    ).toEqual({
      who: 'Rosa Luna',
      email: 'Rosa@Example.org',
    });
    const cased = await k
      .selectFrom('supporters as p')
      .select((eb) => eb.case().when('p.id', '=', id).then(eb.ref('p.email')).end().as('address'))
      .executeTakeFirstOrThrow();
    expect(cased.address).toBe('Rosa@Example.org');
    const nested = await k
      .selectFrom(k.selectFrom('supporters').select(['id', 'name as n']).as('x'))
      .select('x.n')
      .executeTakeFirstOrThrow();
    expect(nested.n).toBe('Rosa Luna');

    await k.updateTable('supporters').set({ name: 'Rosa L.' }).where('id', '=', id).execute();
    expect((await raw()).name).not.toContain('Rosa');
    expect((await k.selectFrom('supporters').select('name').executeTakeFirstOrThrow()).name).toBe('Rosa L.');
    await k
      .insertInto('supporters')
      .values({
        email: 'x',
        email_index: blindIndex('rosa@example.org'),
        name: 'x',
        locale: 'tl',
        created_at: 2,
        updated_at: 2,
      })
      .onConflict((oc) => oc.column('email_index').doUpdateSet({ union_name: 'Nurses Union' }))
      .execute();
    const upserted = await k.selectFrom('supporters').select(['union_name']).executeTakeFirstOrThrow();
    expect(upserted.union_name).toBe('Nurses Union');

    // A value moved into another column does not open there.
    await sql`update supporters set name = email`.execute(k);
    await expect(k.selectFrom('supporters').select('name').execute()).rejects.toThrow(/does not open/);
  });
});
