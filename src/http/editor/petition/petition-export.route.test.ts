// The signers' CSV through HTTP on both databases: UTF-8 with BOM, formula cells neutralised, the petition's
// people and names (never pending, hidden or erased; "a supporter from" without name or union), oldest first
// across the exporter's batches, filters, who may download (editors; partners of this campaign only), audit.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, partnerToAttach, signedIn } from '../../../../test/editor-helpers.js';
import { markSupporterErased, recordSigner, type SignerOverrides } from '../../../../test/factories.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const url = `/editor/campaigns/${erlan}/petition/export.csv`;
const t0 = Date.UTC(2026, 10, 23, 10);
const dayMs = 86_400_000;

describe.each(testDialects)('signers CSV on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;

  editorPerTest(dialect, (app) => ({ t, editor, campaignId } = app));

  const signer = (name: string, country: string, at: number, over?: SignerOverrides) =>
    recordSigner(t, campaignId, name, country, at, over);
  const rows = (body: string) => parse(body.replace(/^\uFEFF/, '')) as string[][];

  it('streams the petition as CSV: BOM, header, oldest first, formulas neutralised, nobody it must leave out', async () => {
    await signer('Ana María Souza', 'BR', t0, { union: 'CUT', locale: 'en' });
    await signer('Олег Петров', 'BY', t0 + dayMs, {
      union: '=HYPERLINK("http://evil.example")',
      locale: 'tl',
    });
    await signer('Camila Rojas', 'CL', t0 + 2 * dayMs, { union: 'CUT Chile', anonymous: true, locale: 'ar' });
    await signer('Pending Person', 'FR', t0 + 3 * dayMs, { status: 'pending' });
    const hidden = await signer('Hidden Person', 'DE', t0 + 4 * dayMs);
    await t.db.kysely
      .updateTable('signatures')
      .set({ petition_hidden_at: t0 })
      .where('id', '=', hidden.signatureId)
      .execute();
    const erased = await signer('Erased Person', 'SE', t0 + 5 * dayMs);
    await markSupporterErased(t, erased.signatureId);

    const res = await get(t.app, url, editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${erlan}-signers.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(rows(res.body)).toEqual([
      ['signed_at', 'name', 'union', 'country', 'language', 'source', 'log_index', 'seal'],
      [new Date(t0).toISOString(), 'Ana S.', 'CUT', 'BR', 'en', '', '', ''],
      [
        new Date(t0 + dayMs).toISOString(),
        'Олег П.',
        '\'=HYPERLINK("http://evil.example")',
        'BY',
        'tl',
        '',
        '',
        '',
      ],
      [new Date(t0 + 2 * dayMs).toISOString(), '', '', 'CL', 'ar', '', '', ''],
    ]);

    // Filters: country, language, days (both ends included).
    expect(
      rows((await get(t.app, `${url}?country=by`, editor)).body)
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(['BY']);
    expect(
      rows((await get(t.app, `${url}?language=ar`, editor)).body)
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(['CL']);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const ranged = await get(t.app, `${url}?from=${day(t0 + dayMs)}&to=${day(t0 + dayMs)}`, editor);
    expect(
      rows(ranged.body)
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(['BY']);

    const audit = await auditEntries(t.db, { action: 'petition.exported' });
    expect(audit).toHaveLength(4);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ country: 'BY' });
  });

  it('writes only the chosen columns, in their order, and filters by source', async () => {
    const ana = await signer('Ana María Souza', 'BR', t0, { union: 'CUT' });
    await signer('Олег Петров', 'BY', t0 + dayMs, { union: 'BKDP' });
    await t.db.kysely
      .updateTable('signatures')
      .set({ source: 'mailing-en-2' })
      .where('id', '=', ana.signatureId)
      .execute();
    const res = await get(t.app, `${url}?columns=country,name&source=mailing-en-2`, editor);
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(rows(res.body)).toEqual([
      ['country', 'name'],
      ['BR', 'Ana S.'],
    ]);
  });

  it('keeps order and every row across batches', async () => {
    await Promise.all(
      Array.from({ length: 2_300 }, (_, i) => signer(`S${i} Test`, 'KZ', t0 + Math.floor(i / 3))),
    );
    const res = await get(t.app, url, editor);
    const body = rows(res.body).slice(1);
    expect(body).toHaveLength(2_300);
    expect(new Set(body.map((r) => r[1])).size).toBe(2_300);
    expect(body[0]![1]).toBe('S0 T.');
    expect(body.at(-1)![1]).toBe('S2299 T.');
  });

  it('lets partners download only the campaigns they are attached to, and refuses malformed filters', async () => {
    await signer('Ana Souza', 'BR', t0);
    const { browser, attach } = await partnerToAttach(t, campaignId, t0);
    expect((await get(t.app, url, browser)).statusCode).toBe(403);
    await attach();
    const ok = await get(t.app, url, browser);
    expect(ok.statusCode).toBe(200);
    expect(rows(ok.body)[1]![1]).toBe('Ana S.');
    const other = '/editor/campaigns/belarus-trade-unionism-is-not-extremism/petition/export.csv';
    expect((await get(t.app, other, browser)).statusCode).toBe(403);
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, url, translator)).statusCode).toBe(403);
    expect((await get(t.app, url)).statusCode).toBe(302); // to the login page

    for (const bad of [
      'country=XX',
      'from=2026-02-30',
      'to=yesterday',
      'language=<script>',
      'country=BR&country=CL',
      'columns=name,email',
      'columns=name,name',
      'columns=,',
    ]) {
      expect((await get(t.app, `${url}?${bad}`, editor)).statusCode, bad).toBe(400);
    }
  });
});
