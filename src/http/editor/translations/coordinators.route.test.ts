// Standings through the real routes on each database (decision 0039): an admin makes a translator the
// coordinator of French on the account's page (audited, kept when the languages change, forged values
// refused); the coordinator sees the French translation waiting for review on the board and publishes it,
// sends back another, keeps the French glossary, and is refused on Spanish, where they are a plain
// translator (mailings alike); a trusted Spanish translator publishes their own work but not a colleague's submission; a plain
// translator publishes nothing.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  type Browser,
  createPerson,
  get,
  type Person,
  post,
  sessionFor,
  signedIn,
} from '../../../../test/editor-helpers.js';
import { insertMailing } from '../../../../test/mailing-translation-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import {
  press,
  sendBackAt,
  tokenOf,
  translationDay,
  translatorOf,
} from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const path = (locale: string) => `/editor/campaigns/${demoCampaignSlug}/translations/${locale}`;
const texts = (locale: string) => ({
  headline: `Erlan Baltabay (${locale})`,
  backgroundMd: `Erlan Baltabay, ${locale}.`,
  defaultMessage: `Libérez Erlan Baltabay (${locale}).`,
  targetSubject: `Erlan Baltabay (${locale})`,
  targetSalutation: `Bonjour (${locale}),`,
});

describe.each(testDialects)('coordinators and trusted translators on %s', (dialect) => {
  let t: TestApp;
  let admin: Browser;
  let coco: Person;
  let coordinator: Browser;
  let plainFr: Browser;
  let plainEs: Browser;

  const translator = (email: string, locale: string[]) => translatorOf(t, admin, locale, { email });

  const standings = (person: Person, fields: Record<string, string>) =>
    post(t.app, `/editor/users/${person.id}/standings`, admin, fields);

  const step = (browser: Browser, locale: string, intent: string, typed = texts(locale)) =>
    press(t, path(locale), browser, intent, typed);

  const statusOf = async (locale: string) =>
    (
      await t.db.kysely
        .selectFrom('campaign_translations as t')
        .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
        .select('t.status')
        .where('c.slug', '=', demoCampaignSlug)
        .where('t.locale', '=', locale)
        .executeTakeFirst()
    )?.status;

  appPerTest(dialect, { at: translationDay }, async (app) => {
    t = app.t;
    admin = await signedIn(t, 'admin');
    coco = await translator('coco@example.org', ['es', 'fr']);
    coordinator = await sessionFor(t, coco);
    plainFr = await sessionFor(t, await translator('fred@example.org', ['fr']));
    plainEs = await sessionFor(t, await translator('esther@example.org', ['es']));
  });

  it('lets an admin set a standing per language, audited, kept when the languages change', async () => {
    const page = await get(t.app, `/editor/users/${coco.id}`, admin);
    expect(page.body).toContain('Standing in each language');
    expect(page.body).toMatch(/<select id="standing-fr" name="standing-fr">[\s\S]*?selected[^>]*>Translator/);

    const set = await standings(coco, { 'standing-fr': 'coordinator', 'standing-es': 'translator' });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe(`/editor/users/${coco.id}?done=standings#scope`);
    const after = await get(t.app, `/editor/users/${coco.id}?done=standings`, admin);
    expect(after.body).toContain('Standings saved.');
    expect(after.body).toMatch(/name="standing-fr">[\s\S]*?value="coordinator" selected/);
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(coco.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('user.languages_changed');
    expect(JSON.parse(audit.before_json!)).toEqual({ standing: { fr: 'translator' } });
    expect(JSON.parse(audit.after_json!)).toEqual({ standing: { fr: 'coordinator' } });

    // The same choice again changes nothing; adding a language keeps French's standing.
    expect((await standings(coco, { 'standing-fr': 'coordinator' })).headers.location).toBe(
      `/editor/users/${coco.id}#scope`,
    );
    await post(t.app, `/editor/users/${coco.id}/languages`, admin, { locale: ['de', 'es', 'fr'] });
    expect(await t.services.scopes.grantsOf(coco.id)).toEqual([
      { locale: 'de', standing: 'translator' },
      { locale: 'es', standing: 'translator' },
      { locale: 'fr', standing: 'coordinator' },
    ]);

    // A value no select offers is a forged body; a language the account lacks is refused, nothing changed.
    expect((await standings(coco, { 'standing-fr': 'admin' })).statusCode).toBe(400);
    const lacking = await standings(coco, { 'standing-fr': 'translator', 'standing-tl': 'coordinator' });
    expect(lacking.statusCode).toBe(422);
    expect(lacking.body).toContain('“tl” is not one of the languages offered.');
    expect((await t.services.scopes.grantsOf(coco.id)).find((g) => g.locale === 'fr')?.standing).toBe(
      'coordinator',
    );
    // Editors do not set standings, and only translator accounts have them.
    const editor = await signedIn(t, 'editor');
    expect((await post(t.app, `/editor/users/${coco.id}/standings`, editor, {})).statusCode).toBe(403);
    const other = await createPerson(t, 'partner');
    expect((await standings(other, { 'standing-fr': 'trusted' })).statusCode).toBe(409);
  });

  it('lets the coordinator of French review French only', async () => {
    await standings(coco, { 'standing-fr': 'coordinator' });
    expect((await step(plainFr, 'fr', 'submit')).statusCode).toBe(303);
    expect((await step(plainEs, 'es', 'submit')).statusCode).toBe(303);

    // The board lists the French one for review, not the Spanish; a plain translator's board lists none.
    const board = (await get(t.app, '/editor/translations', coordinator)).body;
    const review = /<section[^>]*id="review"[\s\S]*?<\/section>/.exec(board)?.[0] ?? '';
    expect(review).toContain('Waiting for your review');
    expect(review).toContain(`href="${path('fr')}"`);
    expect(review).not.toContain(path('es'));
    expect((await get(t.app, '/editor/translations', plainFr)).body).not.toContain('id="review"');

    // The French editor offers Publish and Send back; the Spanish one neither.
    const fr = (await get(t.app, path('fr'), coordinator)).body;
    expect(fr).toContain('value="publish"');
    expect(fr).toContain('id="send-back"');
    const es = (await get(t.app, path('es'), coordinator)).body;
    expect(es).not.toContain('value="publish"');
    expect(es).not.toContain('id="send-back"');

    expect((await step(coordinator, 'es', 'publish')).statusCode).toBe(403);
    const esToken = tokenOf(es);
    expect(
      (await post(t.app, `${path('es')}/send-back`, coordinator, { token: esToken, note: 'x' })).statusCode,
    ).toBe(403);
    expect(await statusOf('es')).toBe('in_review');

    expect((await step(coordinator, 'fr', 'publish')).statusCode).toBe(303);
    expect(await statusOf('fr')).toBe('published');
    expect((await t.app.inject({ url: `/fr/campaigns/${demoCampaignSlug}` })).body).toContain(
      'Erlan Baltabay (fr)',
    );

    // A coordinator's changed save keeps French published; a plain translator's takes it back to draft.
    const corrected = { ...texts('fr'), headline: 'Erlan Baltabay (fr, corrigé)' };
    expect((await step(coordinator, 'fr', 'save', corrected)).statusCode).toBe(303);
    expect(await statusOf('fr')).toBe('published');

    // Submitted again, the coordinator sends it back with a note.
    await step(plainFr, 'fr', 'submit', { ...corrected, headline: 'Erlan Baltabay (fr, 3)' });
    const back = await sendBackAt(t, path('fr'), coordinator, 'Gardez « corrigé ».');
    expect(back.statusCode).toBe(303);
    expect(await statusOf('fr')).toBe('draft');
    expect((await step(plainFr, 'fr', 'publish')).statusCode).toBe(403);
  });

  it('lets the coordinator keep the French glossary, and nobody else without a reviewer’s standing', async () => {
    await standings(coco, { 'standing-fr': 'coordinator' });
    const term = { term: 'trade union', rendering: 'syndicat', note: '' };
    expect((await post(t.app, '/editor/translations/glossary/fr', plainFr, term)).statusCode).toBe(403);
    const saved = await post(t.app, '/editor/translations/glossary/fr', coordinator, term);
    expect(saved.statusCode).toBe(303);
    const page = (await get(t.app, '/editor/translations/glossary/fr?done=saved', coordinator)).body;
    expect(page).toContain('syndicat');
    expect(page).toContain('/editor/translations/glossary/fr/remove');
    expect((await post(t.app, '/editor/translations/glossary/es', coordinator, term)).statusCode).toBe(403);
    expect((await get(t.app, '/editor/translations/glossary/es', coordinator)).body).not.toContain(
      'glossary/es/remove',
    );
    const id = /name="id" value="(\d+)"/.exec(page)?.[1] ?? '';
    expect(
      (await post(t.app, '/editor/translations/glossary/fr/remove', coordinator, { id })).statusCode,
    ).toBe(303);
  });

  it('lets a trusted translator publish their own work, not a colleague’s submission', async () => {
    await standings(coco, { 'standing-es': 'trusted' });
    const own = (await get(t.app, path('es'), coordinator)).body;
    expect(own).toContain('value="publish"');
    expect(own).not.toContain('it goes off the public page');
    expect((await step(coordinator, 'es', 'publish')).statusCode).toBe(303);
    expect(await statusOf('es')).toBe('published');
    // Their own submission they may still publish themselves.
    await step(coordinator, 'es', 'submit', { ...texts('es'), headline: 'Erlan (es, 2)' });
    expect(await statusOf('es')).toBe('in_review');
    expect(
      (await step(coordinator, 'es', 'publish', { ...texts('es'), headline: 'Erlan (es, 2)' })).statusCode,
    ).toBe(303);

    // A colleague's submission waits for a reviewer: no Publish button, and the POST is refused.
    await step(plainEs, 'es', 'submit', { ...texts('es'), headline: 'Erlan (es, 3)' });
    const theirs = (await get(t.app, path('es'), coordinator)).body;
    expect(theirs).not.toContain('value="publish"');
    expect(theirs).not.toContain('id="send-back"');
    expect((await step(coordinator, 'es', 'publish')).statusCode).toBe(403);
    expect(await statusOf('es')).toBe('in_review');
    // Trusted in Spanish is nothing in French, and a plain translator publishes nowhere.
    await step(plainFr, 'fr', 'save');
    expect((await step(coordinator, 'fr', 'publish')).statusCode).toBe(403);
    expect((await step(plainEs, 'es', 'publish')).statusCode).toBe(403);
  });

  it('lets the coordinator of French review a mailing in French, not in Spanish', async () => {
    await standings(coco, { 'standing-fr': 'coordinator' });
    const mailingId = await insertMailing(t.db.kysely, { now: t.services.clock.now() });
    const at = (locale: string) => `/editor/translations/mailings/${mailingId}/${locale}`;
    const mailing = (locale: string) => ({
      subject: `Erlan (${locale})`,
      preheader: `Merci (${locale})`,
      bodyMd: `Erlan est **libre** (${locale}).`,
    });
    const send = (browser: Browser, locale: string, intent: string) =>
      press(t, at(locale), browser, intent, mailing(locale));
    expect((await send(plainFr, 'fr', 'submit')).statusCode).toBe(303);
    expect((await send(plainEs, 'es', 'submit')).statusCode).toBe(303);
    const board = (await get(t.app, '/editor/translations', coordinator)).body;
    expect(/<section[^>]*id="review"[\s\S]*?<\/section>/.exec(board)?.[0]).toContain(`href="${at('fr')}"`);
    expect((await send(coordinator, 'es', 'publish')).statusCode).toBe(403);
    expect((await sendBackAt(t, at('es'), coordinator, 'x')).statusCode).toBe(403);
    const back = await sendBackAt(t, at('fr'), coordinator, 'Plus court.');
    expect(back.statusCode).toBe(303);
    expect((await send(coordinator, 'fr', 'publish')).statusCode).toBe(303);
    const status = await t.db.kysely
      .selectFrom('mailing_translations')
      .select(['locale', 'status'])
      .where('mailing_id', '=', mailingId)
      .orderBy('locale')
      .execute();
    expect(status).toEqual([
      { locale: 'es', status: 'in_review' },
      { locale: 'fr', status: 'published' },
    ]);
  });
});
