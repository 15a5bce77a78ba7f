// The demo's translations in progress on each database, through the real pages: the board shows the demo
// campaign's French as a draft and its Spanish as stale, the Spanish editor marks the English sentence added
// since, the public site serves the stale Spanish and not the French draft, and a second run changes nothing.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { testDialects } from '../../../test/db.js';
import { type Browser, createPerson, get, type Person, sessionFor } from '../../../test/editor-helpers.js';
import type { TestApp } from '../../../test/test-app.js';
import { demoCampaignSlug } from './seed.js';
import { frenchDraft, spanish } from './translation-texts.js';
import { seedDemoTranslations } from './translations.js';

const slug = demoCampaignSlug;
const cell = (html: string, locale: string) =>
  new RegExp(`class="([^"]*)" data-locale="${locale}"[^>]*>[\\s\\S]*?</li>`).exec(html);

describe.each(testDialects)('the demo translations on %s', (dialect) => {
  let t: TestApp;
  let admin: Person;
  let browser: Browser;

  appPerTest(dialect, async (app) => {
    ({ t } = app);
    admin = await createPerson(t, 'admin');
    browser = await sessionFor(t, admin);
  });

  it('puts a French draft and a stale Spanish translation on the board, and only the Spanish in public', async () => {
    // The public Spanish page falls back to English before, so the cache has a page to forget.
    expect((await get(t.app, `/es/campaigns/${slug}`)).body).not.toContain(spanish.headline);
    const now = t.services.clock.now();
    expect(await seedDemoTranslations(t.services, admin, now)).toEqual({ seeded: true });

    const board = (await get(t.app, '/editor/translations', browser)).body;
    const fr = cell(board, 'fr');
    expect(fr?.[1]).toContain('translation-cell--draft');
    expect(fr?.[0]).toContain(admin.email);
    const es = cell(board, 'es');
    expect(es?.[1]).toContain('translation-cell--stale');
    expect(es?.[0]).toContain('published · source changed');
    expect(cell(board, 'tl')?.[1]).toContain('translation-cell--published');

    // The Spanish editor shows what the English gained since the Spanish was made, word by word.
    const editor = (await get(t.app, `/editor/campaigns/${slug}/translations/es`, browser)).body;
    expect(editor).toMatch(/<ins>[^<]*appeal[^<]*<\/ins>/);
    const french = (await get(t.app, `/editor/campaigns/${slug}/translations/fr`, browser)).body;
    expect(french).toContain('Libérez Erlan Baltabay');

    const publicEs = await get(t.app, `/es/campaigns/${slug}`);
    expect(publicEs.body).toContain(spanish.headline);
    expect(publicEs.body).toContain('rel="alternate" hreflang="es"');
    const publicFr = await get(t.app, `/fr/campaigns/${slug}`);
    expect(publicFr.statusCode).toBe(200);
    expect(publicFr.body).not.toContain(frenchDraft.headline);
    expect(publicFr.body).not.toContain('rel="alternate" hreflang="fr"');
    // The English page carries the edit; the Tagalog was brought up to date with it.
    expect((await get(t.app, `/en/campaigns/${slug}`)).body).toContain('His appeal was rejected');
    expect((await get(t.app, `/tl/campaigns/${slug}`)).body).toContain('Tinanggihan ng panrehiyong hukuman');

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'created_at'])
      .where('action', 'like', '%.%')
      .where('actor_id', '=', admin.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'translation.published',
      'campaign.texts_edited',
      'translation.published',
      'translation.saved',
    ]);

    // Run again: nothing to do, nothing written.
    expect(await seedDemoTranslations(t.services, admin, now + 60_000)).toEqual({ seeded: false });
    const after = (await get(t.app, '/editor/translations', browser)).body;
    expect(cell(after, 'fr')?.[0]).toEqual(fr?.[0]);
    expect(cell(after, 'es')?.[0]).toEqual(es?.[0]);
  });
});
