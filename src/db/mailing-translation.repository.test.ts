// Mailings' language versions on each database: the board's mailings (cancelled ones and those sent more
// than 30 days ago left out) and languages (the lists' and the translators'), the checked write (a stale
// token is refused, two writes from the same copy: one wins), its audit entry, and the sender's read of
// published versions plus the source, with the version each recipient gets and the note when theirs is
// missing, in the interface catalogs' languages.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { goodPasswordHash } from '../../test/editor-helpers.js';
import { insertListMember, insertMailing } from '../../test/mailing-translation-helpers.js';
import type { MailingField } from '../domain/mailing-translation/mailing-translation.js';
import { pickVersion } from '../domain/mailing-translation/pick-version.js';
import type { StepWrite } from '../domain/translation/translation-steps.js';
import { translatorFor } from '../i18n/translator.js';
import { MailingTranslationRepository } from './mailing-translation.repository.js';
import { UserRepository } from './user.repository.js';

const now = Date.UTC(2026, 10, 23, 9);
const day = 24 * 60 * 60 * 1000;

const spanish = {
  subject: 'Erlan está libre',
  preheader: 'Gracias a los 7.000',
  bodyMd: 'Erlan es **libre**.',
};

describe.each(testDialects)('mailing translations on %s', (dialect) => {
  let db: TestDb;
  let repo: MailingTranslationRepository;
  let actor: { id: number; email: string };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    repo = new MailingTranslationRepository(db);
    const users = new UserRepository(db);
    const id = (
      await users.upsertWithPassword(
        { email: 'eda@example.org', name: 'Eda', role: 'editor', passwordHash: await goodPasswordHash() },
        now,
      )
    ).id;
    actor = { id, email: 'eda@example.org' };
  });

  const change = (over: Partial<StepWrite<MailingField>> = {}): StepWrite<MailingField> => ({
    expectedToken: '0.1',
    texts: spanish,
    status: 'draft',
    sourceRevision: 1,
    upToDate: true,
    reviewNote: null,
    action: 'translation.saved',
    audit: { before: { status: 'missing' }, after: { status: 'draft' } },
    actor,
    now,
    ...over,
  });

  it('lists the mailings still in play with their versions, and the languages of lists and translators', async () => {
    const draft = await insertMailing(db.kysely, { now, subject: 'Launch' });
    const recent = await insertMailing(db.kysely, { now, status: 'sent', finishedAt: now - 29 * day });
    await insertMailing(db.kysely, { now, status: 'sent', finishedAt: now - 31 * day });
    await insertMailing(db.kysely, { now, status: 'cancelled' });
    expect(await repo.write({ mailingId: draft, locale: 'es' }, change())).toBe('saved');

    const board = await repo.board(now - 30 * day);
    expect(board.map((m) => m.id)).toEqual([recent, draft]);
    expect(board[1]).toMatchObject({
      subject: 'Launch',
      status: 'draft',
      sourceLocale: 'en',
      sourceRevision: 1,
    });
    expect(board[1]!.translations).toEqual([
      { locale: 'es', status: 'draft', sourceRevision: 1, updatedAt: now, updatedBy: 'eda@example.org' },
    ]);

    expect(await repo.listLanguages()).toEqual([]);
    await insertListMember(db.kysely, 'ana@example.org', 'es', now);
    await insertListMember(db.kysely, 'ben@example.org', 'en', now);
    await insertListMember(db.kysely, 'cai@example.org', 'es', now);
    await db.kysely
      .insertInto('translator_languages')
      .values({ user_id: actor.id, locale: 'tl', created_by: null, created_at: now })
      .execute();
    expect(await repo.listLanguages()).toEqual(['en', 'es', 'tl']);
  });

  it('writes only from the stored copy, bumps the revision, audits, and lets one of two racing writes win', async () => {
    const id = await insertMailing(db.kysely, { now });
    const at = { mailingId: id, locale: 'es' };
    expect((await repo.work(id, 'es'))!.translation).toBeNull();
    expect(await repo.work(id + 100, 'es')).toBeUndefined();
    expect(await repo.write(at, change({ expectedToken: '3.1' }))).toBe('stale');
    expect(await repo.write(at, change())).toBe('saved');

    const work = (await repo.work(id, 'es'))!;
    expect(work.translation).toMatchObject({ ...spanish, status: 'draft', revision: 1, sourceRevision: 1 });
    expect(work.source).toMatchObject({ subject: 'Erlan is free', revision: 1 });
    // The copy the first write was made from is gone: the same token is stale now.
    expect(await repo.write(at, change())).toBe('stale');

    // PostgreSQL: a second connection; SQLite: one process writes through one connection, in turn.
    const other = new MailingTranslationRepository(dialect === 'postgres' ? db.reopen() : db);
    const outcomes = await Promise.all([
      repo.write(at, change({ expectedToken: '1.1', texts: { ...spanish, subject: 'Uno' } })),
      other.write(at, change({ expectedToken: '1.1', texts: { ...spanish, subject: 'Dos' } })),
    ]);
    expect(outcomes.sort()).toEqual(['saved', 'stale']);
    expect((await repo.work(id, 'es'))!.translation!.revision).toBe(2);

    const audit = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_type', 'entity_id'])
      .where('action', 'like', 'translation.%')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'translation.saved', entity_type: 'mailing' });
    expect(String(audit[0]!.entity_id)).toBe(String(id));
  });

  it('gives the sender published versions and the source, and each recipient theirs or the source with a note', async () => {
    const id = await insertMailing(db.kysely, { now });
    await repo.write({ mailingId: id, locale: 'es' }, change({ status: 'published' }));
    await repo.write({ mailingId: id, locale: 'ar' }, change({ status: 'in_review' }));
    await repo.write({ mailingId: id, locale: 'tl' }, change({ status: 'draft' }));
    const versions = await repo.mailingVersions(id);
    expect([...versions.keys()].sort()).toEqual(['en', 'es']);
    expect(versions.get('es')).toEqual(spanish);
    expect(versions.get('en')!.subject).toBe('Erlan is free');
    expect((await repo.mailingVersions(id + 100)).size).toBe(0);

    const pick = (locale: string) => pickVersion(versions, 'en', locale, translatorFor);
    expect(pick('es')).toEqual({ locale: 'es', texts: spanish, note: null });
    expect(pick('es-MX').locale).toBe('es');
    expect(pick('en').note).toBeNull();
    // Arabic and Tagalog readers get the English text with a note in their own language.
    const ar = pick('ar');
    expect(ar.locale).toBe('en');
    expect(ar.texts.subject).toBe('Erlan is free');
    expect(ar.note).toContain('العربية');
    expect(pick('tl').note).toMatch(/^Wala pang bersiyon/);
    expect(pick('tl').note).not.toBe(
      translatorFor('en').t('translations.mailing.missingNote', { language: 'Tagalog', source: 'English' }),
    );
    // German has the note in its catalog: in German, as the frame around it.
    expect(pick('de').note).toBe(
      translatorFor('de').t('translations.mailing.missingNote', { language: 'Deutsch', source: 'Englisch' }),
    );
    // Swahili's catalog has no editor strings (the note is one): the note is in the language of the text.
    expect(pick('sw').note).toBe(
      translatorFor('en').t('translations.mailing.missingNote', { language: 'Swahili', source: 'English' }),
    );
  });
});
