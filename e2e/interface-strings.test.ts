// Volunteer review of interface strings in Chromium on the demo: a translator who works in Arabic opens the
// Arabic interface strings, finds the sign button's text, tries a broken text (refused, the reason shown),
// then corrects it and marks it reviewed; the Arabic campaign page shows the new button text at once.
// Screenshots of the board at phone and desktop width, in English and in Arabic (RTL), and of the result.
import { expect, it } from 'vitest';
import { demoCampaignSlug } from '../src/cli/demo/seed.js';
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
const signNow = 'وقّع الآن';

describeBrowser('interface strings in Chromium', () => {
  const demo = useDemoBrowser();

  it('a translator reviews an Arabic string and sees it on the public page', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const { users, translatorId } = await translatorAndEditor(
      db,
      { translator: ['amal@example.org', 'Amal'], editor: ['omar@example.org', 'Omar'], languages: ['ar'] },
      password,
    );
    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const amal = await context.newPage();
    const campaign = `${base}/ar/campaigns/${demoCampaignSlug}`;
    await logInToEditor(amal, base, 'amal@example.org', password);
    await amal.goto(campaign);
    const button = amal.locator('form button[type="submit"]').first();
    expect((await button.textContent())?.trim()).toBe('أرسل');
    await amal.goto(`${base}/editor/translations`);
    await amal.getByRole('link', { name: 'Interface strings' }).first().click();
    await amal.getByRole('link', { name: 'Arabic' }).click();
    await amal.getByLabel('Search in keys and texts').fill('form.submit');
    await amal.getByRole('button', { name: 'Show', exact: true }).click();
    const row = amal.locator('[data-key="form.submit"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Not reviewed');
    expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(amal, 'interface-strings-phone-en');

    // A brace too many: refused, the reason beside the field, the text kept.
    await row.getByRole('textbox').fill(`${signNow} {`);
    await row.getByRole('button', { name: 'Save and mark reviewed' }).click();
    const refused = amal.locator('[data-key="form.submit"]');
    expect(await refused.locator('.field__error').textContent()).toContain('This is not a valid message');
    expect(await refused.getByRole('textbox').inputValue()).toBe(`${signNow} {`);
    await saveScreenshot(amal, 'interface-strings-refused-phone-en');

    await refused.getByRole('textbox').fill(signNow);
    await refused.getByRole('button', { name: 'Save and mark reviewed' }).click();
    await amal.getByText('Saved and marked reviewed.').waitFor();
    expect(await amal.locator('[data-key="form.submit"]').textContent()).toContain(
      'Corrected by \u2068Amal\u2069',
    );

    await amal.goto(campaign);
    expect((await amal.locator('form button[type="submit"]').first().textContent())?.trim()).toBe(signNow);
    await saveScreenshot(amal, 'interface-strings-public-ar-phone', false);

    await amal.setViewportSize(desktop);
    await amal.goto(`${base}/editor/interface-strings/ar?state=overridden`);
    await saveScreenshot(amal, 'interface-strings-desktop-en');

    // The same board with the editor area in Arabic.
    await users.update(translatorId, { locale: 'ar' });
    await amal.goto(`${base}/editor/interface-strings/ar?q=form.submit`);
    expect(await amal.getAttribute('html', 'dir')).toBe('rtl');
    await saveScreenshot(amal, 'interface-strings-desktop-ar');
    await amal.setViewportSize(phone);
    await amal.reload();
    expect(await amal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(amal, 'interface-strings-phone-ar');
    await context.close();
  });
});
