// "My account" on each database: a translator sees each of their languages with their standing in it and
// one sentence on what it lets them do (decision 0039), in their interface language; an editor, who carries
// no standings, sees no such list.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { createPerson, get, sessionFor, signedIn } from '../../../../test/editor-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('my account on %s', (dialect) => {
  let t: TestApp;
  appPerTest(dialect, { seed: false }, (app) => {
    t = app.t;
  });

  async function translator(locale: string, standings: Record<string, string>) {
    const person = await createPerson(t, 'translator', { email: `tr-${locale}@example.org`, locale });
    for (const [language, standing] of Object.entries(standings)) {
      await t.db.kysely
        .insertInto('translator_languages')
        .values({ user_id: person.id, locale: language, standing, created_by: null, created_at: 0 })
        .execute();
    }
    return sessionFor(t, person);
  }

  /** The "My languages" list as (language, text) pairs, tags dropped. */
  const standingsOn = (html: string) => {
    const list = /<section class="editor-panel" id="my-languages">([\s\S]*?)<\/section>/.exec(html)?.[1];
    if (list === undefined) return null;
    const text = (s: string) =>
      s
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    return [...list.matchAll(/<dt>([\s\S]*?)<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((m) => [
      text(m[1]!),
      text(m[2]!),
    ]);
  };

  it('shows a translator their standing in each language and what it lets them do', async () => {
    const browser = await translator('en', { fr: 'coordinator', es: 'trusted', de: 'translator' });
    const page = await get(t.app, '/editor/account', browser);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2>My languages</h2>');
    expect(standingsOn(page.body)).toEqual([
      ['German', 'Translator You translate and send your work for review.'],
      ['Spanish', 'Trusted translator You translate and publish your own work without review.'],
      [
        'French',
        "Coordinator You review this language: you publish or send back anyone's translation and keep its glossary.",
      ],
    ]);
  });

  it('speaks the translator’s interface language', async () => {
    const browser = await translator('ar', { fr: 'coordinator' });
    const page = await get(t.app, '/editor/account', browser);
    expect(page.body).toContain('<h2>لغاتي</h2>');
    expect(standingsOn(page.body)).toEqual([
      ['الفرنسية', 'منسّق تراجع هذه اللغة: تنشر ترجمة أي شخص أو تعيدها إليه، وتحافظ على مسردها.'],
    ]);
  });

  it('lists no standings for an editor, who reviews every language', async () => {
    const editor = await signedIn(t, 'editor');
    const page = await get(t.app, '/editor/account', editor);
    expect(page.statusCode).toBe(200);
    expect(standingsOn(page.body)).toBeNull();
  });
});
