// The editor's mailings through the real app on SQLite and PostgreSQL: a victory mailing composed from its
// template for the demo campaign, refused input kept with translated errors, the segment counted with and
// without JavaScript, a test mailed to the editor (parsed from the SMTP sink), the send materialising the
// recipients, pause / resume / cancel, the report and progress, the preview under its own CSP, and the
// source tag of a mailing's link kept on the signature it brings.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { ana, formToken, postSign } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { seedDemoLists } from '../../../cli/demo/mailing-lists.js';

describe.each(testDialects)('editor mailings on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;
  appPerTest(dialect, { at: Date.UTC(2026, 10, 22, 9) }, async (app) => {
    ({ t, campaignId } = app);
    await seedDemoLists(t.db, app.clock.now());
    editor = await signedIn(t, 'editor', { email: 'amaka@example.org', name: 'Amaka Okafor' });
  });

  const fields = (over: Record<string, string | string[]> = {}) => ({
    kind: 'victory',
    campaignId: String(campaignId),
    sourceLocale: 'en',
    subject: 'Victory: Erlan is free',
    preheader: 'Thank you',
    bodyMd: 'Erlan is **free**.',
    locales: ['en', 'es'],
    ...over,
  });

  async function create(over: Record<string, string | string[]> = {}): Promise<number> {
    const res = await post(t.app, '/editor/mailings', editor, fields(over));
    expect(res.statusCode).toBe(303);
    const id = Number(/\/editor\/mailings\/(\d+)\?done=created$/.exec(res.headers.location!)?.[1]);
    expect(id).toBeGreaterThan(0);
    return id;
  }

  it('prefills a victory mailing from the campaign and lists it after saving', async () => {
    const page = await get(
      t.app,
      `/editor/mailings/new?kind=victory&campaign=${campaignId}&locale=en`,
      editor,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We won: Kazakhstan');
    const total = (await t.services.campaigns.supporterTotals([campaignId])).get(campaignId);
    expect(page.body).toContain(
      `Thank you to the ${total} people who wrote, and to the volunteers who translated the campaign into`,
    );
    expect(page.body).toContain('translated the campaign into Filipino.');
    expect(page.body).toContain('Other campaigns still need you');
    // Every list is chosen, and the script's first count is the server's.
    expect(page.body).toContain('value="es" checked');
    const urgent = await get(
      t.app,
      `/editor/mailings/new?kind=urgent&campaign=${campaignId}&locale=en`,
      editor,
    );
    expect(urgent.body).toMatch(
      new RegExp(`id="notSignedCampaignId"[\\s\\S]*?<option value="${campaignId}" selected`),
    );

    const id = await create();
    const shown = await get(t.app, `/editor/mailings/${id}?done=created`, editor);
    expect(shown.body).toContain('Mailing saved as a draft.');
    expect(shown.body).toContain('This segment reaches 5 people.');
    expect(shown.body).toContain(`/editor/translations/mailings/${id}`);
    const list = await get(t.app, '/editor/mailings', editor);
    expect(list.body).toContain('Victory: Erlan is free');
    expect(list.body).toContain('Kazakhstan');
  });

  it('refuses bad input with translated errors, keeping what was typed, and saves nothing', async () => {
    const bad = await post(
      t.app,
      '/editor/mailings',
      editor,
      fields({ subject: 'Hi\r\nBcc: x@example.org', locales: [], bodyMd: '<script>x</script> kept' }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('line breaks or control characters');
    expect(bad.body).toContain('Choose at least one language list.');
    expect(bad.body).toContain('&lt;script>x&lt;/script> kept');
    const ar = await post(
      t.app,
      '/editor/mailings',
      { ...editor },
      fields({ notSignedCampaignId: String(campaignId), signedCampaignId: String(campaignId) }),
    );
    expect(ar.statusCode).toBe(422);
    expect(ar.body).toContain('cannot both have signed and not have signed');
    expect(await t.db.kysely.selectFrom('mailings').select('id').execute()).toEqual([]);
    const shaped = await post(t.app, '/editor/mailings', editor, { kind: ['a', 'b'] });
    expect(shaped.statusCode).toBe(400);
  });

  it('counts the segment without JavaScript and as JSON for the script', async () => {
    const counted = await post(
      t.app,
      '/editor/mailings',
      editor,
      fields({ intent: 'count', locales: ['ar'] }),
    );
    expect(counted.statusCode).toBe(200);
    expect(counted.body).toContain('This segment reaches 2 people.');
    expect(counted.body).toContain('Victory: Erlan is free');
    const json = await get(
      t.app,
      `/editor/mailings/size?locales=en&locales=ar&notSignedCampaignId=${campaignId}`,
      editor,
    );
    expect(json.json()).toEqual({ count: 1, text: 'This segment reaches 1 person.' });
    const none = await get(t.app, '/editor/mailings/size?countries=ZZZ&locales=en', editor);
    expect(none.json()).toEqual({ count: null, text: '' });
  });

  it('mails a test to the editor, then sends, pauses, resumes and reports', async () => {
    const id = await create();
    const worker = await startMailWorker(t);
    try {
      const tested = await post(t.app, `/editor/mailings/${id}/test`, editor, { locale: 'es' });
      expect(tested.headers.location).toBe(`/editor/mailings/${id}?done=tested`);
      await worker.drain();
      const [mail] = await worker.sink.waitFor(1);
      expect(mail!.envelope.to).toEqual(['amaka@example.org']);
      // The frame is in the reader's language (Spanish has its catalog), the text still English.
      expect(mail!.parsed.subject).toBe('[Prueba] Victory: Erlan is free');
      expect(mail!.parsed.html).toContain('<strong>free</strong>');
      // No published Spanish version yet: the English text, as Spanish readers would get it now.
      expect(mail!.parsed.text).toContain('Erlan is free.');
      // Once done, the job keeps no address.
      const job = await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'payload'])
        .where('kind', '=', 'send-mailing-test')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
      expect(JSON.parse(job.payload)).toEqual({ mailingId: id, locale: 'es' });
    } finally {
      await worker.close();
    }

    const unconfirmed = await post(t.app, `/editor/mailings/${id}/send`, editor, {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('Tick the box');
    const sent = await post(t.app, `/editor/mailings/${id}/send`, editor, { confirm: 'yes' });
    expect(sent.headers.location).toBe(`/editor/mailings/${id}/report`);
    const recipients = await t.db.kysely
      .selectFrom('mailing_recipients')
      .select(['locale', 'status'])
      .where('mailing_id', '=', id)
      .orderBy('locale')
      .execute();
    expect(recipients.map((r) => `${r.locale}:${r.status}`)).toEqual([
      'en:queued',
      'en:queued',
      'en:queued',
      'es:queued',
      'es:queued',
    ]);
    const again = await post(t.app, `/editor/mailings/${id}/send`, editor, { confirm: 'yes' });
    expect(again.statusCode).toBe(409);
    const locked = await post(t.app, `/editor/mailings/${id}`, editor, fields({ subject: 'Changed' }));
    expect(locked.statusCode).toBe(409);
    expect(locked.body).toContain('Sending has started');

    const report = await get(t.app, `/editor/mailings/${id}/report`, editor);
    expect(report.body).toContain('0 of 5 sent, 0 failed');
    expect(report.body).toContain('data-progress="/editor/mailings/');
    // The per-language table is wider than a phone: it scrolls in its own box, the page does not.
    expect(report.body).toMatch(/<div class="table-scroll"><table class="table">/);
    const progress = await get(t.app, `/editor/mailings/${id}/progress.json`, editor);
    expect(progress.json()).toMatchObject({ status: 'sending', total: 5, done: 0, live: true });

    expect((await post(t.app, `/editor/mailings/${id}/pause`, editor, {})).headers.location).toBe(
      `/editor/mailings/${id}?done=paused`,
    );
    expect((await post(t.app, `/editor/mailings/${id}/pause`, editor, {})).statusCode).toBe(409);
    expect((await post(t.app, `/editor/mailings/${id}/resume`, editor, {})).statusCode).toBe(303);
    expect((await post(t.app, `/editor/mailings/${id}/cancel`, editor, {})).headers.location).toBe(
      `/editor/mailings/${id}?done=cancelled`,
    );
    expect((await t.services.mailings.find(id))?.status).toBe('cancelled');
  });

  it('schedules only in the future, and the recurring job starts it when due', async () => {
    const id = await create();
    const past = await post(t.app, `/editor/mailings/${id}/schedule`, editor, { at: '2026-11-01T10:00' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Choose a time in the future');
    expect(
      (await post(t.app, `/editor/mailings/${id}/schedule`, editor, { at: '2026-11-22T25:00' })).statusCode,
    ).toBe(422);
    const ok = await post(t.app, `/editor/mailings/${id}/schedule`, editor, { at: '2026-11-22T10:00' });
    expect(ok.headers.location).toBe(`/editor/mailings/${id}?done=scheduled`);
    expect((await get(t.app, ok.headers.location!, editor)).body).toContain(
      'Sending starts at 2026-11-22 10:00 UTC.',
    );
    expect(await t.services.mailings.dueScheduled(Date.UTC(2026, 10, 22, 10))).toEqual([id]);
  });

  it('previews any language through the renderer, the HTML under a CSP of its own', async () => {
    const id = await create();
    const page = await get(t.app, `/editor/mailings/${id}/preview?locale=es`, editor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No published Spanish version yet');
    expect(page.body).toContain(`/editor/mailings/${id}/preview.html?locale=es`);
    const html = await get(t.app, `/editor/mailings/${id}/preview.html?locale=es`, editor);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.headers['content-security-policy']).toContain('sandbox');
    expect(html.body).toContain('<strong>free</strong>');
    expect(html.body).not.toContain('<script');
    expect((await get(t.app, '/editor/mailings/999999/preview', editor)).statusCode).toBe(404);
  });

  it('keeps the source tag of a mailing link on the signature it brings, and reports it', async () => {
    const id = await create();
    await post(t.app, `/editor/mailings/${id}/send`, editor, { confirm: 'yes' });
    const token = await formToken(t.app, 'en');
    (t.services.clock as FakeClock).advance(10_000);
    const signed = await postSign(t.app, 'en', { ...ana, token, src: `mailing-${id}-en` });
    expect(signed.statusCode).toBe(303);
    // Names are sealed (decision 0023): found here, not by the database.
    const signers = await t.db.kysely.selectFrom('signatures').select(['name', 'source']).execute();
    expect(signers.find((r) => r.name === ana.name)?.source).toBe(`mailing-${id}-en`);
    const report = await t.services.mailings.report(id);
    expect(report.find((l) => l.locale === 'en')).toMatchObject({ recipients: 3 });
    const rows = await t.db.kysely
      .selectFrom('counts')
      .select(['source', 'status', 'n'])
      .where('source', '=', `mailing-${id}-en`)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});
