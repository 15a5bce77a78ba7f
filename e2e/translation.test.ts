// Volunteer translation in Chromium on the demo: a translator who works in Spanish logs in, finds the demo
// campaign missing in Spanish on the board, translates it side by side and sends it for review; an editor
// publishes it; the public Spanish page shows the text; the editor changes the English background and the
// board shows the Spanish translation stale, with the old and new source on its editor. Screenshots at
// desktop and phone width, and the editor in the Arabic interface (right to left).
import { expect, it } from 'vitest';
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

describeBrowser('campaign translation in Chromium', () => {
  const demo = useDemoBrowser();

  it('a translator translates the demo campaign into Spanish, an editor publishes, the source changes', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const { users, editorId } = await translatorAndEditor(
      db,
      { translator: ['ana@example.org', 'Ana'], editor: ['eda@example.org', 'Eda'], languages: ['es'] },
      password,
    );

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const ana = await context.newPage();
    await logInToEditor(ana, base, 'ana@example.org', password);
    await ana.getByRole('link', { name: 'Translations' }).first().click();
    const cell = ana.locator('.translation-cell[data-locale="es"]').first();
    expect(await cell.textContent()).toContain('missing');
    await saveScreenshot(ana, 'translation-board-desktop');
    await cell.getByRole('link').click();

    await ana.getByLabel('Headline in Spanish').fill('Libertad para Erlan Baltabay');
    await ana.getByLabel('Background in Spanish').fill('Erlan Baltabay es un **sindicalista** encarcelado.');
    await ana.getByLabel('Default message in Spanish').fill('Le pido que libere a Erlan Baltabay.');
    await ana.getByLabel('Subject in Spanish').fill('Liberen a Erlan Baltabay');
    await ana.getByLabel('Salutation in Spanish').fill('Estimado señor o señora:');
    // The preview follows the typed Markdown.
    await expect.poll(() => ana.locator('#background-preview strong').textContent()).toBe('sindicalista');
    await saveScreenshot(ana, 'translation-editor-desktop');
    await ana.getByRole('button', { name: 'Send for review' }).click();
    expect(await ana.locator('.editor-notice').textContent()).toContain('Sent for review.');
    expect(await ana.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    await ana.setViewportSize(phone);
    expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(ana, 'translation-editor-phone');

    // The editor, working in Arabic, publishes.
    const editorContext = await demo.browser().newContext({ viewport: desktop });
    editorContext.setDefaultTimeout(10_000);
    const eda = await editorContext.newPage();
    await logInToEditor(eda, base, 'eda@example.org', password);
    await users.update(editorId, { locale: 'ar' });
    await eda.goto(`${base}/editor/campaigns/${erlan}/translations/es`);
    expect(await eda.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(eda, 'translation-editor-arabic');
    await users.update(editorId, { locale: 'en' });
    await eda.reload();
    await eda.getByRole('button', { name: 'Publish' }).click();
    expect(await eda.locator('.editor-notice').textContent()).toContain('Published');

    const reader = await context.newPage();
    await reader.goto(`${base}/es/campaigns/${erlan}`);
    expect(await reader.locator('h1').first().textContent()).toContain('Libertad para Erlan Baltabay');

    // The editor adds a paragraph to the English background: Spanish turns stale on the board.
    await eda.goto(`${base}/editor/campaigns/${erlan}/edit`);
    const background = eda.locator('#background');
    const before = await background.inputValue();
    // One word changed in place and a paragraph added: the diff marks just those words.
    await background.fill(`${before.replace('Erlan', 'Mr Erlan')}\n\nThe appeal court upheld the sentence.`);
    await eda.locator('#texts').getByRole('button', { name: 'Save' }).first().click();
    await ana.goto(`${base}/editor/translations`);
    expect(await ana.locator('.translation-cell[data-locale="es"]').first().textContent()).toContain(
      'source changed',
    );
    await ana.locator('.translation-cell[data-locale="es"] a').first().click();
    const inserted = await ana.locator('#source-changed ins').allTextContents();
    expect(inserted[0]?.trim()).toBe('Mr');
    expect(inserted.at(-1)).toContain('The appeal court upheld the sentence.');
    expect(await ana.locator('#source-changed del').count()).toBe(0);
    await saveScreenshot(ana, 'translation-stale-phone');
    await ana.setViewportSize(desktop);
    await ana.locator('#source-changed').scrollIntoViewIfNeeded();
    await saveScreenshot(ana, 'translation-stale-desktop');
    // The same in the Arabic interface: the English texts and their marks stay left to right.
    await users.update(editorId, { locale: 'ar' });
    await eda.goto(`${base}/editor/campaigns/${erlan}/translations/es`);
    await eda.locator('#source-changed').scrollIntoViewIfNeeded();
    await saveScreenshot(eda, 'translation-stale-arabic-desktop');
    await eda.setViewportSize(phone);
    await eda.locator('#source-changed').scrollIntoViewIfNeeded();
    await saveScreenshot(eda, 'translation-stale-arabic-phone');
    await users.update(editorId, { locale: 'en' });
  }, 90_000);

  it('saves a draft while the translator types, so leaving the page loses nothing', async () => {
    const base = demo.server().url;
    const { users, translatorId } = await translatorAndEditor(
      demo.server().running.db,
      { translator: ['dora@example.org', 'Dora'], editor: ['ed@example.org', 'Ed'], languages: ['de'] },
      password,
    );
    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const dora = await context.newPage();
    await logInToEditor(dora, base, 'dora@example.org', password);
    const editor = `${base}/editor/campaigns/${erlan}/translations/de`;
    await dora.goto(editor);
    const status = dora.locator('#autosave-status');
    expect(await status.textContent()).toContain('Your draft is saved as you type.');
    await dora.getByLabel('Headline in German').fill('Freiheit für Erlan Baltabay');
    // No button pressed: the script saves two seconds after the last keystroke.
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Draft saved at \d/);
    await dora.getByLabel('Salutation in German').fill('Sehr geehrte Damen und Herren,');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Draft saved at \d/);
    await status.scrollIntoViewIfNeeded();
    await saveScreenshot(dora, 'translation-autosave-phone', false);
    // Gone and back: both fields were kept, as a draft, and "Send for review" still works with the token
    // the saves left in the form.
    await dora.goto(`${base}/editor/translations`);
    expect(await dora.locator('.translation-cell[data-locale="de"]').first().textContent()).toContain(
      'draft',
    );
    await dora.goto(editor);
    expect(await dora.getByLabel('Headline in German').inputValue()).toBe('Freiheit für Erlan Baltabay');
    expect(await dora.getByLabel('Salutation in German').inputValue()).toBe('Sehr geehrte Damen und Herren,');
    // The status line in the Arabic interface, right to left.
    await users.update(translatorId, { locale: 'ar' });
    await dora.goto(editor);
    await dora.locator('#targetSubject').fill('Lassen Sie Erlan Baltabay frei');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('حُفظت المسودة');
    await status.scrollIntoViewIfNeeded();
    await saveScreenshot(dora, 'translation-autosave-arabic-phone', false);
    await users.update(translatorId, { locale: 'en' });
    await dora.goto(editor);
    await dora.getByLabel('Background in German').fill('Erlan Baltabay ist ein inhaftierter Gewerkschafter.');
    await dora.getByLabel('Default message in German').fill('Ich bitte Sie, Erlan Baltabay freizulassen.');
    expect(await dora.getByLabel('Subject in German').inputValue()).toBe('Lassen Sie Erlan Baltabay frei');
    await dora.getByRole('button', { name: 'Send for review' }).click();
    expect(await dora.locator('.editor-notice').textContent()).toContain('Sent for review.');
    expect(await dora.locator('#autosave-status').count()).toBe(0);
  }, 60_000);
});
