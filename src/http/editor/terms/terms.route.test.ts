// The partnership terms editor through the real routes, on each database: an admin saves a new version,
// the other languages are flagged as older, the public form shows the new text at once and records it,
// an unchanged or empty text makes no version, and only admins may open the page.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { requestForm } from '../../../../test/campaign-request-helpers.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('partnership terms editor on %s', (dialect) => {
  let t: TestApp;
  let admin: Browser;
  const versions = () => t.db.kysely.selectFrom('partnership_terms').selectAll().orderBy('id').execute();

  appPerTest(dialect, async (app) => {
    ({ t } = app);
    admin = await signedIn(t, 'admin', { name: 'Ana Admin' });
  });

  it('saves a new version, flags the older translations, and the form shows it at once', async () => {
    const page = await get(t.app, '/editor/terms', admin);
    expectPage(page, 200, ['<h1>Partnership terms</h1>', '**What we will do**', '**Ang gagawin namin**']);
    expect(page.body).not.toContain('Older than the English text');
    const before = await versions();
    expect(before.map((v) => v.locale)).toEqual(['en', 'tl', 'ar']);

    const res = await post(t.app, '/editor/terms', admin, {
      locale: 'en',
      bodyMd: '**What we will do**\n\n- Publish it.\n\n**What your union will do**\n\n- Tell its members.',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/editor/terms?done=saved');
    const after = await get(t.app, res.headers.location!, admin);
    expect(after.body).toContain('Saved as a new version.');
    expect(after.body).toMatch(/Version 4, saved [^<]+ by Ana Admin/);
    expect(after.body.match(/Older than the English text: check that it still says the same./g)).toHaveLength(
      2,
    );
    const saved = (await versions()).at(-1)!;
    expect(saved).toMatchObject({ id: 4, locale: 'en' });

    const form = await requestForm(t.app, 'en');
    expect(form.termsVersion).toBe('4');
    expect(form.body).toContain('<li>Tell its members.</li>');
    // Pages in other languages keep their own, older text.
    expect((await requestForm(t.app, 'tl')).termsVersion).toBe('2');

    const audit = await auditEntries(t.db, { entityType: 'partnership_terms' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'partnership_terms.saved', entity_id: '4' });
  });

  it('makes no version from an unchanged or empty text, and refuses unknown languages', async () => {
    const current = (await versions()).find((v) => v.locale === 'ar')!;
    const same = await post(t.app, '/editor/terms', admin, {
      locale: 'ar',
      bodyMd: `${current.body_md}\r\n`,
    });
    expect(same.headers.location).toBe('/editor/terms?done=unchanged');
    expect((await get(t.app, same.headers.location!, admin)).body).toContain(
      'Nothing changed: the text is the same as the current version.',
    );
    const empty = await post(t.app, '/editor/terms', admin, { locale: 'tl', bodyMd: ' \n ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Please write the terms.');
    expect(empty.body).toMatch(/id="terms-tl"[^>]*aria-invalid="true"/);
    const long = await post(t.app, '/editor/terms', admin, { locale: 'en', bodyMd: 'x'.repeat(20_001) });
    expect(long.body).toContain('Please shorten the terms to 20,000 characters.');
    expect((await post(t.app, '/editor/terms', admin, { locale: 'xx', bodyMd: 'Text' })).statusCode).toBe(
      400,
    );
    expect(await versions()).toHaveLength(3);
  });

  it('is for admins only, and speaks the admin’s language', async () => {
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/terms', editor)).statusCode).toBe(403);
    expect(
      (await post(t.app, '/editor/terms', editor, { locale: 'en', bodyMd: 'Mine now.' })).statusCode,
    ).toBe(403);
    expect(await versions()).toHaveLength(3);
    const arabic = await signedIn(t, 'admin', { email: 'amal@example.org', locale: 'ar' });
    const page = await get(t.app, '/editor/terms', arabic);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('<h1>شروط الشراكة</h1>');
  });
});
