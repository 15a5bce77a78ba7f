// The glossary and the translation memory through the real routes on each database: a reviewer keeps the
// French glossary (add, replace, refuse an empty field with the input kept, remove); a French translator
// reads it but cannot change it, and a translator of another language cannot open it; the French editor of
// the demo campaign shows the glossary terms its source uses and the paragraph another campaign already
// published in French, with its similarity.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { createCampaign } from '../../../../test/delivery-helpers.js';
import { type Browser, get, post, sessionFor, signedIn } from '../../../../test/editor-helpers.js';
import { buildCampaign } from '../../../../test/factories.js';
import { expectPage } from '../../../../test/http-assertions.js';
import type { TestApp } from '../../../../test/test-app.js';
import { translationDay, translatorOf } from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const glossary = '/editor/translations/glossary/fr';

describe.each(testDialects)('glossary and translation memory on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let french: Browser;
  let spanish: Browser;

  appPerTest(dialect, { at: translationDay }, async (app) => {
    t = app.t;
    editor = await signedIn(t, 'editor');
    const admin = await signedIn(t, 'admin');
    const translator = async (locale: string) =>
      sessionFor(t, await translatorOf(t, admin, locale, { email: `translator-${locale}@example.org` }));
    french = await translator('fr');
    spanish = await translator('es');
  });

  it('is kept by reviewers, read by the language’s translators, closed to others', async () => {
    expect((await get(t.app, glossary, editor)).body).toContain('No terms yet.');
    const added = await post(t.app, glossary, editor, {
      term: 'trade union',
      rendering: 'syndicat',
      note: '',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${glossary}?done=saved`);
    // The same term again replaces its rendering: one row per term.
    await post(t.app, glossary, editor, {
      term: 'trade union',
      rendering: 'organisation syndicale',
      note: 'pas « union »',
    });
    const page = await get(t.app, `${glossary}?done=saved`, french);
    expectPage(page, 200, ['Term saved.', 'organisation syndicale', 'pas « union »']);
    expect(page.body).not.toContain('>syndicat<');
    // Translators read; the form and the remove buttons are the reviewers'.
    expect(page.body).not.toContain('name="rendering"');
    expect(
      (await post(t.app, glossary, french, { term: 'strike', rendering: 'grève', note: '' })).statusCode,
    ).toBe(403);
    expect((await get(t.app, glossary, spanish)).statusCode).toBe(403);
    expect((await get(t.app, '/editor/translations/glossary/not_a_tag', editor)).statusCode).toBe(404);

    const empty = await post(t.app, glossary, editor, { term: 'strike', rendering: '  ', note: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Please fill this in.');
    expect(empty.body).toContain('value="strike"');

    const id = /name="id" value="(\d+)"/.exec((await get(t.app, glossary, editor)).body)?.[1];
    expect(id).toBeDefined();
    expect(
      (await post(t.app, '/editor/translations/glossary/es/remove', editor, { id: id! })).statusCode,
    ).toBe(404);
    expect((await post(t.app, `${glossary}/remove`, french, { id: id! })).statusCode).toBe(403);
    const removed = await post(t.app, `${glossary}/remove`, editor, { id: id! });
    expect(removed.headers.location).toBe(`${glossary}?done=removed`);
    expect((await get(t.app, glossary, editor)).body).toContain('No terms yet.');
  });

  it('shows beside the source the glossary terms it uses and other campaigns’ published paragraphs', async () => {
    const demo = (await t.services.campaigns.findBySlug(demoCampaignSlug))!;
    const english = demo.translations.find((x) => x.locale === 'en')!;
    const [first] = english.backgroundMd.split(/\n\s*\n/);
    // Another campaign's French version has the demo's first paragraph, slightly changed, as its own.
    const source = buildCampaign().translations[0]!;
    const other = buildCampaign({
      translations: [
        { ...source, backgroundMd: `${first!.replace('2019', '2020')}\n\nNurses were dismissed.` },
        {
          ...source,
          locale: 'fr',
          headline: 'Corée : réintégrez les infirmières',
          backgroundMd: 'Premier paragraphe traduit en français.\n\nDes infirmières ont été licenciées.',
        },
      ],
    });
    await createCampaign(t, other);
    await post(t.app, glossary, editor, { term: 'trade union', rendering: 'syndicat', note: '' });
    await post(t.app, glossary, editor, {
      term: 'collective bargaining',
      rendering: 'négociation collective',
      note: '',
    });

    const page = (await get(t.app, `/editor/campaigns/${demoCampaignSlug}/translations/fr`, french)).body;
    // The demo's source says "trade union"; it never mentions collective bargaining.
    expect(page).toMatch(/<dt[^>]*>trade union<\/dt><dd[^>]*>syndicat/);
    expect(page).not.toContain('négociation collective');
    expect(page).toContain('1 earlier translation');
    expect(page).toContain('Premier paragraphe traduit en français.');
    expect(page).toMatch(/\d+% similar, from:/);
    expect(page).toContain(`href="/fr/campaigns/${other.slug}"`);
    // The paragraph about nurses resembles nothing in the demo campaign.
    expect(page).not.toContain('Des infirmières ont été licenciées.');
  });
});
