// "Help translate" through the real routes, on each database: a volunteer's application is stored sealed
// and answered by a thanks page; wrong input comes back translated with the input kept and no box ticked
// that was not; the form's defences (token, honeypot); and the editors' answer: accepting makes a translator
// invitation with the chosen languages and deletes the application, declining deletes it, and an address
// that already has an account changes nothing.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { erlan, pageToken, postPublic } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('Help translate applications on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const applications = () => t.db.kysely.selectFrom('translator_applications').selectAll().execute();

  /** Opens the form in `locale`, takes 20 seconds to fill it in, and sends it. */
  const apply = async (locale: string, fields: Record<string, string | string[]>) => {
    const token = await pageToken(t.app, `/${locale}/help-translate`);
    clock.advance(20_000);
    return postPublic(t.app, `/${locale}/help-translate`, { token, ...fields });
  };
  const marie = {
    name: 'Marie Curie',
    email: 'marie@example.org',
    language: ['fr', 'pl'],
    note: 'Nurse, CGT',
  };

  appPerTest(
    dialect,
    {
      env: { TRANSLATORS_CONTACT: 'editors@outcry.example.org' },
    },
    (app) => ({ t, clock } = app),
  );

  it('lists each live campaign with the languages it is not yet published in', async () => {
    const page = await t.app.inject({ url: '/en/help-translate' });
    expect(page.body).toContain('Campaigns waiting for translators');
    const line = (body: string) =>
      body
        .split('<li>')
        .find((li) => li.includes(`/en/campaigns/${erlan}"`))!
        .split('</li>')[0]!;
    // The demo campaign is published in English: German waits, English does not.
    expect(line(page.body)).toContain('Not yet in');
    expect(line(page.body)).toContain('German');
    expect(line(page.body)).not.toContain('English');
    // In Arabic the names are Arabic and the list reads in the reader's language.
    const ar = await t.app.inject({ url: '/ar/help-translate' });
    expect(ar.body).toContain('حملات تنتظر مترجمين');
    expect(ar.body).toContain('الألمانية');
  });

  it('stores an application, sealed, audited without the person, and thanks the volunteer', async () => {
    const form = await t.app.inject({ url: '/ar/help-translate' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('اللغات التي يمكنك الترجمة إليها');
    expect(form.body).not.toContain('checked');
    const res = await apply('ar', marie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ar/help-translate/thanks');
    expect((await t.app.inject({ url: '/ar/help-translate/thanks' })).body).toContain('شكرًا لعرضك');
    const [row] = await applications();
    expect(row).toMatchObject({ name: 'Marie Curie', email: 'marie@example.org', languages: 'fr pl' });
    expect(row?.locale).toBe('ar');
    const raw = await sql<{
      name: string;
      email: string;
    }>`select name, email from translator_applications`.execute(t.db.kysely);
    expect(raw.rows[0]?.name).not.toContain('Marie');
    expect(raw.rows[0]?.email).not.toContain('marie@');
    const audit = await auditEntries(t.db, { action: 'translator_application.received' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('marie');
  });

  it('sends wrong input back translated with what was typed, and stores nothing', async () => {
    const res = await apply('en', { name: '', email: 'marie@', language: 'xx', note: 'n'.repeat(1_001) });
    expectPage(res, 422, [
      'Please enter your name.',
      'Please choose at least one language.',
      'Please shorten your message to 1000 characters.',
      'value="marie@"',
    ]);
    const kept = await apply('en', { ...marie, name: '' });
    expect(kept.body).toContain('value="fr" checked');
    expect(kept.body).not.toContain('value="de" checked');
    expect(await applications()).toHaveLength(0);
  });

  it('refuses a form without a token and pretends to take a filled honeypot', async () => {
    const forged = await postPublic(t.app, '/en/help-translate', marie);
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('value="Marie Curie"');
    expect((await apply('en', { ...marie, reference: 'spam' })).statusCode).toBe(303);
    expect(await applications()).toHaveLength(0);
  });

  it('lets an editor invite the volunteer as a translator of their languages, or decline', async () => {
    await apply('fr', marie);
    await apply('en', { ...marie, name: 'Bot', email: 'bot@example.org', language: 'de' });
    const [first, second] = await applications();
    const editor = await signedIn(t, 'editor');
    const list = await get(t.app, '/editor/translator-applications', editor);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('marie@example.org');
    expect((await get(t.app, '/editor/requests', editor)).body).toContain(
      'href="/editor/translator-applications"',
    );
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, '/editor/translator-applications', translator)).statusCode).toBe(403);

    const accepted = await post(t.app, `/editor/translator-applications/${first!.id}/accept`, editor);
    expect(accepted.statusCode).toBe(303);
    const user = await t.db.kysely
      .selectFrom('users')
      .select(['id', 'role', 'password_hash', 'locale'])
      .where('email', '=', 'marie@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'translator', password_hash: null, locale: 'fr' });
    const languages = await t.db.kysely
      .selectFrom('translator_languages')
      .select('locale')
      .where('user_id', '=', user.id)
      .orderBy('locale')
      .execute();
    expect(languages.map((l) => l.locale)).toEqual(['fr', 'pl']);
    const invite = await t.db.kysely
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '=', 'send-account-mail')
      .execute();
    expect(invite.length).toBeGreaterThan(0);

    const declined = await post(t.app, `/editor/translator-applications/${second!.id}/decline`, editor);
    expect(declined.statusCode).toBe(303);
    expect(await applications()).toHaveLength(0);
    expect(
      (await post(t.app, `/editor/translator-applications/${second!.id}/decline`, editor)).statusCode,
    ).toBe(404);
  });

  it('leaves the application waiting when its address already has an account', async () => {
    await signedIn(t, 'editor', { email: 'marie@example.org' });
    await apply('en', marie);
    const [row] = await applications();
    const editor = await signedIn(t, 'admin');
    const res = await post(t.app, `/editor/translator-applications/${row!.id}/accept`, editor);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('marie@example.org already has an account');
    expect(await applications()).toHaveLength(1);
  });
});
