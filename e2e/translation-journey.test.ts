// Issue 17's translation journey in Chromium on the demo, end to end: a volunteer applies through "Help
// translate" with French, and an admin accepts the application (a translator invitation for French); they claim French on the
// board ("I'll translate this": the cell and the editor name them until their first save), translate the
// demo campaign using a translation-memory suggestion, and send it for review; the
// admin makes another translator the coordinator of French on her account page, and that coordinator (not an
// editor) finds the translation waiting for review on the board and publishes it; the French page is live and offered in the language list; a French speaker
// signs in their own words, and the letter to an English-speaking target carries the English letter with
// the French text beneath, parsed from the SMTP sink; the editor changes the English background, and the
// French version shows as stale with the word diff. Screenshots at phone and desktop width.
import { expect, it } from 'vitest';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { testDialects } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';
import { erlan } from '../test/sign-helpers.js';
import type { ReceivedMail } from '../test/smtp-sink.js';
import {
  describeBrowser,
  desktop,
  logInToEditor,
  phone,
  saveScreenshot,
  shotName,
  useDemoBrowser,
} from './browser.js';

const password = 'a long enough password for tests';
const contact = 'translators@outcry.example.org';
const memoryFrench =
  'La répression et les attaques physiques violentes contre les dirigeants et militants des syndicats indépendants se poursuivent au Kazakhstan.';
const ownWords =
  'Je suis infirmière à Lyon : libérez Erlan Baltabay, un syndicaliste emprisonné pour son travail.';

describeBrowser.each(testDialects)('the translation journey in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({ TRANSLATORS_CONTACT: contact }, dialect);

  /** The first message the sink got that `match` accepts, waiting for it to arrive. */
  async function mailWhere(match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
    const sink = demo.server().sink;
    await expect.poll(() => sink.messages.some(match), { timeout: 20_000, interval: 200 }).toBe(true);
    return sink.messages.find(match)!;
  }

  it('a volunteer becomes the French translator, French goes live, a letter carries it, the source moves on', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    await new UserRepository(db).upsertWithPassword(
      {
        email: 'coord@example.org',
        name: 'Coline Martin',
        role: 'admin',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    // A volunteer translator already on the team, to be made the coordinator of French.
    await new UserRepository(db).upsertWithPassword(
      {
        email: 'camille@example.org',
        name: 'Camille Roux',
        role: 'translator',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    // Another campaign already published in French shares the demo's first paragraph: the memory's source.
    const english = (await new CampaignRepository(db).findBySlug(erlan))!.translations.find(
      (x) => x.locale === 'en',
    )!;
    const first = english.backgroundMd.split(/\n\s*\n/)[0]!;
    const source = buildCampaign().translations[0]!;
    await new CampaignRepository(db).create(
      buildCampaign({
        slug: 'kazakhstan-free-the-knprk-leaders',
        translations: [
          { ...source, headline: 'Kazakhstan: free the KNPRK leaders', backgroundMd: first.slice(0, 160) },
          {
            ...source,
            locale: 'fr',
            headline: 'Kazakhstan : libérez les dirigeants de la KNPRK',
            backgroundMd: memoryFrench,
          },
        ],
      }),
      Date.now(),
    );

    // The volunteer finds Help translate in French, and applies (in English, the language she wants her
    // editor area in) with French as her language.
    const volunteerContext = await demo.browser().newContext({ viewport: phone, locale: 'fr' });
    volunteerContext.setDefaultTimeout(10_000);
    const amelie = await volunteerContext.newPage();
    await amelie.goto(`${base}/fr/help-translate`);
    expect(await amelie.locator('h1').textContent()).toBe('Aidez à traduire les campagnes');
    await saveScreenshot(amelie, shotName('journey-help-translate-phone', dialect));
    await amelie.goto(`${base}/en/help-translate`);
    expect(await amelie.locator('input[type="checkbox"]:checked').count()).toBe(0);
    await amelie.getByLabel('Your name').fill('Amélie Durand');
    await amelie.getByLabel('Your email').fill('amelie@example.org');
    await amelie.locator('#language-fr').check();
    await amelie.getByLabel('A short note (optional)').fill('Nurse in Lyon, CGT member.');
    // The form refuses answers sent sooner than five seconds after it was shown.
    await amelie.waitForTimeout(5_500);
    await amelie.getByRole('button', { name: 'Send' }).click();
    await amelie.waitForURL(`${base}/en/help-translate/thanks`);

    // The coordinator finds her application beside the campaign requests and invites her: French comes with it.
    const coordContext = await demo.browser().newContext({ viewport: desktop });
    coordContext.setDefaultTimeout(10_000);
    const coline = await coordContext.newPage();
    await logInToEditor(coline, base, 'coord@example.org', password);
    await coline.goto(`${base}/editor/requests`);
    await coline.getByRole('link', { name: 'Translator applications' }).click();
    const application = coline.locator('.editor-list > li', { hasText: 'amelie@example.org' });
    expect(await application.textContent()).toMatch(/Languages: \W?French/);
    await application.getByRole('button', { name: 'Invite as translator' }).click();
    await expect
      .poll(() => coline.locator('.editor-notice').textContent())
      .toBe('Invitation sent; the application is deleted.');
    await coline.goto(`${base}/editor/users`);
    await coline.getByRole('link', { name: 'amelie@example.org' }).click();
    expect(await coline.getByRole('checkbox', { name: /^French\b/ }).isChecked()).toBe(true);

    const invitation = await mailWhere((m) => m.envelope.to.includes('amelie@example.org'));
    const link = /(https?:\/\/\S+\/editor\/invitation\/[A-Za-z0-9_-]+)/.exec(
      invitation.parsed.text ?? '',
    )![1]!;
    await amelie.goto(link);
    await amelie.getByLabel('Your name').fill('Amélie Durand');
    await amelie.getByLabel('New password').fill(password);
    await amelie.getByRole('button', { name: 'Create my account' }).click();
    await amelie.waitForURL(`${base}/editor`);

    // She claims French on the board and translates, taking the memory's suggestion for the first paragraph.
    await amelie.goto(`${base}/editor/translations`);
    const demoRow = amelie.locator('section.translation-row', { has: amelie.locator(`#c-${erlan}`) });
    const cell = demoRow.locator('.translation-cell[data-locale="fr"]');
    expect(await cell.textContent()).toContain('missing');
    await cell.getByRole('button', { name: "I'll translate this" }).click();
    await expect
      .poll(() => cell.locator('.translation-cell__claim').textContent())
      .toMatch(/claimed by \W?Amélie Durand\W? · /);
    await cell.getByRole('link').click();
    expect(await amelie.locator('#claim').textContent()).toMatch(
      /Amélie Durand\W? claimed this language on /,
    );
    const memory = amelie.locator('.translation-memory').first();
    await memory.locator('summary').click();
    expect(await memory.textContent()).toMatch(/\d+% similar, from:/);
    const suggestion = (await memory.locator('.translation-memory__text').first().textContent())!;
    expect(suggestion).toBe(memoryFrench);
    await amelie
      .getByLabel('Headline in French')
      .fill('Kazakhstan : Erlan Baltabay condamné à 7 ans de prison');
    await amelie
      .getByLabel('Background in French')
      .fill(
        `${suggestion}\n\n**Nous avons besoin de votre soutien !** Exigez la libération d’Erlan Baltabay.`,
      );
    await amelie
      .getByLabel('Default message in French')
      .fill('Je demande la libération immédiate d’Erlan Baltabay.');
    await amelie.getByLabel('Subject in French').fill('Libérez Erlan Baltabay');
    await amelie.getByLabel('Salutation in French').fill('Madame, Monsieur,');
    await amelie.getByRole('button', { name: 'Save draft' }).click();
    expect(await amelie.locator('.editor-notice').textContent()).toContain('Draft saved.');
    // Her first save ends her claim: the status says draft from now on.
    expect(await amelie.locator('#claim').count()).toBe(0);
    await amelie.getByRole('button', { name: 'Send for review' }).click();
    expect(await amelie.locator('.editor-notice').textContent()).toContain('Sent for review.');
    expect(await amelie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await saveScreenshot(amelie, shotName('journey-translation-sent-phone', dialect));

    // The admin gives Camille French and makes her its coordinator on her account page.
    await coline.goto(`${base}/editor/users`);
    await coline.getByRole('link', { name: 'Camille Roux' }).click();
    const camilleUrl = coline.url();
    await coline.locator('#locale-fr').check();
    await coline.getByRole('button', { name: 'Save languages' }).click();
    expect(await coline.locator('.editor-notice').textContent()).toContain('Languages saved.');
    expect(await coline.locator('#standing-fr').inputValue()).toBe('translator');
    await coline.locator('#standing-fr').selectOption('coordinator');
    await coline.getByRole('button', { name: 'Save standings' }).click();
    expect(await coline.locator('.editor-notice').textContent()).toContain('Standings saved.');
    expect(await coline.locator('#standing-fr').inputValue()).toBe('coordinator');
    await coline.locator('#standings').scrollIntoViewIfNeeded();
    await saveScreenshot(coline, shotName('journey-standings-desktop', dialect));
    await coline.setViewportSize(phone);
    await saveScreenshot(coline, shotName('journey-standings-phone', dialect));
    await coline.setViewportSize(desktop);

    // The coordinator, a translator account and not an editor, finds it waiting for her review and publishes
    // it: the French page is live and offered among the campaign's languages.
    const camilleContext = await demo.browser().newContext({ viewport: phone });
    camilleContext.setDefaultTimeout(10_000);
    const camille = await camilleContext.newPage();
    await logInToEditor(camille, base, 'camille@example.org', password);
    await camille.goto(`${base}/editor/translations`);
    const waiting = camille.locator('#review');
    expect(await waiting.locator('h2').textContent()).toBe('Waiting for your review');
    expect(await waiting.locator('li').count()).toBe(1);
    expect(await camille.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await saveScreenshot(camille, shotName('journey-coordinator-board-phone', dialect));
    await camille.setViewportSize(desktop);
    await saveScreenshot(camille, shotName('journey-coordinator-board-desktop', dialect));
    await waiting.getByRole('link').click();
    await camille.waitForURL(`${base}/editor/campaigns/${erlan}/translations/fr`);
    expect(await camille.locator('#send-back').count()).toBe(1);
    await saveScreenshot(camille, shotName('journey-coordinator-editor-desktop', dialect));
    // The same pages in her Arabic interface, then back to English to publish.
    const people = new UserRepository(db);
    const camilleId = (await people.findByEmail('camille@example.org'))!.id;
    await people.update(camilleId, { locale: 'ar' });
    await camille.goto(`${base}/editor/translations`);
    expect(await camille.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(camille, shotName('journey-coordinator-board-ar-desktop', dialect));
    await camille.setViewportSize(phone);
    expect(await camille.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await saveScreenshot(camille, shotName('journey-coordinator-board-ar-phone', dialect));
    await camille.goto(`${base}/editor/campaigns/${erlan}/translations/fr`);
    await camille.locator('#send-back').scrollIntoViewIfNeeded();
    await saveScreenshot(camille, shotName('journey-coordinator-editor-ar-phone', dialect), false);
    await people.update(camilleId, { locale: 'en' });
    await camille.reload();
    await camille.locator('#send-back').scrollIntoViewIfNeeded();
    await saveScreenshot(camille, shotName('journey-coordinator-editor-phone', dialect), false);
    await camille.getByRole('button', { name: 'Publish' }).click();
    expect(await camille.locator('.editor-notice').textContent()).toContain('Published');
    const readerContext = await demo.browser().newContext({ viewport: phone, locale: 'fr' });
    readerContext.setDefaultTimeout(10_000);
    const reader = await readerContext.newPage();
    await reader.goto(`${base}/en/campaigns/${erlan}`);
    expect(await reader.locator('.campaign-languages a[hreflang="fr"]').count()).toBe(1);
    expect(await reader.locator('link[rel="alternate"][hreflang="fr"]').count()).toBe(1);
    await reader.locator('.campaign-languages a[hreflang="fr"]').click();
    await reader.waitForURL(`${base}/fr/campaigns/${erlan}`);
    expect(await reader.locator('h1').first().textContent()).toContain('Erlan Baltabay condamné');
    await saveScreenshot(reader, shotName('journey-french-page-phone', dialect));

    // A French speaker signs in her own words and confirms from the mail.
    await reader.locator('#name').fill('Lucie Bernard');
    await reader.locator('#email').fill('lucie.bernard@example.org');
    await reader.locator('#country').selectOption('FR');
    await reader.locator('#message').fill(ownWords);
    await reader.getByRole('button', { name: 'Envoyer' }).click();
    await reader.waitForURL(/\/thanks\?confirm=1$/);
    const confirm = await mailWhere((m) => m.envelope.to.includes('lucie.bernard@example.org'));
    await reader.goto(/(https?:\/\/\S+\/fr\/confirm\/[A-Za-z0-9_-]+)/.exec(confirm.parsed.text ?? '')![1]!);
    await reader.getByRole('button', { name: 'Confirmer ma signature' }).click();

    // The letter to the English-speaking mission: the English letter, then her French words beneath.
    const letter = await mailWhere(
      (m) =>
        m.envelope.to.includes('mission@kazakhstan-geneva.example.org') &&
        m.parsed.from?.value[0]?.name === 'Lucie Bernard via Outcry',
    );
    const text = letter.parsed.text ?? '';
    const quoted = text.indexOf('Lucie Bernard wrote, in French:');
    expect(quoted).toBeGreaterThan(0);
    expect(text.slice(0, quoted)).toContain('Dear Sir or Madam');
    expect(text.slice(quoted)).toContain(ownWords);

    // The editor changes the English background: French is stale, with the change marked word by word.
    await coline.goto(`${base}/editor/campaigns/${erlan}/edit`);
    const background = coline.locator('#background');
    await background.fill(`${await background.inputValue()}\n\nThe appeal court upheld the sentence.`);
    await coline.locator('#texts').getByRole('button', { name: 'Save' }).first().click();
    await amelie.goto(`${base}/editor/translations`);
    expect(await cell.textContent()).toContain('source changed');
    await cell.getByRole('link').click();
    expect((await amelie.locator('#source-changed ins').allTextContents()).join('')).toContain(
      'The appeal court upheld the sentence.',
    );
    await amelie.locator('#source-changed').scrollIntoViewIfNeeded();
    await saveScreenshot(amelie, shotName('journey-french-stale-phone', dialect));
    await amelie.setViewportSize(desktop);
    await amelie.locator('#xliff').scrollIntoViewIfNeeded();
    await saveScreenshot(amelie, shotName('journey-french-stale-desktop', dialect));

    // Her account page says what she may do in French; her account settings hold the daily bulletin's
    // switch; the same pages in the Arabic interface.
    await amelie.goto(`${base}/editor/account`);
    expect(await amelie.locator('#my-languages').textContent()).toContain(
      'FrenchTranslator You translate and send your work for review.',
    );
    await amelie.getByRole('link', { name: 'Choose whether you get it' }).click();
    expect(await amelie.getByLabel(/Email me once a day/).isChecked()).toBe(true);
    await saveScreenshot(amelie, shotName('journey-bulletin-setting-desktop', dialect));
    await amelie.setViewportSize(phone);
    await saveScreenshot(amelie, shotName('journey-bulletin-setting-phone', dialect));
    const users = new UserRepository(db);
    const me = (await users.findByEmail('amelie@example.org'))!;
    await users.update(me.id, { locale: 'ar' });
    await amelie.reload();
    expect(await amelie.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(amelie, shotName('journey-bulletin-setting-ar-phone', dialect));
    await amelie.goto(`${base}/editor/campaigns/${erlan}/translations/fr`);
    await amelie.locator('#xliff').scrollIntoViewIfNeeded();
    expect(await amelie.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await saveScreenshot(amelie, shotName('journey-xliff-ar-phone', dialect));
    await amelie.setViewportSize(desktop);
    await saveScreenshot(amelie, shotName('journey-xliff-ar-desktop', dialect));
    await amelie.goto(`${base}/editor/account/translator-bulletin`);
    await saveScreenshot(amelie, shotName('journey-bulletin-setting-ar-desktop', dialect));

    // The account page with the standings, in the admin's Arabic interface.
    const colineId = (await users.findByEmail('coord@example.org'))!.id;
    await users.update(colineId, { locale: 'ar' });
    await coline.goto(camilleUrl);
    expect(await coline.locator('html').getAttribute('dir')).toBe('rtl');
    await coline.locator('#standings').scrollIntoViewIfNeeded();
    await saveScreenshot(coline, shotName('journey-standings-ar-desktop', dialect));
    await coline.setViewportSize(phone);
    expect(await coline.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      phone.width,
    );
    await saveScreenshot(coline, shotName('journey-standings-ar-phone', dialect));
  }, 180_000);
});
