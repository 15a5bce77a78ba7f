// The review of interface strings through the real app on each database: an Arabic translator corrects a
// string the public pages use and marks it reviewed, and the cached campaign page and the home page show it
// at once (no restart); invalid ICU and changed placeholders are refused with the reason and nothing stored;
// a translator of another language is refused; the language's strings go out as XLIFF 2.0 and come back
// with a correction (stored) and a broken text (refused, reported); the catalog and review record
// downloads carry the corrections.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  type Browser,
  get,
  post,
  postMultipart,
  sessionFor,
  signedIn,
} from '../../../../test/editor-helpers.js';
import { auditEntries } from '../../../../test/http-audit.js';
import type { TestApp } from '../../../../test/test-app.js';
import { translationDay, translatorOf } from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';
import { shippedCatalogs } from '../../../i18n/translator.js';

const board = '/editor/interface-strings/ar';
const key = 'layout.skipToContent';
const shipped = shippedCatalogs().get('ar')![key]!.message;
const corrected = 'تخطَّ إلى المحتوى الرئيسي';

describe.each(testDialects)('interface strings on %s', (dialect) => {
  let t: TestApp;
  let arabic: Browser;
  let french: Browser;

  appPerTest(dialect, { at: translationDay }, async (app) => {
    t = app.t;
    const admin = await signedIn(t, 'admin');
    const translator = async (locale: string) =>
      sessionFor(
        t,
        await translatorOf(t, admin, locale, {
          email: `translator-${locale}@example.org`,
          name: `Translator ${locale}`,
        }),
      );
    arabic = await translator('ar');
    french = await translator('fr');
  });

  const campaignPage = () => get(t.app, `/ar/campaigns/${demoCampaignSlug}`);

  it('shows a correction on the public pages at once, reviewed, with who and when', async () => {
    // The campaign page is cached per language: read it first so the correction has a cached page to beat.
    expect((await campaignPage()).body).toContain(shipped);
    const page = await get(t.app, `${board}?q=${key}`, arabic);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`data-key="${key}"`);
    expect(page.body).toContain(shippedCatalogs().get('en')![key]!.description!);

    const saved = await post(t.app, board, arabic, { key, message: corrected, intent: 'review', back: '' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('done=reviewed');

    for (const res of [await campaignPage(), await get(t.app, '/ar/')]) {
      expect(res.body).toContain(corrected);
      expect(res.body).not.toContain(`>${shipped}<`);
    }
    // Other languages keep their text.
    expect((await get(t.app, `/fr/campaigns/${demoCampaignSlug}`)).body).toContain(
      shippedCatalogs().get('fr')![key]!.message,
    );
    const after = await get(t.app, `${board}?state=overridden&done=reviewed`, arabic);
    expect(after.body).toContain(`data-key="${key}"`);
    expect(after.body).toContain('Saved and marked reviewed.');
    expect(after.body).toContain('Corrected by \u2068Translator ar\u2069');
    expect(after.body).toContain('Strings found: 1');
    const notReviewed = await get(t.app, `${board}?state=not-reviewed&q=${key}`, arabic);
    expect(notReviewed.body).toContain('Strings found: 0');

    // Back to the shipped text: the correction goes, the review stays.
    await post(t.app, board, arabic, { key, message: shipped, intent: 'review', back: '' });
    expect((await campaignPage()).body).toContain(shipped);
    expect((await get(t.app, `${board}?state=overridden`, arabic)).body).toContain('Strings found: 0');

    const audit = await auditEntries(t.db, { entityType: 'interface_string' });
    expect(audit.map((a) => a.entity_id)).toEqual([`ar:${key}`, `ar:${key}`]);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ message: corrected });
  });

  it('refuses invalid ICU and other placeholders, keeps the input, stores nothing', async () => {
    const pluralKey = 'home.supporters';
    const english = shippedCatalogs().get('en')![pluralKey]!.message;
    expect(english).toContain('plural');
    for (const [message, reason] of [
      ['{count, plural, one {توقيع واحد}', 'This is not a valid message'],
      ['{total, plural, zero {#} one {#} two {#} few {#} many {#} other {#}}', 'Use the same placeholders'],
      ['{count, plural, one {# توقيع} other {# توقيعات}}', 'The plural needs these forms in this language'],
      ['   ', 'Write the text, or keep the one shown.'],
    ] as const) {
      const res = await post(t.app, board, arabic, { key: pluralKey, message, intent: 'save', back: '' });
      expect(res.statusCode, message).toBe(422);
      expect(res.body).toContain(reason);
      if (message.trim()) expect(res.body).toContain(message.replaceAll('{', '{'));
    }
    const stored = await t.db.kysely.selectFrom('interface_overrides').selectAll().execute();
    expect(stored).toEqual([]);
    // An unknown key, or another language's translator: nothing stored either.
    expect(
      (await post(t.app, board, arabic, { key: 'no.such.key', message: 'x', intent: 'save' })).statusCode,
    ).toBe(404);
    expect((await get(t.app, board, french)).statusCode).toBe(403);
    expect((await post(t.app, board, french, { key, message: corrected, intent: 'save' })).statusCode).toBe(
      403,
    );
    expect((await get(t.app, '/editor/interface-strings/fr', french)).statusCode).toBe(200);
    expect((await get(t.app, '/editor/interface-strings/en', french)).statusCode).toBe(404);
  });

  it('exports XLIFF 2.0 and imports it back with a report per string', async () => {
    const xlf = await get(t.app, `${board}/strings.xlf`, arabic);
    expect(xlf.statusCode).toBe(200);
    expect(xlf.headers['content-type']).toContain('application/xliff+xml');
    expect(xlf.body).toContain('version="2.0" srcLang="en" trgLang="ar"');
    expect(xlf.body).toContain(`<unit id="${key}">`);
    const escapedShipped = shipped.replaceAll('&', '&amp;');
    expect(xlf.body).toContain(`<target>${escapedShipped}</target>`);
    // The translator's tool changes one target and breaks another.
    const edited = xlf.body
      .replace(`<target>${escapedShipped}</target>`, `<target>${corrected}</target>`)
      .replace(
        /(<unit id="home\.supporters">[\s\S]*?<target>)[^<]*(<\/target>)/,
        '$1{count, plural, other {#}$2',
      );

    const xliff = (text: string, name: string) => [
      { field: 'file', bytes: new TextEncoder().encode(text), name },
    ];
    const res = await postMultipart(t, `${board}/import`, arabic, {}, xliff(edited, 'outcry-ar.xlf'));
    expect(res.statusCode).toBe(200);
    const units = (xlf.body.match(/<unit /g) ?? []).length;
    expect(res.body).toContain(`Stored: 1. Unchanged: ${(units - 2).toLocaleString('en')}. Refused: 1.`);
    expect(res.body).toContain('home.supporters');
    expect(res.body).toContain('This is not a valid message');
    expect((await campaignPage()).body).toContain(corrected);
    // Imported corrections are not marked reviewed.
    const row = await t.db.kysely.selectFrom('interface_overrides').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ locale: 'ar', key, message: corrected, reviewed_at: null });

    // A file for another language, or not XLIFF at all: a translated error, nothing stored.
    for (const bad of [edited.replace('trgLang="ar"', 'trgLang="fr"'), 'not xml <']) {
      const refused = await postMultipart(t, `${board}/import`, arabic, {}, xliff(bad, 'x.xlf'));
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('This file is not XLIFF 2.0 with Arabic as its target language.');
    }

    // The repository's files, with the correction in place.
    const catalog = await get(t.app, `${board}/catalog.json`, arabic);
    const parsed = JSON.parse(catalog.body) as Record<string, { message: string }>;
    expect(parsed[key]!.message).toBe(corrected);
    expect(Object.keys(parsed)).toEqual(Object.keys(shippedCatalogs().get('ar')!));
    await post(t.app, board, arabic, { key, message: corrected, intent: 'review', back: '' });
    const review = JSON.parse((await get(t.app, `${board}/review.json`, arabic)).body) as {
      draftedBy: string[];
      reviewed: Record<string, { by: string; at: string }>;
    };
    expect(review.draftedBy).toContain('Translator ar');
    expect(review.reviewed[key]).toMatchObject({ by: 'Translator ar', at: '2026-11-23' });
  });
});
