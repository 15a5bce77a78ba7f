// Starting a campaign from the editor's list, through the real routes on each database: the button, the
// form, the draft it creates (and its page), the refusals with the input kept, and roles that may not.
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { auditEntries } from '../../../../test/http-audit.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('new campaign on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;

  editorPerTest(dialect, (app) => ({ t, editor } = app));

  it('creates a blank draft from the list and opens its page', async () => {
    const list = await get(t.app, '/editor/campaigns', editor);
    expect(list.body).toContain('<a class="button" href="/editor/campaigns/new">New campaign</a>');
    const form = await get(t.app, '/editor/campaigns/new', editor);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/editor/campaigns"');
    expect(form.body).toContain('<option value="en" selected>English</option>');

    const res = await post(t.app, '/editor/campaigns', editor, {
      headline: 'Philippines: Holcim workers demand justice',
      sourceLocale: 'en',
      slug: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      '/editor/campaigns/philippines-holcim-workers-demand-justice?done=created',
    );
    const page = await get(t.app, res.headers.location!, editor);
    expect(page.body).toContain('The draft campaign is created.');
    expect(page.body).toContain('Philippines: Holcim workers demand justice');

    const k = t.db.kysely;
    const campaign = await k
      .selectFrom('campaigns')
      .selectAll()
      .where('slug', '=', 'philippines-holcim-workers-demand-justice')
      .executeTakeFirstOrThrow();
    expect(campaign).toMatchObject({ status: 'draft', source_locale: 'en', photo_path: null });
    expect(
      await k
        .selectFrom('campaign_translations')
        .select(['locale', 'status', 'headline'])
        .where('campaign_id', '=', campaign.id)
        .execute(),
    ).toEqual([{ locale: 'en', status: 'draft', headline: 'Philippines: Holcim workers demand justice' }]);
    const audit = await auditEntries(t.db, { action: 'campaign.created' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_email: 'editor@example.org',
      entity_type: 'campaign',
      entity_id: String(campaign.id),
    });
    // Drafts are not public.
    expect(
      (await t.app.inject({ url: '/en/campaigns/philippines-holcim-workers-demand-justice' })).statusCode,
    ).toBe(404);
  });

  it('explains what is wrong, in the editor’s language, and keeps the input', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ headline: ' ' }, 'Please write a headline.'],
      [{ headline: 'h'.repeat(201) }, 'Please shorten the headline to 200 characters.'],
      [{ slug: 'Bad Slug!' }, 'Use lower-case Latin letters, digits and hyphens only, at most 80'],
      [{ slug: 'new' }, 'This address is reserved. Please choose another one.'],
      [{ slug: 'kazakhstan-free-erlan-baltabay' }, 'Another campaign uses this address, or used it before.'],
      [{ sourceLocale: 'not a language' }, 'Please choose a language from the list.'],
    ];
    for (const [fields, text] of cases) {
      const res = await post(t.app, '/editor/campaigns', editor, {
        headline: 'Poland: Reinstate Marek Szymczak',
        sourceLocale: 'pl',
        slug: '',
        ...fields,
      });
      expect(res.statusCode, text).toBe(422);
      expect(res.body, text).toContain(text);
      expect(res.body).toContain('Please correct 1 problem below.');
      if (!fields.headline) expect(res.body).toContain('value="Poland: Reinstate Marek Szymczak"');
    }
    const arabic = await signedIn(t, 'editor', { email: 'amal@example.org', locale: 'ar' });
    const res = await post(t.app, '/editor/campaigns', arabic, {
      headline: '',
      sourceLocale: 'ar',
      slug: '',
    });
    expect(res.body).toContain('يُرجى كتابة عنوان رئيسي.');
    expect(res.body).toContain('<option value="ar" selected>');
    expect(
      await t.db.kysely.selectFrom('campaigns').select('slug').where('status', '=', 'draft').execute(),
    ).toEqual([]);
  });

  it('is not offered to translators and partners', async () => {
    for (const role of ['translator', 'partner'] as const) {
      const browser = await signedIn(t, role);
      expect((await get(t.app, '/editor/campaigns/new', browser)).statusCode).toBe(403);
      const res = await post(t.app, '/editor/campaigns', browser, { headline: 'Mine', sourceLocale: 'en' });
      expect(res.statusCode).toBe(403);
    }
    const translator = await signedIn(t, 'translator', { email: 't2@example.org' });
    expect((await get(t.app, '/editor/campaigns', translator)).body).not.toContain('/editor/campaigns/new');
  });
});
