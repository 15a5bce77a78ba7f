// The XLIFF 2.0 exchange through the real routes on each database: a Spanish translator downloads the demo
// campaign with their draft, translates the file in "their tool" (the xliff package here), uploads it and
// gets it back as the draft, field by field; the round trip gives the same texts. A file for another
// language, not XLIFF at all, with a field too long, an unknown unit or inline codes is reported and
// stores nothing it should not; a file made before the source changed is saved as a draft and flagged.

import { describe, expect, it } from 'vitest';
import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, postMultipart, sessionFor, signedIn } from '../../../../test/editor-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { spanishTexts, translationDay, translatorOf } from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const erlan = demoCampaignSlug;
const es = `/editor/campaigns/${erlan}/translations/es`;

/** Two paragraphs in the background, so that the file carries more than one unit's worth of text. */
const spanish = {
  ...spanishTexts,
  backgroundMd: 'Erlan Baltabay es un **sindicalista** encarcelado.\n\nSu apelación fue rechazada.',
};

/** What a translator's tool does: fill in (or change) the targets of a downloaded file. */
async function translated(xml: string, change: (file: Awaited<ReturnType<typeof xliff2js>>) => void) {
  const file = await xliff2js(xml);
  change(file);
  return js2xliff(file);
}

describe.each(testDialects)('XLIFF exchange of a campaign translation on %s', (dialect) => {
  let t: TestApp;
  let translator: Browser;

  appPerTest(dialect, { at: translationDay }, async (app) => {
    t = app.t;
    const admin = await signedIn(t, 'admin');
    translator = await sessionFor(t, await translatorOf(t, admin, 'es'));
  });

  const upload = (who: Browser, xml: string | Uint8Array, url = `${es}/xliff`) => {
    const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
    return postMultipart(t, url, who, {}, [{ field: 'file', bytes, name: 'erlan.es.xlf' }]);
  };

  const stored = () =>
    t.db.kysely
      .selectFrom('campaign_translations as t')
      .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
      .select(['t.headline', 't.background_md', 't.default_message', 't.target_subject', 't.status'])
      .where('c.slug', '=', erlan)
      .where('t.locale', '=', 'es')
      .executeTakeFirst();

  it('downloads the source with the draft, uploads the translated file as the draft, and round-trips', async () => {
    const download = await get(t.app, `${es}/xliff`, translator);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/xliff+xml');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${erlan}.es.xlf"`);
    const file = await xliff2js(download.body);
    expect(file.sourceLanguage).toBe('en');
    expect(file.targetLanguage).toBe('es');
    const [id, units] = Object.entries(file.resources)[0]!;
    expect(id).toMatch(new RegExp(`^${erlan}\\.r\\d+$`));
    expect(Object.keys(units)).toEqual([
      'headline',
      'backgroundMd',
      'defaultMessage',
      'targetSubject',
      'targetSalutation',
    ]);
    expect(units.headline!.target).toBe('');
    expect(String(units.backgroundMd!.source)).toContain('\n\n');

    const xml = await translated(download.body, (f) => {
      const u = Object.values(f.resources)[0]!;
      for (const [k, v] of Object.entries(spanish)) u[k]!.target = v;
    });
    const saved = await upload(translator, xml);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Draft saved.');
    expect(saved.body.match(/Saved in the draft/g)).toHaveLength(5);
    expect(await stored()).toMatchObject({
      headline: spanish.headline,
      background_md: spanish.backgroundMd,
      target_subject: spanish.targetSubject,
      status: 'draft',
    });
    // The editor shows the imported text in its fields; the board counts it as a draft.
    expect((await get(t.app, es, translator)).body).toContain(`value="${spanish.headline}"`);

    const again = await xliff2js((await get(t.app, `${es}/xliff`, translator)).body);
    const back = Object.values(again.resources)[0]!;
    for (const [k, v] of Object.entries(spanish)) expect(back[k]!.target).toBe(v);
    const same = await upload(translator, await js2xliff(again));
    expect(same.statusCode).toBe(200);
    expect(same.body).toContain('Nothing in the file differs from the draft');
    expect(same.body.match(/Same as the draft/g)).toHaveLength(5);
  });

  it('reports each field and refuses files for another campaign or language, or not XLIFF at all', async () => {
    const download = (await get(t.app, `${es}/xliff`, translator)).body;
    const before = await stored();

    const french = await translated(download, (f) => {
      f.targetLanguage = 'fr';
      Object.values(f.resources)[0]!.headline!.target = 'Libérez Erlan';
    });
    const wrongLanguage = await upload(translator, french);
    expect(wrongLanguage.statusCode).toBe(422);
    expect(wrongLanguage.body).toContain('This file is for another language. Nothing was saved.');
    const otherCampaign = await upload(
      translator,
      download.replace(`id="${erlan}.r`, 'id="another-campaign.r'),
    );
    expect(otherCampaign.body).toContain('This file is for another campaign.');
    const future = await upload(translator, download.replace(/id="([a-z0-9-]+)\.r\d+"/, 'id="$1.r999"'));
    expect(future.body).toContain('a version of the source this campaign never had');
    for (const junk of [
      'not xml at all',
      '\u0000\u00ff',
      download.replace('version="2.0"', 'version="1.2"'),
    ]) {
      const refused = await upload(translator, junk);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('This is not an XLIFF 2.0 file of a campaign translation.');
    }
    // Cut short: whatever the parser makes of it, it is refused and nothing is saved.
    const cut = await upload(translator, download.slice(0, download.indexOf('<unit id="backgroundMd"')));
    expect(cut.statusCode).toBe(422);
    expect(cut.body).toContain('Nothing was saved.');
    const empty = new FormData();
    empty.append('_csrf', translator.csrf);
    const noFile = await t.app.inject({
      method: 'POST',
      url: `${es}/xliff`,
      headers: { cookie: translator.cookie },
      body: empty,
    });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.body).toContain('Choose an XLIFF file to upload.');
    expect(await stored()).toEqual(before);

    // Field by field: the good ones are saved, the rest keep their text and say why.
    const mixed = await translated(download, (f) => {
      const u = Object.values(f.resources)[0]!;
      u.headline!.target = 'x'.repeat(5_000);
      u.defaultMessage!.target = spanish.defaultMessage;
      u.targetSubject!.target = [{ Standalone: { id: '1' } }, 'Liberen'];
      u.status = { source: 'status', target: 'published' };
    });
    const report = await upload(translator, mixed);
    expect(report.statusCode).toBe(200);
    expect(report.body).toMatch(/data-field="headline"[\s\S]*?This text is too long\./);
    expect(report.body).toMatch(/data-field="defaultMessage"[\s\S]*?Saved in the draft/);
    expect(report.body).toMatch(/data-field="targetSubject"[\s\S]*?Contains inline codes/);
    expect(report.body).toMatch(/data-field="backgroundMd"[\s\S]*?Empty in the file: left as it was/);
    expect(report.body).toContain('Ignored, not fields of a campaign: status');
    expect(await stored()).toMatchObject({
      headline: '',
      default_message: spanish.defaultMessage,
      status: 'draft',
    });

    // Another person's language is refused before the file is read.
    const other = await signedIn(t, 'translator', { email: 'fr@example.org' });
    expect((await upload(other, mixed)).statusCode).toBe(403);
  });

  it('refuses hostile files without a 500: entities, a huge file, units named __proto__ and constructor', async () => {
    const download = (await get(t.app, `${es}/xliff`, translator)).body;
    const before = await stored();
    const laughs = download
      .replace(
        '<xliff',
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<xliff',
      )
      .replace('<target></target>', '<target>&b;&b;&b;</target>');
    const entities = await upload(translator, laughs);
    expect([200, 422]).toContain(entities.statusCode);
    expect(entities.body).not.toContain('aaaaaaaaaa');
    const huge = await upload(translator, `${download.slice(0, -10)}${' '.repeat(3 * 1024 * 1024)}</xliff>`);
    expect([413, 422]).toContain(huge.statusCode);
    const unit = (id: string) =>
      `<unit id="${id}"><segment><source>x</source><target>polluted</target></segment></unit>`;
    const proto = download.replace('</file>', `${unit('__proto__')}${unit('constructor')}</file>`);
    const polluted = await upload(translator, proto);
    expect(polluted.statusCode).toBe(200);
    expect(polluted.body).toContain('Nothing in the file differs from the draft');
    expect(({} as Record<string, unknown>).target).toBeUndefined();
    expect(await stored()).toEqual(before);
  });

  it('saves a reviewer’s upload over a published translation as a draft, not live at once', async () => {
    const admin = await signedIn(t, 'editor', { email: 'ed@example.org' });
    const download = (await get(t.app, `${es}/xliff`, admin)).body;
    const fill = (headline: string) =>
      translated(download, (f) => {
        const u = Object.values(f.resources)[0]!;
        for (const [k, v] of Object.entries(spanish)) u[k]!.target = v;
        u.headline!.target = headline;
      });
    expect((await upload(admin, await fill(spanish.headline))).statusCode).toBe(200);
    await t.db.kysely
      .updateTable('campaign_translations')
      .set({ status: 'published' })
      .where('locale', '=', 'es')
      .execute();
    const again = (await get(t.app, `${es}/xliff`, admin)).body;
    const changed = await translated(again, (f) => {
      Object.values(f.resources)[0]!.headline!.target = 'Libertad ya para Erlan Baltabay';
    });
    expect((await upload(admin, changed)).statusCode).toBe(200);
    expect(await stored()).toMatchObject({ headline: 'Libertad ya para Erlan Baltabay', status: 'draft' });
  });

  it('accepts a file made from an older source as a draft, and flags it', async () => {
    const old = (await get(t.app, `${es}/xliff`, translator)).body;
    const campaign = await t.db.kysely
      .selectFrom('campaigns')
      .select(['id'])
      .where('slug', '=', erlan)
      .executeTakeFirstOrThrow();
    // The editor changes the English background (a new source revision).
    await t.db.kysely
      .updateTable('campaign_translations')
      .set((eb) => ({ revision: eb('revision', '+', 1), background_md: 'A new English background.' }))
      .where('campaign_id', '=', campaign.id)
      .where('locale', '=', 'en')
      .execute();
    const xml = await translated(old, (f) => {
      const u = Object.values(f.resources)[0]!;
      for (const [k, v] of Object.entries(spanish)) u[k]!.target = v;
    });
    const saved = await upload(translator, xml);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('This file was made from an older version of the source.');
    expect(await stored()).toMatchObject({ headline: spanish.headline, status: 'draft' });
    // Saved from the old source, it stays stale until someone brings it up to date.
    expect((await get(t.app, '/editor/translations', translator)).body).toMatch(
      /data-locale="es"[^>]*>[\s\S]*?source changed/,
    );
  });
});
