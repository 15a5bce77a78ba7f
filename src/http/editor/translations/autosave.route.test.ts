// Drafts saved while the translator types (translation-autosave.js) through the real routes on each
// database: the answer is JSON with the form's next token, the text is stored as a draft, a colleague's save
// meanwhile is refused as stale (never overwritten), a text in review or published is never saved this way,
// and the page offers the script only for a missing or draft text.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post } from '../../../../test/editor-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { spanishTexts as spanish, spanishDesk, tokenOf } from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const es = `/editor/campaigns/${demoCampaignSlug}/translations/es`;
const autosave = { 'x-autosave': '1' };

describe.each(testDialects)('translation autosave on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let translator: Browser;

  appPerTest(dialect, async (app) => {
    t = app.t;
    ({ editor, translator } = await spanishDesk(t));
  });

  const page = async (browser: Browser) => (await get(t.app, es, browser)).body;

  it('saves a draft in JSON with the next token, and refuses to overwrite a colleague', async () => {
    const first = await page(translator);
    expect(first).toContain('data-autosave="on"');
    expect(first).toContain('<script src="/assets/translation-autosave.js" defer>');
    expect(first).toContain('Your draft is saved as you type.');

    const saved = await post(
      t.app,
      es,
      translator,
      { token: tokenOf(first), headline: spanish.headline, intent: 'save' },
      autosave,
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toContain('application/json');
    const answer = saved.json() as { state: string; token: string };
    expect(answer.state).toBe('saved');
    // The token the page now shows is the one the answer gave: the next save goes through with it.
    const now = await page(translator);
    expect(answer.token).toBe(tokenOf(now));
    expect(answer.token).not.toBe(tokenOf(first));
    expect(now).toContain(`value="${spanish.headline}"`);
    expect(now).toMatch(/draft/);

    const again = await post(
      t.app,
      es,
      translator,
      { token: answer.token, headline: `${spanish.headline}!`, intent: 'save' },
      autosave,
    );
    expect((again.json() as { state: string }).state).toBe('saved');

    // A colleague (the editor) saves meanwhile: the old token is stale, and their text stays.
    const colleague = await post(t.app, es, editor, {
      token: tokenOf(await page(editor)),
      headline: 'Liberad a Erlan',
      intent: 'save',
    });
    expect(colleague.statusCode).toBe(303);
    const stale = await post(
      t.app,
      es,
      translator,
      { token: (again.json() as { token: string }).token, headline: 'mine', intent: 'save' },
      autosave,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ state: 'stale' });
    expect(await page(editor)).toContain('value="Liberad a Erlan"');
  });

  it('answers a refused or invalid autosave in JSON, and never offers it on a text in review', async () => {
    const tooLong = await post(
      t.app,
      es,
      translator,
      { token: tokenOf(await page(translator)), headline: 'x'.repeat(5_000), intent: 'save' },
      autosave,
    );
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toEqual({ state: 'invalid' });

    const fr = `/editor/campaigns/${demoCampaignSlug}/translations/fr`;
    const elsewhere = await post(
      t.app,
      fr,
      translator,
      { token: '0.1', headline: 'x', intent: 'save' },
      autosave,
    );
    expect(elsewhere.statusCode).toBe(403);

    const submitted = await post(t.app, es, translator, {
      token: tokenOf(await page(translator)),
      ...spanish,
      intent: 'submit',
    });
    expect(submitted.statusCode).toBe(303);
    const inReview = await page(translator);
    expect(inReview).not.toContain('data-autosave');
    expect(inReview).not.toContain('translation-autosave.js');
  });
});
