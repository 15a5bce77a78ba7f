// Translation memory and the glossary in Chromium on the demo: an editor keeps the French glossary; another
// campaign already published in French shares a paragraph with the demo campaign; a French translator
// opening the demo campaign sees the glossary term its source uses and that paragraph's French, with its
// similarity, and copies it into the field. Screenshots of the editor and the glossary at desktop and
// phone width, in English and in the Arabic interface.
import { expect, it } from 'vitest';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { buildCampaign } from '../test/factories.js';
import { erlan } from '../test/sign-helpers.js';
import {
  describeBrowser,
  desktop,
  logInToEditor,
  phone,
  saveScreenshot,
  translatorAndEditor,
  useDemoBrowser,
} from './browser.js';

const password = 'a long enough password for tests';

describeBrowser('translation memory in Chromium', () => {
  const demo = useDemoBrowser();

  it('offers a French paragraph from another campaign and the glossary beside the demo campaign’s source', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const { users, translatorId, editorId } = await translatorAndEditor(
      db,
      { translator: ['lea@example.org', 'Léa'], editor: ['edo@example.org', 'Edo'], languages: ['fr'] },
      password,
    );
    const demoCampaign = (await new CampaignRepository(db).findBySlug(erlan))!;
    const english = demoCampaign.translations.find((x) => x.locale === 'en')!;
    const [first] = english.backgroundMd.split(/\n\s*\n/);
    const french =
      'La répression et les attaques physiques violentes contre les dirigeants et militants des syndicats indépendants se poursuivent au Kazakhstan.';
    const source = buildCampaign().translations[0]!;
    await new CampaignRepository(db).create(
      buildCampaign({
        slug: 'kazakhstan-free-the-knprk-leaders',
        translations: [
          { ...source, headline: 'Kazakhstan: free the KNPRK leaders', backgroundMd: first!.slice(0, 160) },
          {
            ...source,
            locale: 'fr',
            headline: 'Kazakhstan : libérez les dirigeants de la KNPRK',
            backgroundMd: french,
          },
        ],
      }),
      Date.now(),
    );

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const edo = await context.newPage();
    await logInToEditor(edo, base, 'edo@example.org', password);
    await edo.goto(`${base}/editor/translations/glossary/fr`);
    await edo.getByLabel('Term in English').fill('trade union');
    await edo.getByLabel('In French').fill('syndicat');
    await edo.getByLabel('Note (optional)').fill('« syndicat », jamais « union »');
    await edo.getByRole('button', { name: 'Save term' }).click();
    expect(await edo.locator('.editor-notice').textContent()).toContain('Term saved.');
    await saveScreenshot(edo, 'glossary-desktop');
    await edo.setViewportSize(phone);
    expect(await edo.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(edo, 'glossary-phone');
    await users.update(editorId, { locale: 'ar' });
    await edo.reload();
    expect(await edo.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(edo, 'glossary-arabic-phone');
    await edo.setViewportSize(desktop);
    await saveScreenshot(edo, 'glossary-arabic-desktop');

    const translatorContext = await demo.browser().newContext({ viewport: desktop });
    translatorContext.setDefaultTimeout(10_000);
    const lea = await translatorContext.newPage();
    await logInToEditor(lea, base, 'lea@example.org', password);
    await lea.goto(`${base}/editor/campaigns/${erlan}/translations/fr`);
    expect(await lea.locator('.translation-glossary').textContent()).toContain('syndicat');
    const memory = lea.locator('.translation-memory').first();
    await memory.locator('summary').click();
    expect(await memory.textContent()).toMatch(/\d+% similar, from:/);
    const suggestion = await memory.locator('.translation-memory__text').first().textContent();
    expect(suggestion).toBe(french);
    await lea.getByLabel('Background in French').fill(`${suggestion}\n\n`);
    await lea.getByLabel('Headline in French').fill('Libérez Erlan Baltabay');
    await memory.scrollIntoViewIfNeeded();
    await saveScreenshot(lea, 'translation-memory-desktop');
    await lea.setViewportSize(phone);
    expect(await lea.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(lea, 'translation-memory-phone');
    await users.update(translatorId, { locale: 'ar' });
    await lea.reload();
    await lea.locator('.translation-memory summary').first().click();
    await saveScreenshot(lea, 'translation-memory-arabic-phone');
    await lea.setViewportSize(desktop);
    await saveScreenshot(lea, 'translation-memory-arabic-desktop');
    await users.update(translatorId, { locale: 'en' });
    await users.update(editorId, { locale: 'en' });
  }, 90_000);
});
