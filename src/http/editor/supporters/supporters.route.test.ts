// The editors' answer to a request received by post or email: found by exact address (sent by POST),
// downloads and erasures audited, erasure only with its permission and a ticked confirmation.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { blindIndex } from '../../../../test/blind-index.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { ana, erlan, formToken, postSign } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('editor supporters page on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    const token = await formToken(t.app, 'en');
    clock.advance(10_000);
    expect((await postSign(t.app, 'en', { ...ana, token })).statusCode).toBe(303);
  });

  const supporterId = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('supporters')
          .select('id')
          .where('email_index', '=', blindIndex(ana.email))
          .executeTakeFirstOrThrow()
      ).id,
    );

  it('finds by exact address, downloads with an audit entry, and erases only when confirmed', async () => {
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/supporters', editor)).statusCode).toBe(200);
    const missing = await post(t.app, '/editor/supporters/find', editor, { email: 'someone@example.org' });
    expect(missing.body).toContain('No supporter has this address');
    const found = await post(t.app, '/editor/supporters/find', editor, { email: ana.email });
    expect(found.body).toContain('Ana Souza');
    expect(found.body).toContain('1 signature');
    const id = await supporterId();

    const json = await post(t.app, `/editor/supporters/${id}/export`, editor, { format: 'json' });
    expect(json.headers['content-disposition']).toContain(`supporter-${id}.json`);
    expect((json.json() as { supporter: { name: string } }).supporter.name).toBe('Ana Souza');
    const csv = await post(t.app, `/editor/supporters/${id}/export`, editor, { format: 'csv' });
    expect(csv.body).toContain('"Ana Souza"');

    const unticked = await post(t.app, `/editor/supporters/${id}/erase`, editor, {});
    expect(unticked.statusCode).toBe(422);
    expect(unticked.body).toContain('Tick the box');
    const erased = await post(t.app, `/editor/supporters/${id}/erase`, editor, { confirm: 'yes' });
    expect(erased.headers.location).toBe('/editor/supporters?done=erased&n=1');
    expect((await get(t.app, erased.headers.location!, editor)).body).toContain('Erased: 1 signature');
    expect((await post(t.app, '/editor/supporters/find', editor, { email: ana.email })).body).toContain(
      'No supporter has this address',
    );
    const actions = await auditEntries(t.db, { entityType: 'supporter' });
    expect(actions.map((a) => a.action)).toEqual([
      'supporter.exported',
      'supporter.exported',
      'supporter.erased',
    ]);
    expect(JSON.stringify(actions.map((a) => [a.action, a.after_json]))).not.toContain('Ana');
    const count = await t.app.inject({ url: `/api/campaigns/${erlan}/count` });
    expect(count.statusCode).toBe(200);
  });

  it('is closed to translators and partners', async () => {
    const id = await supporterId();
    for (const role of ['translator', 'partner'] as const) {
      const person = await signedIn(t, role);
      expect((await get(t.app, '/editor/supporters', person)).statusCode).toBe(403);
      expect(
        (await post(t.app, `/editor/supporters/${id}/erase`, person, { confirm: 'yes' })).statusCode,
      ).toBe(403);
    }
    expect(await supporterId()).toBe(id);
  });
});
