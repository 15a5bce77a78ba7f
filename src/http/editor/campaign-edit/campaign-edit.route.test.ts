// The campaign editor through the real routes on each database: an editor changes the texts (the public
// page follows at once), previews Markdown with and without JavaScript, meets a stale save, moves a live
// campaign to a new address (old links answer 301), uploads and removes the photo, changes the delivery
// settings, posts dated updates and points a closed campaign to its follow-up. Translators only read,
// partners see nothing, forms without their CSRF token are refused, odd requests get 4xx pages.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, postMultipart, signedIn } from '../../../../test/editor-helpers.js';
import { buildCampaign } from '../../../../test/factories.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { postSign } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';
import { CampaignRepository } from '../../../db/campaign.repository.js';

const erlan = demoCampaignSlug;
const edit = `/editor/campaigns/${erlan}/edit`;

/** Every field of the texts form as the page filled it (what a browser would send back). */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const form = /<form[^>]*action="[^"]*\/edit\/texts#texts"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>/g)) {
    if (!/type="checkbox"/.test(m[0])) fields[m[1]!] = decode(m[2]!);
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    fields[m[1]!] = decode(m[2]!);
  }
  const locale = /<select[^>]*name="sourceLocale"[\s\S]*?<option[^>]*value="([^"]+)"[^>]*selected/.exec(form);
  if (locale) fields.sourceLocale = locale[1]!;
  // The session's token is added by post(); a test that drops it must not get it back from the page.
  delete fields._csrf;
  return fields;
}

describe.each(testDialects)('campaign editor pages on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;

  editorPerTest(dialect, (app) => ({ t, editor } = app));

  const texts = async (browser = editor) => formFields((await get(t.app, edit, browser)).body);
  /** Sends the texts form as the page filled it, with `changes` typed over it. */
  const sendTexts = async (changes: Record<string, string>) =>
    post(t.app, `${edit}/texts`, editor, { ...(await texts()), ...changes });

  it('shows every part of the campaign to an editor, linked from the campaign page', async () => {
    const page = await get(t.app, `/editor/campaigns/${erlan}`, editor);
    expect(page.body).toContain(`href="${edit}"`);
    expect(page.body).toContain(`href="/editor/campaigns/${erlan}/preview/en"`);
    const res = await get(t.app, edit, editor);
    expect(res.statusCode).toBe(200);
    for (const part of ['texts', 'photo', 'settings', 'updates', 'successor', 'preview']) {
      expect(res.body).toContain(`id="${part}"`);
    }
    expect(res.body).toContain('Texts in English');
    expect(res.body).toContain('value="Dear Sir or Madam,"');
    // The background preview is rendered by the public page's renderer, and the script is optional.
    expectTexts(res.body, [
      '<strong>We need your support!</strong>',
      '<script src="/assets/editor-preview.js" defer>',
      "Erlan Baltabay's appeal was rejected",
      `href="/editor/campaigns/${erlan}/preview/tl"`,
    ]);
    expect(Object.keys(await texts())).toEqual(
      expect.arrayContaining(['revision', 'headline', 'background', 'slug', 'goal', 'sourceLocale']),
    );
  });

  it('saves new texts; the public page shows them at once, and the audit log has before and after', async () => {
    const before = await t.app.inject({ url: `/en/campaigns/${erlan}` });
    expect(before.body).toContain('Repression and violent physical attacks');
    const saved = await sendTexts({
      background: 'The court **upheld** the sentence.\n\nWrite to the authorities today.',
      goal: '20 000',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${edit}?done=texts#texts`);
    expect((await get(t.app, saved.headers.location!, editor)).body).toContain('The texts are saved.');
    const after = await t.app.inject({ url: `/en/campaigns/${erlan}` });
    expect(after.body).toContain('The court <strong>upheld</strong> the sentence.');
    expect(after.body).toContain('max="20000"');
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('action', '=', 'campaign.texts_edited')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ goal: 20_000, revision: 2 });
    expect(JSON.parse(audit.before_json!)).toMatchObject({ goal: 10_000, revision: 1 });
  });

  it('previews Markdown without saving (button), and for the page script (fragment), sanitised', async () => {
    const fields = await texts();
    const previewed = await post(t.app, `${edit}/texts`, editor, {
      ...fields,
      background: '**Bold** claim <script>alert(1)</script> [x](javascript:alert(2))',
      intent: 'preview',
    });
    expect(previewed.statusCode).toBe(200);
    expect(previewed.body).toContain('<strong>Bold</strong> claim &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(previewed.body).not.toContain('<script>alert(1)');
    expect(previewed.body).not.toContain('href="javascript:');
    expect(formFields(previewed.body).background).toContain('**Bold** claim');
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).not.toContain('Bold');

    const fragment = await post(t.app, `${edit}/preview-markdown`, editor, {
      markdown: '*Hi* <img onerror=x>',
    });
    expect(fragment.statusCode).toBe(200);
    expect(fragment.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fragment.body).toBe('<p><em>Hi</em> &lt;img onerror=x&gt;</p>\n');
    expect(
      (await post(t.app, `${edit}/preview-markdown`, { ...editor, csrf: '' }, { markdown: 'x' })).statusCode,
    ).toBe(403);
  });

  it('refuses a stale save with their version shown and the editor’s text kept, then saves on purpose', async () => {
    const mine = await texts();
    const other = await signedIn(t, 'editor', { email: 'other@example.org' });
    const theirs = await post(t.app, `${edit}/texts`, other, {
      ...(await texts(other)),
      headline: 'Kazakhstan: Erlan Baltabay must be freed',
    });
    expect(theirs.statusCode).toBe(303);
    const stale = await post(t.app, `${edit}/texts`, editor, {
      ...mine,
      defaultMessage: 'My own new message.',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this campaign while you were editing.');
    expect(stale.body).toContain('Headline, as saved');
    expect(stale.body).toContain('Kazakhstan: Erlan Baltabay must be freed');
    const kept = formFields(stale.body);
    expect(kept.defaultMessage).toBe('My own new message.');
    expect(kept.headline).toBe(mine.headline);
    expect(kept.revision).not.toBe(mine.revision);
    const reader = new CampaignRepository(t.db);
    expect(
      (await reader.findBySlug(erlan))!.translations.find((x) => x.locale === 'en')!.defaultMessage,
    ).not.toBe('My own new message.');
    expect((await post(t.app, `${edit}/texts`, editor, kept)).statusCode).toBe(303);
    const en = (await reader.findBySlug(erlan))!.translations.find((x) => x.locale === 'en')!;
    expect(en.defaultMessage).toBe('My own new message.');
    expect(en.headline).toBe(mine.headline);
  });

  it('asks before moving a live campaign; the old address then answers 301 to the new one', async () => {
    const fields = { ...(await texts()), slug: 'free-erlan-baltabay' };
    const ask = await post(t.app, `${edit}/texts`, editor, fields);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Change the public address?');
    expect(ask.body).toContain('/campaigns/kazakhstan-free-erlan-baltabay to /campaigns/free-erlan-baltabay');
    expect(ask.body).toContain('name="confirmSlug" value="yes"');
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).statusCode).toBe(200);

    const moved = await post(t.app, `${edit}/texts`, editor, { ...fields, confirmSlug: 'yes' });
    expect(moved.headers.location).toBe('/editor/campaigns/free-erlan-baltabay/edit?done=texts#texts');
    const old = await t.app.inject({ url: `/tl/campaigns/${erlan}?src=mailing-3` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/tl/campaigns/free-erlan-baltabay?src=mailing-3');
    expect((await t.app.inject({ url: '/tl/campaigns/free-erlan-baltabay' })).statusCode).toBe(200);
    // A sign form opened before the move still reaches the campaign (307 keeps the POST and its body).
    const signed = await postSign(t.app, 'tl', { name: 'Ana' });
    expect(signed.statusCode).toBe(307);
    expect(signed.headers.location).toBe('/tl/campaigns/free-erlan-baltabay/sign');
    expect((await get(t.app, edit, editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/campaigns/free-erlan-baltabay/edit', editor)).body).toContain(
      'This old address redirects here:',
    );

    // Slugs of other campaigns, old or current, and malformed ones come back as translated errors.
    const taken = await post(t.app, '/editor/campaigns/free-erlan-baltabay/edit/texts', editor, {
      ...(await formFields((await get(t.app, '/editor/campaigns/free-erlan-baltabay/edit', editor)).body)),
      slug: 'Belarus Now!',
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Use at least three lowercase letters (a–z) and digits');
    expect(taken.body).toContain('value="Belarus Now!"');
  });

  it('uploads a photo with its description, shows it on the public page, refuses a bad file, removes it', async () => {
    const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#8a0d14' } })
      .jpeg()
      .toBuffer();
    const multipart = (file: Buffer | null, alt: string, csrf = editor.csrf) =>
      postMultipart(t, `${edit}/photo`, { ...editor, csrf }, { alt }, [
        { field: 'photo', bytes: new Uint8Array(file ?? []), name: file ? 'erlan.jpg' : '' },
      ]);

    const bad = await multipart(Buffer.from('GIF89a but not really'), 'Erlan Baltabay at a union meeting');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('This file is not a picture we can read.');
    expect(bad.body).toContain('value="Erlan Baltabay at a union meeting"');
    expect((await multipart(photo, 'x', '')).statusCode).toBe(403);

    const saved = await multipart(photo, 'Erlan Baltabay at a union meeting');
    expect(saved.statusCode).toBe(303);
    const page = (await t.app.inject({ url: `/en/campaigns/${erlan}` })).body;
    const src =
      /<img class="campaign-photo" src="(\/media\/[0-9a-f]{32}\.jpg)" alt="Erlan Baltabay at a union meeting"/.exec(
        page,
      )?.[1];
    expect(src).toBeDefined();
    const media = await t.app.inject({ url: src! });
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(media.rawPayload).metadata()).width).toBe(1600);

    expect((await post(t.app, `${edit}/photo/remove`, editor)).headers.location).toBe(
      `${edit}?done=photo-removed#photo`,
    );
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).not.toContain(
      '<img class="campaign-photo"',
    );
  });

  it('changes delivery settings while live, with translated errors (English and Arabic)', async () => {
    const settings = {
      deliveryMode: 'digest',
      confirmationMode: 'confirm_first',
      hourlyCap: '20',
      officeHours: 'limited',
      day1: 'yes',
      day3: 'yes',
      from: '08:30',
      to: '12',
      digestInterval: '90',
      startDate: '2026-11-17',
    };
    const ok = await post(t.app, `${edit}/settings`, editor, settings);
    expect(ok.headers.location).toBe(`${edit}?done=settings#settings`);
    const row = await t.db.kysely
      .selectFrom('campaigns')
      .select(['delivery_mode', 'target_hourly_cap', 'office_hours', 'digest_interval_minutes'])
      .where('slug', '=', erlan)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      delivery_mode: 'digest',
      target_hourly_cap: 20,
      office_hours: '{"days":[1,3],"start":"08:30","end":"12:00"}',
      digest_interval_minutes: 90,
    });
    const reloaded = (await get(t.app, edit, editor)).body;
    expect(reloaded).toMatch(/id="day3" name="day3" type="checkbox" value="yes" checked/);

    const bad = await post(t.app, `${edit}/settings`, editor, {
      ...settings,
      hourlyCap: '5000',
      to: '07:00',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter a number from 0 to 1,000.');
    expect(bad.body).toContain('The end must be later than the start.');
    expect(bad.body).toContain('value="5000"');
    const arabic = await signedIn(t, 'editor', { email: 'nadia@example.org', locale: 'ar' });
    const ar = await post(t.app, `${edit}/settings`, arabic, { ...settings, day1: '', day3: '' });
    expect(ar.statusCode).toBe(422);
    expect(ar.body).toContain('<html lang="ar" dir="rtl"');
    expect(ar.body).toContain('اختر يومًا واحدًا على الأقل.');
  });

  it('posts, corrects and deletes dated updates shown on the public page in its language', async () => {
    const posted = await post(t.app, `/editor/campaigns/${erlan}/updates`, editor, {
      day: '2026-11-22',
      locale: 'en',
      text: 'Solidarity messages were **handed over** in Geneva.',
    });
    expect(posted.headers.location).toBe(`${edit}?done=update-posted#updates`);
    const en = (await t.app.inject({ url: `/en/campaigns/${erlan}` })).body;
    expect(en).toContain('<h2 id="updates" lang="en" dir="ltr">Updates</h2>');
    expect(en.indexOf('handed over')).toBeLessThan(en.indexOf('appeal was rejected'));
    expect(en).toContain(
      '<h3 class="dates" lang="en" dir="ltr"><time datetime="2026-11-22">November 22, 2026</time></h3>',
    );
    const tl = (await t.app.inject({ url: `/tl/campaigns/${erlan}` })).body;
    expect(tl).toContain('Tinanggihan ng panrehiyong hukuman');
    expect(tl).not.toContain('handed over');

    const future = await post(t.app, `/editor/campaigns/${erlan}/updates`, editor, {
      day: '2027-01-01',
      locale: 'en',
      text: 'Not yet.',
    });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('The date cannot be in the future.');
    expect(future.body).toContain('Not yet.');

    const id = (
      await t.db.kysely
        .selectFrom('campaign_updates')
        .select('id')
        .where('body_md', 'like', 'Solidarity%')
        .executeTakeFirstOrThrow()
    ).id;
    const edited = await post(t.app, `/editor/campaigns/${erlan}/updates/${id}`, editor, {
      day: '2026-11-21',
      locale: 'en',
      text: 'Messages were handed over in Geneva.',
    });
    expect(edited.headers.location).toBe(`${edit}?done=update-edited#updates`);
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).toContain(
      'Messages were handed over',
    );
    expect((await post(t.app, `/editor/campaigns/${erlan}/updates/${id}/delete`, editor)).statusCode).toBe(
      303,
    );
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).not.toContain('handed over');
    expect((await post(t.app, `/editor/campaigns/${erlan}/updates/${id}/delete`, editor)).statusCode).toBe(
      404,
    );
  });

  it('points a closed campaign to its follow-up, prominently on the public page', async () => {
    const closed = 'kazakhstan-freedom-for-zhanaozen-oil-workers';
    const set = await post(t.app, `/editor/campaigns/${closed}/edit/successor`, editor, { successor: erlan });
    expect(set.headers.location).toBe(`/editor/campaigns/${closed}/edit?done=successor#successor`);
    const en = (await t.app.inject({ url: `/en/campaigns/${closed}` })).body;
    expect(en).toContain('This campaign continues:');
    expect(en).toContain(
      `<a href="/en/campaigns/${erlan}" lang="en" dir="auto">Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity</a>`,
    );
    const tl = (await t.app.inject({ url: `/tl/campaigns/${closed}` })).body;
    expect(tl).toContain('Nagpapatuloy ang kampanyang ito:');
    expect(tl).toContain('Erlan Baltabay sinentensiyahan ng 7 taon');
    // A live campaign with a follow-up does not point away from its own sign form.
    await post(t.app, `${edit}/successor`, editor, { successor: 'belarus-trade-unionism-is-not-extremism' });
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}` })).body).not.toContain(
      'This campaign continues',
    );
    const cycle = await post(
      t.app,
      `/editor/campaigns/belarus-trade-unionism-is-not-extremism/edit/successor`,
      editor,
      {
        successor: closed,
      },
    );
    expect(cycle.statusCode).toBe(422);
    expect(cycle.body).toContain('That campaign already leads back to this one; choose another.');
    // A follow-up that is still a draft is not shown.
    const draft = buildCampaign({ status: 'draft' });
    await new CampaignRepository(t.db).create(draft, t.services.clock.now());
    await post(t.app, `/editor/campaigns/${closed}/edit/successor`, editor, { successor: draft.slug });
    expect((await t.app.inject({ url: `/en/campaigns/${closed}` })).body).not.toContain(
      'This campaign continues',
    );
  });

  it('lets a translator read but not change, shows partners nothing, and refuses forms without CSRF', async () => {
    const translator = await signedIn(t, 'translator');
    const read = await get(t.app, edit, translator);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('only editors and admins can change them');
    expect(read.body).toContain('<fieldset class="edit-fieldset" disabled');
    expect(read.body).not.toContain('Save texts');
    expect((await post(t.app, `${edit}/texts`, translator, await texts())).statusCode).toBe(403);
    expect((await post(t.app, `${edit}/settings`, translator)).statusCode).toBe(403);

    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, edit, partner)).statusCode).toBe(403);
    expect((await get(t.app, edit)).statusCode).toBe(302);

    const fields = await texts();
    expect((await post(t.app, `${edit}/texts`, { ...editor, csrf: '' }, fields)).statusCode).toBe(403);
    const crossSite = await post(t.app, `${edit}/texts`, editor, fields, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
  });

  it('answers odd requests with 4xx pages, never a 500', async () => {
    expect((await get(t.app, '/editor/campaigns/no-such-campaign/edit', editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/campaigns/Bad%20Slug/edit', editor)).statusCode).toBe(404);
    expect((await post(t.app, `${edit}/texts`, editor, { headline: ['a', 'b'] })).statusCode).toBe(400);
    expect((await post(t.app, `/editor/campaigns/${erlan}/updates/abc`, editor, {})).statusCode).toBe(404);
    expect((await post(t.app, `/editor/campaigns/${erlan}/updates/99999/delete`, editor)).statusCode).toBe(
      404,
    );
    const hostile = await sendTexts({
      headline: '<script>alert(1)</script>',
      moreInfoUrl: 'javascript:alert(1)',
      slug: '__proto__',
    });
    expect(hostile.statusCode).toBe(422);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect(hostile.body).toContain('Enter a full web address starting with https://');
    // A long Arabic background (over the site's 64 KB form limit once encoded) is still accepted.
    const long = await sendTexts({
      background: 'ع'.repeat(15_000),
    });
    expect(long.statusCode).toBe(303);
    expect((await post(t.app, `${edit}/texts`, editor, { background: 'x'.repeat(600_000) })).statusCode).toBe(
      413,
    );
  });
});
