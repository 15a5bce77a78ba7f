// Mailing translation in Chromium on the demo: a translator who works in Spanish finds a victory mailing
// missing in Spanish in the board's Mailings section, translates subject, preheader and body side by side
// and sends it for review; an editor publishes it, and the sender's read now has the Spanish version.
// Screenshots of the board and the editor at phone and desktop width, and the editor in Arabic (RTL).
import { expect, it } from 'vitest';
import { MailingTranslationRepository } from '../src/db/mailing-translation.repository.js';
import { insertListMember, insertMailing } from '../test/mailing-translation-helpers.js';
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

const spanish = {
  subject: 'Erlan está libre',
  preheader: 'Gracias a los 7.000 que escribieron',
  bodyMd: 'Erlan Baltabay está **libre**. Gracias a quienes escribieron y a quienes tradujeron.',
};

describeBrowser('mailing translation in Chromium', () => {
  const demo = useDemoBrowser();

  it('a translator translates a mailing into Spanish from the board, an editor publishes it', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const { users, editorId } = await translatorAndEditor(
      db,
      { translator: ['lucia@example.org', 'Lucía'], editor: ['omar@example.org', 'Omar'], languages: ['es'] },
      password,
    );
    const now = Date.now();
    const mailingId = await insertMailing(db.kysely, {
      now,
      subject: 'Erlan is free',
      preheader: 'Thank you, all 7,000 of you',
      bodyMd: 'Erlan Baltabay is **free**. Thank you to everyone who wrote, and to the translators.',
    });
    await insertListMember(db.kysely, 'ana@example.org', 'es', now);

    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const lucia = await context.newPage();
    await logInToEditor(lucia, base, 'lucia@example.org', password);
    await lucia.goto(`${base}/editor/translations`);
    const row = lucia.locator(`[data-mailing="${mailingId}"]`);
    const cell = row.locator('.translation-cell[data-locale="es"]');
    expect(await cell.textContent()).toContain('missing');
    expect(await lucia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(lucia, 'mailing-translation-board-phone');
    await cell.getByRole('link').click();

    await lucia.getByLabel('Subject in Spanish').fill(spanish.subject);
    await lucia.getByLabel('Preheader in Spanish').fill(spanish.preheader);
    await lucia.getByLabel('Body in Spanish').fill(spanish.bodyMd);
    await expect.poll(() => lucia.locator('#body-preview strong').textContent()).toBe('libre');
    expect(await lucia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(lucia, 'mailing-translation-editor-phone');
    await lucia.getByRole('button', { name: 'Send for review' }).click();
    expect(await lucia.locator('.editor-notice').textContent()).toContain('Sent for review.');
    expect(await lucia.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    // The editor opens it from the board; first in Arabic (right to left), then publishes in English.
    const editorContext = await demo.browser().newContext({ viewport: desktop });
    editorContext.setDefaultTimeout(10_000);
    const omar = await editorContext.newPage();
    await logInToEditor(omar, base, 'omar@example.org', password);
    await users.update(editorId, { locale: 'ar' });
    await omar.goto(`${base}/editor/translations/mailings/${mailingId}/es`);
    expect(await omar.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(omar, 'mailing-translation-editor-arabic');
    await omar.goto(`${base}/editor/translations`);
    await saveScreenshot(omar, 'mailing-translation-board-arabic');
    await users.update(editorId, { locale: 'en' });
    await omar.goto(`${base}/editor/translations`);
    const editorCell = omar.locator(`[data-mailing="${mailingId}"] .translation-cell[data-locale="es"]`);
    expect(await editorCell.textContent()).toContain('in review');
    await saveScreenshot(omar, 'mailing-translation-board-desktop');
    await editorCell.getByRole('link').click();
    await saveScreenshot(omar, 'mailing-translation-editor-desktop');
    await omar.getByRole('button', { name: 'Publish' }).click();
    expect(await omar.locator('.editor-notice').textContent()).toContain('recipients on this language');

    const versions = await new MailingTranslationRepository(db).mailingVersions(mailingId);
    expect(versions.get('es')).toEqual(spanish);
    await omar.goto(`${base}/editor/translations`);
    expect(await editorCell.textContent()).toContain('published');
    await context.close();
    await editorContext.close();
  });
});
