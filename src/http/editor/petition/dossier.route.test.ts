// Dossiers through HTTP and the real worker on both databases: an editor asks for a per-country ZIP of
// chosen countries, the page shows it waiting (and reloads itself), the worker renders it with Chromium, the
// page offers the file, the ZIP holds one PDF per chosen country whose text has that country's signer; bad
// input is a 422 with the reason; translators and partners of other campaigns are refused; files past their
// time are deleted by the daily job's store call.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, partnerToAttach, post, signedIn } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { JobRepository } from '../../../db/job.repository.js';
import { dossierHandlers } from '../../../jobs/tasks/build-dossier.task.js';
import { createWorker } from '../../../jobs/worker.js';
import { zipArchive } from '../../../pdf/zip.js';

const page = `/editor/campaigns/${erlan}/dossiers`;
const t0 = Date.UTC(2026, 10, 23, 10);
const tools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');

describe.each(testDialects)('dossiers on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;

  editorPerTest(dialect, (app) => ({ t, editor, campaignId } = app));
  afterEach(async () => t.services.dossierRenderer.close());

  const worker = () =>
    createWorker({
      repo: new JobRepository(t.db),
      handlers: dossierHandlers({
        dossiers: t.services.dossiers.store,
        campaigns: t.services.previewCampaigns,
        exporter: t.services.petition,
        renderer: t.services.dossierRenderer,
        archive: zipArchive,
        clock: t.services.clock,
      }),
      clock: t.services.clock,
    });

  it.skipIf(!tools)('makes a ZIP of one PDF per chosen country and offers it when ready', async () => {
    await recordSigner(t, campaignId, 'Олег Петров', 'BY', t0);
    await recordSigner(t, campaignId, 'ნინო ბერიძე', 'GE', t0 + 1_000);
    await recordSigner(t, campaignId, 'Camila Rojas', 'CL', t0 + 2_000);
    const form = await get(t.app, page, editor);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Dossiers for delivery');
    expect(form.body).toContain('value="GE"');
    expect(form.headers.refresh).toBeUndefined();

    const asked = await post(t.app, page, editor, { kind: 'zip', locale: 'en', country: ['GE', 'by'] });
    expect(asked.statusCode).toBe(303);
    const waiting = await get(t.app, `${page}?queued=1`, editor);
    expect(waiting.body).toContain('Waiting to start');
    expect(waiting.headers.refresh).toBe('3');

    const w = worker();
    await w.drain();
    await w.stop();
    const ready = await get(t.app, page, editor);
    expect(ready.headers.refresh).toBeUndefined();
    expect(ready.body).toContain('Download ZIP');
    const link = /href="([^"]+\/file)"/.exec(ready.body)?.[1];
    expect(link).toBeDefined();
    const file = await t.app.inject({ url: link!, headers: { cookie: editor.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');

    const dir = mkdtempSync(join(tmpdir(), 'dossier-route-'));
    try {
      writeFileSync(join(dir, 'd.zip'), file.rawPayload);
      execFileSync('unzip', ['-q', '-d', dir, join(dir, 'd.zip')]);
      const text = (name: string) =>
        execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, name), '-'], { encoding: 'utf8' });
      expect(text(`${erlan}-BY.pdf`)).toContain('Олег');
      const georgia = text(`${erlan}-GE.pdf`);
      expect(georgia).toContain('ნინო');
      expect(georgia).not.toContain('Camila');
      expect(existsSync(join(dir, `${erlan}-CL.pdf`))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a language the campaign is not published in and unknown countries, keeping nothing', async () => {
    const badLocale = await post(t.app, page, editor, { kind: 'pdf', locale: 'xx' });
    expect(badLocale.statusCode).toBe(422);
    expect(badLocale.body).toContain('published languages');
    const badCountry = await post(t.app, page, editor, { kind: 'pdf', locale: 'en', country: 'ZZ' });
    expect(badCountry.statusCode).toBe(422);
    expect(badCountry.body).toContain('not a country code');
    const badKind = await post(t.app, page, editor, { kind: 'docx', locale: 'en' });
    expect(badKind.statusCode).toBe(422);
    expect(await t.services.dossiers.store.listForCampaign(campaignId, 10)).toEqual([]);
  });

  it('lets in editors and attached partners only, and deletes dossiers past their time', async () => {
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, page, translator)).statusCode).toBe(403);
    const { browser: partnerBrowser, attach } = await partnerToAttach(t, campaignId, t0);
    expect((await get(t.app, page, partnerBrowser)).statusCode).toBe(403);
    await attach();
    expect((await get(t.app, page, partnerBrowser)).statusCode).toBe(200);
    expect((await post(t.app, page, partnerBrowser, { kind: 'pdf', locale: 'en' })).statusCode).toBe(303);
    const [dossier] = await t.services.dossiers.store.listForCampaign(campaignId, 10);
    expect(dossier?.status).toBe('queued');
    expect((await get(t.app, `${page}/${dossier!.id}/file`, editor)).statusCode).toBe(404);
    expect(await t.services.dossiers.store.purgeExpired(dossier!.expiresAt - 1)).toBe(0);
    expect(await t.services.dossiers.store.purgeExpired(dossier!.expiresAt)).toBe(1);
  });
});
