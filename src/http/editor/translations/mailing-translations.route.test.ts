// Mailing translation through the real routes on each database: the board's Mailings section (the lists'
// languages as columns, a translator's own language only, cancelled mailings left out); a translator
// given Spanish drafts, submits; a reviewer sends it back with a note, then publishes, and the sender's
// read has the Spanish version. Also: other languages refused to the translator, translators cannot
// publish or send back, a save made on an older copy answers 409 keeping the input, bad input answers a
// translated error and stores nothing, a changed source shows "source changed" until marked updated, and a
// mailing that started sending is read-only.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { auditTrail, testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { sentBackThenPublished } from '../../../../test/http-audit.js';
import { insertListMember, insertMailing } from '../../../../test/mailing-translation-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import {
  expectIncompleteDraft,
  expectSavedOver,
  press,
  sendBackAt,
  spanishDesk,
  tokenOf,
  translationDay,
} from '../../../../test/translator-helpers.js';
import { MailingTranslationRepository } from '../../../db/mailing-translation.repository.js';
import { translatorFor } from '../../../i18n/translator.js';

const spanish = {
  subject: 'Erlan está libre',
  preheader: 'Gracias a los 7.000 que escribieron',
  bodyMd: 'Erlan Baltabay está **libre**. Gracias por escribir.',
};

const html = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

describe.each(testDialects)('mailing translation on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let translator: Browser;
  let mailingId: number;
  let es: string;

  appPerTest(dialect, { at: translationDay }, async (app) => {
    t = app.t;
    ({ editor, translator } = await spanishDesk(t));
    const now = t.services.clock.now();
    mailingId = await insertMailing(t.db.kysely, { now, subject: 'Erlan is free' });
    await insertMailing(t.db.kysely, { now, subject: 'Called off', status: 'cancelled' });
    await insertListMember(t.db.kysely, 'ana@example.org', 'es', now);
    await insertListMember(t.db.kysely, 'kai@example.org', 'de', now);
    es = `/editor/translations/mailings/${mailingId}/es`;
  });

  /** Presses a button of the Spanish form as `who`, with the token the page gives them now. */
  const step = (who: Browser, fields: Record<string, string | string[]>, intent: string) =>
    press(t, es, who, intent, fields);
  const sendBack = (who: Browser, note: string) => sendBackAt(t, es, who, note);

  it('takes a mailing from missing to published in Spanish, and the sender reads that version', async () => {
    const board = (await get(t.app, '/editor/translations', editor)).body;
    expect(board).toContain('id="mailings"');
    expect(board).toContain('Erlan is free');
    expect(board).not.toContain('Called off');
    // The lists' languages are columns: German has subscribers, so an editor sees it.
    expect(board).toContain(`href="/editor/translations/mailings/${mailingId}/de"`);
    const own = (await get(t.app, '/editor/translations', translator)).body;
    expect(own).toContain(`href="${es}"`);
    expect(own).not.toContain(`/editor/translations/mailings/${mailingId}/de"`);
    expect(own).toMatch(
      new RegExp(`data-mailing="${mailingId}"[\\s\\S]*?data-locale="es"[^>]*>[\\s\\S]*?missing`),
    );

    const page = await get(t.app, es, translator);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Subject in Spanish');
    expect(page.body).toContain('Body in English (source)');

    await expectIncompleteDraft(t, es, translator, { subject: spanish.subject });
    const submitted = await step(translator, spanish, 'submit');
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`${es}?done=submitted`);

    expect((await step(translator, spanish, 'publish')).statusCode).toBe(403);
    expect((await sendBack(translator, 'x')).statusCode).toBe(403);
    expect((await sendBack(editor, '')).statusCode).toBe(422);
    const back = await sendBack(editor, 'Say "sindicalista", not "gremialista".');
    expect(back.statusCode).toBe(303);
    expect(html((await get(t.app, es, translator)).body)).toContain('Say "sindicalista", not "gremialista".');
    await step(translator, spanish, 'submit');

    const versions = new MailingTranslationRepository(t.db);
    expect([...(await versions.mailingVersions(mailingId)).keys()]).toEqual(['en']);
    const published = await step(editor, spanish, 'publish');
    expect(published.statusCode).toBe(303);
    const after = await get(t.app, published.headers.location as string, editor);
    expect(html(after.body)).toContain("recipients on this language's list will get this version");
    expect((await versions.mailingVersions(mailingId)).get('es')).toEqual(spanish);
    expect((await get(t.app, '/editor/translations', editor)).body).toMatch(
      new RegExp(`data-mailing="${mailingId}"[\\s\\S]*?data-locale="es"[^>]*>[\\s\\S]*?published`),
    );

    const actions = await auditTrail(t.db, 'translation.');
    expect(actions.map((a) => a.action)).toEqual(sentBackThenPublished);
    expect(new Set(actions.map((a) => a.entity_type))).toEqual(new Set(['mailing']));
  });

  it('refuses other languages, unknown mailings, a save on an older copy and bad input, storing nothing', async () => {
    expect((await get(t.app, `/editor/translations/mailings/${mailingId}/fr`, translator)).statusCode).toBe(
      403,
    );
    expect((await get(t.app, `/editor/translations/mailings/${mailingId}/fr`, editor)).statusCode).toBe(200);
    expect((await get(t.app, `/editor/translations/mailings/${mailingId}/en`, editor)).statusCode).toBe(404);
    expect((await get(t.app, `/editor/translations/mailings/${mailingId + 99}/es`, editor)).statusCode).toBe(
      404,
    );
    expect((await get(t.app, '/editor/translations/mailings/1e3/es', editor)).statusCode).toBe(404);
    for (const id of ['999999999999999', '9'.repeat(40), '0', '-1', '%2e%2e']) {
      expect((await get(t.app, `/editor/translations/mailings/${id}/es`, editor)).statusCode, id).toBe(404);
    }
    expect(
      (await get(t.app, `/editor/translations/mailings/${mailingId}/not a tag`, editor)).statusCode,
    ).toBe(404);

    await expectSavedOver(t, es, { mine: translator, theirs: editor }, spanish, 'subject');

    // Bad input, in an Arabic interface: translated answers, nothing stored.
    const arabic = await signedIn(t, 'editor', { email: 'rana@example.org', locale: 'ar' });
    const ar = translatorFor('ar');
    const before = await new MailingTranslationRepository(t.db).work(mailingId, 'es');
    const long = await step(arabic, { ...spanish, subject: 'x'.repeat(201) }, 'save');
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain(ar.t('translations.error.tooLong'));
    const injected = await step(arabic, { ...spanish, subject: 'Hola\r\nBcc: all@example.org' }, 'save');
    expect(injected.statusCode).toBe(422);
    expect(injected.body).toContain(ar.t('translations.error.invalidCharacters'));
    const twice = await step(arabic, { subject: ['a', 'b'] }, 'save');
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain(ar.t('error.badRequest.title'));
    expect(await new MailingTranslationRepository(t.db).work(mailingId, 'es')).toEqual(before);
  });

  it('shows a changed source until the translation is marked updated, and a sending mailing read-only', async () => {
    await step(translator, spanish, 'save');
    await t.db.kysely
      .updateTable('mailings')
      .set({ body_md: 'Erlan is **free**. The appeal succeeded.', revision: 2 })
      .where('id', '=', mailingId)
      .execute();
    expect((await get(t.app, '/editor/translations', translator)).body).toMatch(
      new RegExp(`data-mailing="${mailingId}"[\\s\\S]*?data-locale="es"[^>]*>[\\s\\S]*?source changed`),
    );
    const stale = (await get(t.app, es, translator)).body;
    expect(stale).toContain('id="source-changed"');
    expect(stale).toContain('Mailings do not keep their earlier source text');
    expect(stale).toContain('The appeal succeeded.');
    await step(translator, spanish, 'save');
    expect((await get(t.app, es, translator)).body).toContain('id="source-changed"');
    await step(translator, { ...spanish, markUpdated: 'yes' }, 'save');
    expect((await get(t.app, es, translator)).body).not.toContain('id="source-changed"');

    await t.db.kysely
      .updateTable('mailings')
      .set({ status: 'sending' })
      .where('id', '=', mailingId)
      .execute();
    const closed = await get(t.app, es, editor);
    expect(closed.body).toContain('started sending or was sent');
    expect(closed.body).not.toContain('name="intent"');
    const token = tokenOf(closed.body);
    const refused = await post(t.app, es, editor, { token, ...spanish, subject: 'Otro', intent: 'publish' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('started sending or was sent');
    const work = await new MailingTranslationRepository(t.db).work(mailingId, 'es');
    expect(work!.translation).toMatchObject({ subject: spanish.subject, status: 'draft' });
  });
});
