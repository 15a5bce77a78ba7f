// The review of held signatures through HTTP: the list with its reasons, release and discard by a row's
// button, by selection (only with the confirmation box) and by network; counts, audit labels; roles that
// may not, forged or cross-site posts, and malformed input answered with translated pages, never a 500.
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { countedSignatures, testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { buildSignCommand } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const page = `/editor/campaigns/${erlan}/held`;

describe.each(testDialects)('held signatures review on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let editor: Browser;
  let campaignId: number;

  editorPerTest(dialect, (app) => ({ t, clock, campaignId, editor } = app));

  async function hold(name: string, ipHash: string | null, minutesAgo = 0): Promise<number> {
    const command = buildSignCommand(campaignId, {
      status: 'held',
      ipHash,
      now: clock.now() - minutesAgo * 60_000,
    });
    const outcome = await t.services.writer.record({ ...command, input: { ...command.input, name } });
    return outcome.signatureId;
  }
  const status = async (id: number) =>
    (await t.db.kysely.selectFrom('signatures').select('status').where('id', '=', id).executeTakeFirst())
      ?.status;
  const held = () => countedSignatures(t.db, campaignId, 'held');

  it('lists held signatures with why they were held, and links there from the campaign page', async () => {
    await hold('Ana Souza', 'net-a', 5);
    await hold('Bakyt Tulegenov', null);
    const res = await get(t.app, page, editor);
    expectPage(res, 200, [
      '<h1>Held signatures</h1>',
      '<strong>2 signatures are held.</strong>',
      'Ana Souza',
      'Bakyt Tulegenov',
      'South Korea',
      'The form check failed',
      'a released signature waits for that confirmation like any other',
    ]);
    // Newest first.
    expect(res.body.indexOf('Bakyt Tulegenov')).toBeLessThan(res.body.indexOf('Ana Souza'));
    const campaign = await get(t.app, `/editor/campaigns/${erlan}`, editor);
    expect(campaign.body).toContain(`<a href="${page}">Held signatures to review</a>`);
    const translator = await signedIn(t, 'translator');
    const readOnly = await get(t.app, `/editor/campaigns/${erlan}`, translator);
    expect(readOnly.body).not.toContain(`href="${page}"`);
  });

  it("releases one by its row's button, ignoring the ticked boxes, and says so", async () => {
    const ana = await hold('Ana Souza', 'net-a');
    const other = await hold('Bakyt Tulegenov', 'net-b');
    const res = await post(t.app, `${page}/release`, editor, {
      id: String(ana),
      ids: [String(ana), String(other)],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=released&count=1`);
    expect(await status(ana)).toBe('pending');
    expect(await status(other)).toBe('held');
    expect(await held()).toBe(1);
    const after = await get(t.app, res.headers.location!, editor);
    expect(after.body).toContain('1 signature released.');
    const audit = await get(t.app, '/editor/audit', await signedIn(t, 'admin'));
    expect(audit.body).toContain('Held signature released');
  });

  it('acts on a selection only with the confirmation box ticked, keeping the ticks otherwise', async () => {
    const a = await hold('Ana Souza', 'net-a');
    const b = await hold('Bakyt Tulegenov', 'net-b');
    const ids = [String(a), String(b)];
    const refused = await post(t.app, `${page}/discard`, editor, { ids });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('tick the box that confirms it');
    expect(refused.body).toContain(`id="held-${a}" name="ids" value="${a}" checked`);
    expect(await held()).toBe(2);

    const none = await post(t.app, `${page}/discard`, editor, { confirm: 'yes' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Tick at least one signature first.');

    const done = await post(t.app, `${page}/discard`, editor, { ids, confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${page}?done=discarded&count=2`);
    expect(await status(a)).toBeUndefined();
    expect(await status(b)).toBeUndefined();
    expect(await held()).toBe(0);
    const again = await post(t.app, `${page}/discard`, editor, { ids, confirm: 'yes' });
    expect(again.headers.location).toBe(`${page}?done=discarded&count=0`);
    expect((await get(t.app, again.headers.location!, editor)).body).toContain('Nothing changed');
  });

  it('shows one network and releases all of it at once', async () => {
    const bots = [await hold('A', 'net-a'), await hold('B', 'net-a'), await hold('C', 'net-a')];
    const person = await hold('Dana', 'net-b');
    const list = await get(t.app, page, editor);
    expect(list.body).toContain(`href="${page}?network=net-a"`);
    expect(list.body).toContain('Show all 3 held from the same network');
    const filtered = await get(t.app, `${page}?network=net-a`, editor);
    expect(filtered.body).toContain('3 held signatures from one network');
    expect(filtered.body).not.toContain('Dana');
    const res = await post(t.app, `${page}/release`, editor, { network: 'net-a', confirm: 'yes' });
    expect(res.headers.location).toBe(`${page}?done=released&count=3`);
    for (const id of bots) expect(await status(id)).toBe('pending');
    expect(await status(person)).toBe('held');
  });

  it('refuses roles without campaigns:edit, forged and cross-site posts', async () => {
    const id = await hold('Ana Souza', 'net-a');
    for (const role of ['translator', 'partner'] as const) {
      const browser = await signedIn(t, role);
      expect((await get(t.app, page, browser)).statusCode).toBe(403);
      expect((await post(t.app, `${page}/release`, browser, { id: String(id) })).statusCode).toBe(403);
    }
    expect(
      (await post(t.app, `${page}/release`, { ...editor, csrf: 'forged' }, { id: String(id) })).statusCode,
    ).toBe(403);
    const crossSite = await post(
      t.app,
      `${page}/discard`,
      editor,
      { id: String(id) },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect(await status(id)).toBe('held');
  });

  it('answers malformed input with a translated 400 or 404, changing nothing', async () => {
    const id = await hold('Ana Souza', 'net-a');
    const malformed: Record<string, string | string[]>[] = [
      { id: '0' },
      { id: 'abc' },
      { ids: ['1', 'x'] },
      { network: 'bad network!' },
      { id: 'x'.repeat(200) },
    ];
    for (const fields of malformed) {
      const res = await post(t.app, `${page}/release`, editor, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain('<html lang="en"');
    }
    expect((await get(t.app, `${page}?page=abc`, editor)).statusCode).toBe(400);
    expect((await get(t.app, `${page}?network=a%0Ab`, editor)).statusCode).toBe(400);
    expect((await get(t.app, '/editor/campaigns/no-such-campaign/held', editor)).statusCode).toBe(404);
    expect(
      (await post(t.app, '/editor/campaigns/no-such-campaign/held/release', editor, { id: String(id) }))
        .statusCode,
    ).toBe(404);
    expect((await get(t.app, '/editor/campaigns/Bad_Slug/held', editor)).statusCode).toBe(404);
    expect(await status(id)).toBe('held');
  });
});
