// The lists pages through the app: closed to roles without mailings:send, the import a multipart form read
// only with the session's CSRF token, a file it cannot read answered with a translated 422 (never a 500)
// that keeps the list and the consent source, the report shown and downloadable, the export streamed,
// neutralised for spreadsheets and audited, and suppressed addresses searched and paged.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, postMultipart, signedIn } from '../../../../test/editor-helpers.js';
import { allHostileText } from '../../../../test/hostile-input.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { insertSupporter, suppressed } from '../../../../test/list-helpers.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

const source = 'LabourStart English list, double opt-in, exported 2026-11-30';

describe.each(testDialects)('editor lists pages on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  editorPerTest(dialect, (app) => ({ t, editor } = app));

  /** Posts the import form as `who` (to the app under test unless `app` is given), with `file` as list.csv. */
  const upload = (who: Browser, fields: Record<string, string>, file?: { bytes: Uint8Array }, app = t) =>
    postMultipart(
      app,
      '/editor/lists/import',
      who,
      fields,
      file ? [{ field: 'file', ...file, name: 'list.csv' }] : [],
    );
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('imports a file, shows the counts and the report, and lets the report be downloaded', async () => {
    const first = await get(t.app, '/editor/lists', editor);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Import subscribers from CSV');
    expect(first.body).toContain('href="/editor/lists"');

    const res = await upload(
      editor,
      { locale: 'es', consentSource: source },
      {
        bytes: bytes(
          'email,name,country\nana@example.org,Ana,BR\nnot-an-address,X,\nANA+x@example.org,Ana again,\n',
        ),
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // The page streamed a line per step, each with its bar, then the report; each line replaces the last.
    expectTexts(res.body, [
      'Importing into the \u2068Spanish (es)\u2069 list',
      '<div class="import-steps" role="status"><p class="import-step"><progress max="3" value="0"></progress> Reading the file: 0 of 3 rows</p>',
      'Reading the file: 3 of 3 rows',
      '<progress max="1" value="1"></progress> Checking against the lists: 1 of 1 rows',
      'Saving: 2 of 2 records. Nothing is kept unless all of them are.',
      'Imported into \u2068Spanish (es)\u2069',
      '3 rows read.',
      'Not an email address',
      'Repeats an earlier row',
      'Row 3',
      'href="/editor/lists">Back to the lists</a>',
    ]);
    expect(res.body.indexOf('Saving: 2 of 2')).toBeLessThan(res.body.indexOf('Imported into'));
    expect(res.body.trimEnd().endsWith('</html>')).toBe(true);
    // The list now shows one subscriber.
    expect((await get(t.app, '/editor/lists', editor)).body).toMatch(
      /Spanish \(es\)<\/h3><dl class="delivery-counts"><div><dt>Subscribed<\/dt><dd>1<\/dd>/,
    );

    const token = /name="report" value="([^"]+)"/.exec(res.body)![1]!;
    const csv = await post(t.app, '/editor/lists/import/report.csv', editor, { report: token });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\ufeff/, '')).toBe(
      'row,email,outcome\r\n2,ana@example.org,added\r\n3,not-an-address,invalid_email\r\n4,ANA+x@example.org,duplicate\r\n',
    );
    // Another editor's session cannot open it; a changed one is refused.
    const other = await signedIn(t, 'admin');
    expect((await post(t.app, '/editor/lists/import/report.csv', other, { report: token })).statusCode).toBe(
      400,
    );
    expect(
      (await post(t.app, '/editor/lists/import/report.csv', editor, { report: `${token}x` })).statusCode,
    ).toBe(400);
  });

  it('says so and stores nothing when the import fails part-way through its transaction', async () => {
    // A real fault in the middle of the one transaction: the database refuses the memberships, after the
    // new supporters and their consents were written.
    if (dialect === 'sqlite') {
      await sql`create trigger refuse_members before insert on list_members begin select raise(abort, 'refused'); end`.execute(
        t.db.kysely,
      );
    } else {
      await sql`create function refuse_members() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(
        t.db.kysely,
      );
      await sql`create trigger refuse_members before insert on list_members for each row execute function refuse_members()`.execute(
        t.db.kysely,
      );
    }
    const res = await upload(
      editor,
      { locale: 'es', consentSource: source },
      { bytes: bytes('email\nana@example.org\nerlan@example.org\n') },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Saving: 2 of 4 records.');
    expect(res.body).toContain(
      'The import stopped and nothing from this file was stored. Send the file again.',
    );
    expect(res.body).not.toContain('Imported into');
    expect(res.body.trimEnd().endsWith('</html>')).toBe(true);
    for (const table of ['supporters', 'consents', 'list_members'] as const) {
      const row = await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect([table, Number(row.n)]).toEqual([table, 0]);
    }
    expect(await auditEntries(t.db, { action: 'list.imported' })).toEqual([]);
  });

  it('answers files it cannot read with a translated 422 that keeps the input, and stores nothing', async () => {
    const cases: [Uint8Array | undefined, string][] = [
      [undefined, 'Choose a CSV file.'],
      [bytes('name,country\nAna,BR\n'), 'The file has no email column.'],
      [new Uint8Array([...bytes('email\n'), 0xe9, 0x0a]), 'The file is not in UTF-8.'],
      [bytes('email\n"ana@example.org\n'), 'a quote is opened and never closed'],
      [bytes('email\n\n'), 'The file has a header row but no subscribers.'],
      [bytes(''), 'Choose a CSV file.'],
    ];
    for (const [file, text] of cases) {
      const res = await upload(
        editor,
        { locale: 'es', consentSource: source },
        file ? { bytes: file } : undefined,
      );
      expect(res.statusCode, text).toBe(422);
      expect(res.body).toContain(text);
      expect(res.body).toContain(source);
      expect(res.body).toContain('<option value="es" selected>');
    }
    // A good file, but no consent source or no list to import into.
    for (const [fields, text] of [
      [{ locale: 'es', consentSource: '  ' }, 'Say where and how these people agreed'],
      [{ locale: '../x', consentSource: source }, 'Choose the list to import into.'],
    ] as const) {
      const res = await upload(editor, fields, { bytes: bytes('email\na@b.org\n') });
      expect(res.statusCode, text).toBe(422);
      expect(res.body).toContain(text);
    }

    const arabic = await signedIn(t, 'editor', { email: 'ar@example.org', locale: 'ar' });
    const ar = await upload(arabic, { locale: 'es', consentSource: source }, { bytes: bytes('name\nAna\n') });
    expect(ar.statusCode).toBe(422);
    expect(ar.body).toContain('لا يحتوي الملف على عمود للبريد الإلكتروني');

    const members = await t.db.kysely.selectFrom('list_members').select('id').execute();
    expect(members).toEqual([]);
  });

  it('judges hostile cells row by row and hostile consent sources by the rules, never answering 500', async () => {
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const lines = ['email,name,country'];
    allHostileText.forEach((v, i) => {
      lines.push(`${quote(`p${i}@example.org`)},${quote(v)},`);
      lines.push(`${quote(v)},Someone,${quote(v.slice(0, 5))}`);
    });
    const res = await upload(
      editor,
      { locale: 'en', consentSource: source },
      { bytes: bytes(lines.join('\r\n')) },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${allHostileText.length * 2} rows read.`);
    expect(res.body).not.toContain('<script>');
    // Addresses are sealed at rest: filter on the opened values, not in SQL.
    const names = (await t.db.kysely.selectFrom('supporters').select(['name', 'email']).execute()).filter(
      (r) => /^p.*@example\.org$/.test(r.email),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const { name } of names)
      expect(['\r', '\n', '\0', '\u202e'].filter((c) => name.includes(c))).toEqual([]);
    for (const v of allHostileText) {
      const hostile = await upload(
        editor,
        { locale: 'en', consentSource: v },
        { bytes: bytes('email\nz@example.org\n') },
      );
      // A NUL in any form field is refused before the route, by the app's one rule (middleware/request-body.ts).
      expect(v.includes('\0') ? [400] : [200, 422]).toContain(hostile.statusCode);
    }
  });

  it('says when a file is over the upload limit or the consent source too long', async () => {
    const small = await createTestApp(dialect, { UPLOAD_MAX_MB: '0.1' }, { seed: false });
    try {
      const who = await signedIn(small, 'editor');
      const big = bytes(`email\n${'someone@example.org\n'.repeat(6_000)}`);
      const res = await upload(who, { locale: 'en', consentSource: source }, { bytes: big }, small);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('The file is too large: at most 0.1 MB.');
      expect(res.body).toContain(source);
    } finally {
      await small.close();
    }
    const long = await upload(
      editor,
      { locale: 'en', consentSource: 'x'.repeat(1_001) },
      { bytes: bytes('email\na@b.org\n') },
    );
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('The consent source is too long: at most 1,000 characters.');
  });

  it('refuses a multipart body without the CSRF token first, and roles without the permission', async () => {
    const forged = await upload(
      { ...editor, csrf: 'x'.repeat(43) },
      { locale: 'es', consentSource: source },
      { bytes: bytes('email\na@b.org\n') },
    );
    expect(forged.statusCode).toBe(403);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/editor/lists/import/report.csv',
      headers: {
        cookie: editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      payload: `_csrf=${editor.csrf}&report=x`,
    });
    expect(crossSite.statusCode).toBe(403);
    for (const role of ['translator', 'partner'] as const) {
      const person = await signedIn(t, role);
      expect((await get(t.app, '/editor/lists', person)).statusCode).toBe(403);
      expect((await get(t.app, '/editor/lists/suppressed', person)).statusCode).toBe(403);
      expect((await get(t.app, '/editor/lists/es/export.csv', person)).statusCode).toBe(403);
      expect((await get(t.app, '/editor', person)).body).not.toContain('href="/editor/lists"');
    }
    expect((await get(t.app, '/editor/lists')).statusCode).toBe(302);
    expect(await t.db.kysely.selectFrom('list_members').select('id').execute()).toEqual([]);
  });

  it('exports a list as CSV with formulas neutralised, audited', async () => {
    const file =
      'email;name;country\nana@example.org;=HYPERLINK("http://evil.example");BR\nerlan@example.org;"Erlan, B.";KZ\n';
    expect(
      (await upload(editor, { locale: 'ar', consentSource: source }, { bytes: bytes(file) })).statusCode,
    ).toBe(200);
    const res = await get(t.app, '/editor/lists/ar/export.csv', editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="list-ar.csv"');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    const joined = new Date(t.services.clock.now()).toISOString();
    expect(lines).toEqual([
      'email,name,country,joined_at,source,consent_text',
      `ana@example.org,"'=HYPERLINK(""http://evil.example"")",BR,${joined},import,"${source}"`,
      `erlan@example.org,"Erlan, B.",KZ,${joined},import,"${source}"`,
    ]);
    expect(await auditEntries(t.db, { entityType: 'list' })).toMatchObject([
      { action: 'list.imported', entity_id: 'ar' },
      { action: 'list.exported', entity_id: 'ar' },
    ]);
    expect((await get(t.app, '/editor/lists/not a tag/export.csv', editor)).statusCode).toBe(404);
  });

  it('lists suppressed addresses with their reason, searched and paged', async () => {
    for (let i = 0; i < 52; i++) {
      const at = Date.UTC(2026, 10, 1) + i;
      await insertSupporter(
        t.db.kysely,
        `bounced${i}@example.org`,
        suppressed(at, i === 51 ? 'complaint' : 'hard_bounce'),
      );
    }
    const first = await get(t.app, '/editor/lists/suppressed', editor);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('bounced51@example.org');
    expect(first.body).toContain('Complaint: reported a mailing as spam');
    expect(first.body).not.toContain('bounced1@example.org');
    const next = /href="(\/editor\/lists\/suppressed\?after=[^"]+)"/
      .exec(first.body)![1]!
      .replaceAll('&amp;', '&');
    const second = await get(t.app, next, editor);
    expect(second.body).toContain('bounced1@example.org');
    expect(second.body).toContain('bounced0@example.org');
    expect(second.body).not.toContain('bounced51@example.org');
    const found = await post(t.app, '/editor/lists/suppressed', editor, { q: 'ED42' });
    expect(found.body).toContain('bounced42@example.org');
    expect(found.body).not.toContain('bounced41@example.org');
    // A search's next page posts the search again: no part of an address in a URL.
    const searched = await post(t.app, '/editor/lists/suppressed', editor, { q: 'Bounced' });
    expect(searched.body).not.toContain('bounced1@example.org');
    expect(searched.body).not.toMatch(/href="[^"]*bounced/i);
    const after = /name="after" value="([^"]+)"/.exec(searched.body)![1]!;
    const more = await post(t.app, '/editor/lists/suppressed', editor, { q: 'Bounced', after });
    expect(more.body).toContain('bounced1@example.org');
    expect((await get(t.app, '/editor/lists/suppressed?after=junk', editor)).statusCode).toBe(400);
    expect((await post(t.app, '/editor/lists/suppressed', editor, { q: 'nobody' })).body).toContain(
      'No suppressed address contains this text.',
    );
  });
});
