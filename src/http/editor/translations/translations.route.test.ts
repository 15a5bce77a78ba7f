// Volunteer translation through the real routes on each database: a translator given Spanish sees only
// Spanish on the board, translates the demo campaign, submits; a reviewer sends it back with a note, then
// publishes; the public Spanish page shows it at once; the editor changes the English source and the
// translation shows "source changed" with the old and new text until the translator marks it updated.
// Also: another language is refused to the translator, a colleague's save meanwhile answers 409 keeping the
// input, translators cannot publish, every step is in the audit log, and the Help translate page exists
// only when an address is configured.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { auditTrail, testDialects } from '../../../../test/db.js';
import { type Browser, get, post } from '../../../../test/editor-helpers.js';
import { sentBackThenPublished } from '../../../../test/http-audit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  expectIncompleteDraft,
  expectSavedOver,
  press,
  sendBackAt,
  spanishTexts as spanish,
  spanishDesk,
  translationDay,
} from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const erlan = demoCampaignSlug;
const es = `/editor/campaigns/${erlan}/translations/es`;

describe.each(testDialects)('campaign translation on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let translator: Browser;

  appPerTest(
    dialect,
    { at: translationDay, env: { TRANSLATORS_CONTACT: 'editors@outcry.example.org' } },
    async (app) => {
      t = app.t;
      ({ editor, translator } = await spanishDesk(t));
    },
  );

  /** Presses a button of the Spanish form as `who`, with the token the page gives them now. */
  const step = (who: Browser, fields: Record<string, string | string[]>, intent: string) =>
    press(t, es, who, intent, fields);
  const sendBack = (who: Browser, note: string) => sendBackAt(t, es, who, note);

  it('takes a translation from missing to published, and shows it stale after the source changes', async () => {
    const board = await get(t.app, '/editor/translations', translator);
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain(`href="${es}"`);
    expect(board.body).not.toContain(`/translations/tl"`);
    expect(board.body).toMatch(/data-locale="es"[^>]*>[\s\S]*?missing/);

    // An incomplete draft may be saved; submitting it is refused field by field.
    await expectIncompleteDraft(t, es, translator, { headline: spanish.headline });

    const submitted = await step(translator, spanish, 'submit');
    expect(submitted.statusCode).toBe(303);
    expect((await get(t.app, '/editor/translations', editor)).body).toMatch(
      /data-locale="es"[^>]*>[\s\S]*?in review/,
    );

    // Translators cannot publish or send back; a reviewer sends it back with a note, then publishes.
    expect((await step(translator, spanish, 'publish')).statusCode).toBe(403);
    expect((await sendBack(translator, 'x')).statusCode).toBe(403);
    const noNote = await sendBack(editor, '');
    expect(noNote.statusCode).toBe(422);
    const back = await sendBack(editor, 'Use "sindicalista" consistently.');
    expect(back.statusCode).toBe(303);
    expect((await get(t.app, es, translator)).body).toContain('Use &quot;sindicalista&quot; consistently.');
    await step(translator, spanish, 'submit');

    expect((await t.app.inject({ url: `/es/campaigns/${erlan}` })).body).not.toContain(spanish.headline);
    const published = await step(editor, spanish, 'publish');
    expect(published.statusCode).toBe(303);
    // The public page shows it at once (the cache dropped the campaign), Markdown rendered.
    const page = await t.app.inject({ url: `/es/campaigns/${erlan}` });
    expect(page.body).toContain(spanish.headline);
    expect(page.body).toContain('<strong>sindicalista</strong>');

    // The editor changes the English background: the Spanish translation is stale, with old and new text.
    const edit = await get(t.app, `/editor/campaigns/${erlan}/edit`, editor);
    const fields: Record<string, string> = {};
    for (const m of edit.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      fields[m[1]!] = m[2]!;
    const html = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const area = (name: string) =>
      html(
        new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(edit.body)?.[1] ?? '',
      );
    const saved = await post(t.app, `/editor/campaigns/${erlan}/edit/texts`, editor, {
      revision: html(fields.revision!),
      headline: html(fields.headline!),
      background: `${area('background')}\n\nNew paragraph: the appeal failed.`,
      defaultMessage: area('defaultMessage'),
      subject: html(fields.subject!),
      salutation: html(fields.salutation!),
      moreInfoUrl: html(fields.moreInfoUrl ?? ''),
      goal: fields.goal ?? '',
      slug: erlan,
      sourceLocale: 'en',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect((await get(t.app, '/editor/translations', translator)).body).toMatch(
      /data-locale="es"[^>]*>[\s\S]*?source changed/,
    );
    const stale = await get(t.app, es, translator);
    expect(stale.body).toContain('id="source-changed"');
    expect(stale.body).toMatch(/<ins[^>]*>[\s\S]*New paragraph: the appeal failed.<\/ins>/);
    expect(stale.body).not.toMatch(/<del[^>]*>[\s\S]*New paragraph[\s\S]*?<\/del>/);

    // Saving without the tick keeps it stale; with it, it is current again (and still published: a reviewer's
    // publish stays until a translator changes the text).
    await step(translator, spanish, 'save');
    expect((await get(t.app, es, translator)).body).toContain('id="source-changed"');
    const updated = await step(translator, { ...spanish, markUpdated: 'yes' }, 'save');
    expect(updated.statusCode).toBe(303);
    const current = await get(t.app, es, translator);
    expect(current.body).not.toContain('id="source-changed"');
    expect(current.body).toContain('Status: published');

    const actions = await auditTrail(t.db, 'translation.');
    expect(actions.map((a) => a.action)).toEqual([...sentBackThenPublished, 'translation.saved']);
  });

  it('refuses another language to a translator and a form a colleague saved over (409, input kept)', async () => {
    expect((await get(t.app, `/editor/campaigns/${erlan}/translations/fr`, translator)).statusCode).toBe(403);
    expect((await get(t.app, `/editor/campaigns/${erlan}/translations/fr`, editor)).statusCode).toBe(200);
    expect((await get(t.app, `/editor/campaigns/${erlan}/translations/en`, editor)).statusCode).toBe(404);
    expect((await get(t.app, `/editor/campaigns/no-such/translations/es`, editor)).statusCode).toBe(404);

    // Saving again with the 409's token replaces the colleague's text on purpose.
    await expectSavedOver(t, es, { mine: translator, theirs: editor }, spanish, 'headline');
    expect((await get(t.app, es, editor)).body).toContain('value="Mi versión"');
  });

  it('links the Help translate page from the footer, with the configured address', async () => {
    const page = await t.app.inject({ url: `/en/campaigns/${erlan}` });
    expect(page.body).toContain('href="/en/help-translate"');
    const help = await t.app.inject({ url: '/en/help-translate' });
    expect(help.statusCode).toBe(200);
    expect(help.body).toContain('mailto:editors@outcry.example.org');
  });
});

describe('Help translate without a configured address', () => {
  it('is neither linked nor served', async () => {
    const t = await createTestApp('sqlite');
    try {
      expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).not.toContain('help-translate');
      expect((await t.app.inject({ url: '/en/help-translate' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
