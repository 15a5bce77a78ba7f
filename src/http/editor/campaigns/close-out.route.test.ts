// A closed campaign's close-out on its editor page, on each database: the final count, the delivery
// report in numbers and as CSV per address (sent, bounced, unknown, waiting), the victory mailing offered
// to those who may send mailings, the final dossier the close asked for (its progress, then the file), and
// the day signers' data goes under the retention setting.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('close-out on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  appPerTest(dialect, (app) => ({ t, clock, campaignId } = app));

  it('shows the final count, the delivery report and its CSV, the mailing and the purge date', async () => {
    await recordSigner(t, campaignId, 'Ana Souza', 'BR', clock.now());
    await recordSigner(t, campaignId, 'Kim Min-ji', 'KR', clock.now());
    const messages = await t.db.kysely
      .selectFrom('messages')
      .select(['id', 'target_id'])
      .where('campaign_id', '=', campaignId)
      .orderBy('id')
      .execute();
    expect(messages.length).toBeGreaterThan(3);
    const first = messages[0]!.target_id;
    const ofFirst = messages.filter((m) => m.target_id === first).map((m) => m.id);
    await t.db.kysely.updateTable('messages').set({ status: 'sent' }).where('id', '=', ofFirst[0]!).execute();
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'bounced' })
      .where('id', '=', ofFirst[1]!)
      .execute();
    const unknown = messages.find((m) => m.target_id !== first)!;
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'unknown' })
      .where('id', '=', unknown.id)
      .execute();

    const admin = await signedIn(t, 'admin');
    const closed = await post(t.app, `/editor/campaigns/${erlan}/close`, admin, {
      outcome: 'Erlan is free.',
    });
    expect(closed.statusCode).toBe(303);
    const page = await get(t.app, `/editor/campaigns/${erlan}`, admin);
    expect(page.body).toContain('Close-out');
    expect(page.body).toContain('2 supporters when it closed on');
    expect(page.body).toContain(
      `Delivery: 1 messages sent, 1 bounced, 1 with an unknown outcome, ${messages.length - 3} not delivered.`,
    );
    expect(page.body).toContain(`/editor/mailings/new?kind=victory&amp;campaign=${campaignId}&amp;locale=en`);
    const removal = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
      clock.now() + 24 * 31 * 86_400_000,
    );
    expect(page.body).toContain(`removed on ${removal}`);

    const csv = await get(t.app, `/editor/campaigns/${erlan}/delivery/report.csv`, admin);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const sum = (col: string) => rows.reduce((n, r) => n + Number(r[col]), 0);
    expect([sum('sent'), sum('bounced'), sum('unknown'), sum('waiting')]).toEqual([
      1,
      1,
      1,
      messages.length - 3,
    ]);

    // The close asked for the final dossier: the panel follows it and reloads itself until it is ready.
    expect(page.body).toContain('Final dossier, the petition as a PDF in English: Waiting to start…');
    expect(page.headers.refresh).toBe('3');
    const [dossier] = await t.services.dossiers.store.listForCampaign(campaignId, 5);
    expect(dossier).toMatchObject({ kind: 'pdf', locale: 'en', countries: [], status: 'queued' });
    await t.services.dossiers.store.progress(dossier!.id, { status: 'running', done: 0, total: 1, pages: 0 });
    const running = await get(t.app, `/editor/campaigns/${erlan}`, admin);
    expect(running.body).toContain('<progress class="close-out__progress" max="1" value="0"');
    const pdf = new TextEncoder().encode('%PDF-1.7 final');
    await t.services.dossiers.store.finish(dossier!.id, {
      file: pdf,
      pages: 3,
      signers: 2,
      now: clock.now(),
    });
    const ready = await get(t.app, `/editor/campaigns/${erlan}`, admin);
    expect(ready.headers.refresh).toBeUndefined();
    const href = `/editor/campaigns/${erlan}/dossiers/${dossier!.id}/file`;
    expect(ready.body).toContain(`href="${href}"`);
    expect(ready.body).toContain('3 pages, 2 signers');
    const file = await get(t.app, href, admin);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.7 final');

    const translator = await signedIn(t, 'translator');
    const read = await get(t.app, `/editor/campaigns/${erlan}`, translator);
    expect(read.body).toContain('Close-out');
    expect(read.body).not.toContain('/editor/mailings/new');
    expect(read.body).toContain('Final dossier');
  });

  it('a live campaign has no close-out', async () => {
    const admin = await signedIn(t, 'admin');
    expect((await get(t.app, `/editor/campaigns/${erlan}`, admin)).body).not.toContain('Close-out');
  });
});
