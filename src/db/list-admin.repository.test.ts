// The lists page's storage on both databases: an import judged row by row against what is stored (dedupe by
// canonical address, the unsubscribed and suppressed never re-added, erased addresses refused), stored in
// one transaction (a failure part-way leaves nothing), counted per list, read back for export, and
// suppressed addresses searched and paged by keyset.
import { describe, expect, it } from 'vitest';
import { blindIndex } from '../../test/blind-index.js';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { FakeClock } from '../../test/fake-clock.js';
import { insertSupporter, suppressed } from '../../test/list-helpers.js';
import { listCsv } from '../domain/list-admin/export-list.js';
import { importSubscribers } from '../domain/list-admin/import-subscribers.js';
import { viewLists, viewSuppressed } from '../domain/list-admin/view-lists.js';
import { erasedEmailKey } from '../security/email-key.js';
import { ListAdminRepository } from './list-admin.repository.js';
import { leaveLists } from './list-membership.writes.js';
import { UserRepository } from './user.repository.js';

const secret = 'test-secret';
let actor = { id: 0, email: 'editor@example.org' };
const source = 'LabourStart English list, double opt-in, exported 2026-11-30';

describe.each(testDialects)('list admin repository on %s', (dialect) => {
  let db: TestDb;
  let repo: ListAdminRepository;
  let clock: FakeClock;
  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    repo = new ListAdminRepository(db);
    clock = new FakeClock();
    const user = await new UserRepository(db).upsertWithPassword(
      { email: actor.email, name: 'Editor', role: 'editor', passwordHash: '' },
      1,
    );
    actor = { id: Number(user.id), email: actor.email };
  });

  const deps = () => ({ lists: repo, clock, erasedKey: (c: string) => erasedEmailKey(secret, c) });
  const csv = (text: string) => ({ bytes: new TextEncoder().encode(text), truncated: false });
  const run = (text: string, locale = 'en') =>
    importSubscribers(deps(), { locale, consentSource: source, file: csv(text), maxMb: 8, actor });

  const supporter = (email: string, extra: { suppressed?: 'hard_bounce' | 'complaint' } = {}) =>
    insertSupporter(db.kysely, email, {
      name: 'Existing',
      country: 'GB',
      ...(extra.suppressed ? suppressed(5, extra.suppressed) : {}),
    });

  async function member(supporterId: number, locale: string, status: 'pending' | 'subscribed') {
    await db.kysely
      .insertInto('list_members')
      .values({
        supporter_id: supporterId,
        locale,
        status,
        source: 'signup',
        consent_id: null,
        confirm_token_hash: status === 'pending' ? 'a'.repeat(64) : null,
        created_at: 2,
        subscribed_at: status === 'subscribed' ? 2 : null,
        unsubscribed_at: null,
      })
      .execute();
  }

  it('judges every row: added, joined, already on list, skipped, erased, invalid, duplicate', async () => {
    const onList = await supporter('on@example.org');
    await member(onList, 'en', 'subscribed');
    const left = await supporter('left@example.org');
    await member(left, 'en', 'subscribed');
    await db.kysely
      .transaction()
      .execute((trx) => leaveLists(trx, { supporterId: left, via: 'one-click', now: 3 }));
    await supporter('bounced@example.org', { suppressed: 'hard_bounce' });
    const other = await supporter('other@example.org');
    await member(other, 'es', 'subscribed');
    const waiting = await supporter('waiting@example.org');
    await member(waiting, 'en', 'pending');
    await db.kysely
      .insertInto('erasures')
      .values({
        email_hmac: erasedEmailKey(secret, 'gone@example.org'),
        via: 'self',
        signatures: 1,
        created_at: 4,
      })
      .execute();

    const result = await run(
      [
        'Name;E-mail;Country',
        'New Person;new.person@example.org;cl',
        'On List;ON@example.org;',
        'Left;left@example.org;',
        'Bounced;bounced@example.org;',
        'Other;other@example.org;',
        'Waiting;waiting@example.org;',
        'Gone;gone+tag@example.org;',
        'Broken;not an address;',
        'Bad country;bad@example.org;XX',
        'Again;New.Person+list@example.org;',
        ';;',
        'Gmail;a.b.c@googlemail.com;',
      ].join('\n'),
    );
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'added'],
      [3, 'already_on_list'],
      [4, 'skipped_unsubscribed'],
      [5, 'skipped_suppressed'],
      [6, 'joined'],
      [7, 'joined'],
      [8, 'erased'],
      [9, 'invalid_email'],
      [10, 'invalid_row'],
      [11, 'duplicate'],
      [13, 'added'],
    ]);
    expect(result.report.counts).toMatchObject({ added: 2, joined: 2, erased: 1, duplicate: 1 });

    const added = await db.kysely
      .selectFrom('supporters')
      .innerJoin('list_members', 'list_members.supporter_id', 'supporters.id')
      .innerJoin('consents', 'consents.id', 'list_members.consent_id')
      .select([
        'supporters.email',
        'supporters.name',
        'supporters.country',
        'list_members.status',
        'list_members.source',
        'consents.scope',
        'consents.text',
        'consents.version',
        'consents.locale',
        'consents.given_at',
      ])
      .where('supporters.email_index', '=', blindIndex('new.person@example.org'))
      .executeTakeFirstOrThrow();
    expect(added).toEqual({
      email: 'new.person@example.org',
      name: 'New Person',
      country: 'CL',
      status: 'subscribed',
      source: 'import',
      scope: 'list',
      text: source,
      version: 'import',
      locale: 'en',
      given_at: clock.now(),
    });
    // The waiting sign-up is now subscribed on the import's consent; the other list is untouched.
    const waitingRow = await db.kysely
      .selectFrom('list_members')
      .select(['status', 'confirm_token_hash'])
      .where('supporter_id', '=', waiting)
      .executeTakeFirstOrThrow();
    expect(waitingRow).toEqual({ status: 'subscribed', confirm_token_hash: null });
    const leftRow = await db.kysely
      .selectFrom('list_members')
      .select('status')
      .where('supporter_id', '=', left)
      .executeTakeFirstOrThrow();
    expect(leftRow.status).toBe('unsubscribed');

    const audit = await db.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'after_json'])
      .where('entity_type', '=', 'list')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('list.imported');
    expect(audit[0]!.entity_id).toBe('en');
    expect(audit[0]!.after_json).not.toContain('@');

    const overview = await viewLists({ lists: repo }, { siteLocales: ['en', 'ar'] });
    expect(overview.lists).toEqual([
      { locale: 'en', subscribed: 5, pending: 0, unsubscribed: 1, lastJoinedAt: clock.now() },
      { locale: 'es', subscribed: 1, pending: 0, unsubscribed: 0, lastJoinedAt: 2 },
    ]);
    expect(overview.importLocales.slice(0, 3)).toEqual(['en', 'es', 'ar']);
    expect(overview.recent[0]!.joinedAt).toBe(clock.now());

    let text = '';
    for await (const chunk of listCsv(repo, 'en')) text += chunk;
    const lines = text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('email,name,country,joined_at,source,consent_text');
    expect(lines).toHaveLength(6);
    expect(lines).toContain(
      `new.person@example.org,New Person,CL,${new Date(clock.now()).toISOString()},import,"${source}"`,
    );
  });

  it('stores nothing when the file fails part-way', async () => {
    const candidates = Array.from({ length: 12_000 }, (_, i) => ({
      row: i + 2,
      email: `p${i}@example.org`,
      // Row 11,002 repeats row 2: the database refuses it in a later statement, after earlier ones succeeded.
      canonical: i === 11_000 ? 'p0@example.org' : `p${i}@example.org`,
      erasedKey: `k${i}`,
      name: '',
      country: null,
    }));
    await expect(
      repo.importSubscribers({
        locale: 'en',
        consent: { text: source, version: 'import', givenAt: 1 },
        candidates,
        audit: (counts) => ({
          actor,
          action: 'list.imported',
          entityType: 'list',
          entityId: 'en',
          after: counts,
          now: 1,
        }),
      }),
    ).rejects.toThrow();
    const lists = await db.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('entity_type', '=', 'list')
      .execute();
    expect(lists).toEqual([]);
    for (const table of ['supporters', 'consents', 'list_members'] as const) {
      const n = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    }
  });

  it('pages suppressed addresses newest first and finds them by part of the address', async () => {
    for (let i = 0; i < 55; i++) {
      await insertSupporter(
        db.kysely,
        `Person${i}@Example.org`,
        suppressed(1_000 + (i % 3), i % 2 === 0 ? 'hard_bounce' : 'soft_bounces'),
      );
    }
    await supporter('fine@example.org');
    const first = await viewSuppressed({ lists: repo }, { search: '', after: null });
    expect(first.rows).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = await viewSuppressed({ lists: repo }, { search: '', after: first.next });
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(55);
    expect(all.map((r) => r.suppressedAt)).toEqual([...all.map((r) => r.suppressedAt)].sort((a, b) => b - a));

    const found = await viewSuppressed({ lists: repo }, { search: 'PERSON5', after: null });
    const expected = [
      'Person5@Example.org',
      'Person50@Example.org',
      'Person51@Example.org',
      'Person52@Example.org',
      'Person53@Example.org',
      'Person54@Example.org',
    ];
    expect(found.rows.map((r) => r.email).sort()).toEqual(expected.sort());
    expect((await viewSuppressed({ lists: repo }, { search: '%', after: null })).rows).toEqual([]);
  });
});
