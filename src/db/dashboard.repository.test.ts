// The dashboard's figures against data made through the real signing write path, on each database: day and
// week boundaries on an injected clock (UTC days, weeks from Monday), the 14-day chart, languages, pending
// and held kept apart, delivery health, translation status, "needs a human", and what each role sees
// (partners and translators only within their scope).
import { describe, expect, it } from 'vitest';
import { firstTargetId, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import type { Role } from '../domain/account/permissions.js';
import { type DashboardDeps, viewDashboard } from '../domain/dashboard/view-dashboard.js';
import type { SignCommand } from '../domain/signature/signature.ports.js';
import { AccountScopeRepository } from './account-scope.repository.js';
import { CampaignRepository } from './campaign.repository.js';
import { DashboardRepository } from './dashboard.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';
import { UserRepository } from './user.repository.js';

const day = 86_400_000;

/** A campaign's texts in these languages, published except the `drafts`. */
const texts = (locales: string[], drafts: string[]) =>
  locales.map((locale) => ({
    locale,
    status: drafts.includes(locale) ? ('draft' as const) : ('published' as const),
    headline: `Headline ${locale}`,
    backgroundMd: 'x',
    defaultMessage: 'x',
    targetSubject: 'x',
    outcomeMd: null,
  }));
// Wednesday 25 November 2026, 10:00 UTC: the week began on Monday the 23rd.
const now = Date.UTC(2026, 10, 25, 10);
const today = Date.UTC(2026, 10, 25);
const monday = Date.UTC(2026, 10, 23);

describe.each(testDialects)('dashboard figures on %s', (dialect) => {
  let db: TestDb;
  let campaigns: CampaignRepository;
  let writer: BatchedSignatureWriter;
  let deps: DashboardDeps;

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    campaigns = new CampaignRepository(db);
    writer = new BatchedSignatureWriter(db);
    deps = { reader: new DashboardRepository(db), clock: new FakeClock(now) };
  });

  const sign = (campaignId: number, at: number, overrides: Partial<SignCommand> = {}) =>
    writer.record(buildSignCommand(campaignId, { status: 'confirmed', now: at, ...overrides }));

  async function story() {
    const a = await campaigns.create(
      buildCampaign({ slug: 'nurses', goal: 10_000, endsAt: now + 3 * day }),
      now - 30 * day,
    );
    const b = await campaigns.create(buildCampaign({ slug: 'dockers', endsAt: now + 30 * day }), now);
    const closed = await campaigns.create(buildCampaign({ slug: 'old', status: 'closed' }), now);
    await sign(a, today, { locale: 'en' }); // midnight exactly: today
    await sign(a, today + 5 * 3_600_000, { locale: 'en' });
    await sign(a, today - 1, { locale: 'ar' }); // yesterday's last millisecond
    await sign(a, monday, { locale: 'tl' }); // the week's first millisecond
    await sign(a, monday - 1, { locale: 'en' }); // Sunday: last week
    await sign(a, today - 13 * day, { locale: 'ar' }); // the chart's first day
    await sign(a, today - 13 * day - 1, { locale: 'en' }); // just before the chart
    await sign(a, today + 60_000, { status: 'pending', locale: 'en' });
    await sign(a, today + 120_000, { status: 'held', locale: 'ar' });
    await sign(a, today + 180_000, { status: 'held', locale: 'ar' });
    await sign(b, today + 1000, { locale: 'tl' });
    await sign(closed, today + 1000);
    return { a, b, closed };
  }

  it('counts today, this week, overall and the last 14 days from confirmed signatures only', async () => {
    await story();
    const view = await viewDashboard(deps, { role: 'editor' });
    expect(view.todayStart).toBe(today);
    expect(view.weekStart).toBe(monday);
    expect(view.days).toHaveLength(14);
    expect(view.days[0]).toBe(today - 13 * day);
    expect(view.figures?.map((c) => c.slug)).toEqual(['dockers', 'nurses']);
    const nurses = view.figures!.find((c) => c.slug === 'nurses')!;
    expect(nurses).toMatchObject({ today: 2, week: 4, total: 7, pending: 1, held: 2, goal: 10_000 });
    expect(nurses.days).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    expect(nurses.languages).toEqual([
      { locale: 'en', n: 4 },
      { locale: 'ar', n: 2 },
      { locale: 'tl', n: 1 },
    ]);
    const dockers = view.figures!.find((c) => c.slug === 'dockers')!;
    expect(dockers).toMatchObject({ today: 1, week: 1, total: 1, pending: 0, held: 0 });
    expect(dockers.languages).toEqual([{ locale: 'tl', n: 1 }]);
  });

  it('moves the boundaries with the clock: on Monday morning last week is no longer counted', async () => {
    await story();
    (deps.clock as FakeClock).set(Date.UTC(2026, 10, 30, 0, 30));
    const view = await viewDashboard(deps, { role: 'editor' });
    expect(view.weekStart).toBe(Date.UTC(2026, 10, 30));
    const nurses = view.figures!.find((c) => c.slug === 'nurses')!;
    expect(nurses).toMatchObject({ today: 0, week: 0, total: 7 });
    // Five days later the chart starts on the 17th: the two oldest signatures have left it.
    expect(nurses.days.reduce((a, n) => a + n, 0)).toBe(5);
  });

  it('shows held signatures, bounced addresses, campaigns ending within a week and delivery health', async () => {
    const { a } = await story();
    const k = db.kysely;
    // Three targets each: seven confirmed signatures on `nurses`, one on `dockers`, one on `old`.
    const messages = await k.selectFrom('messages').select(['id', 'campaign_id']).orderBy('id').execute();
    expect(messages).toHaveLength(7 * 3 + 3 + 3);
    await k.updateTable('messages').set({ status: 'deferred' }).where('id', '=', messages[0]!.id).execute();
    await k
      .updateTable('messages')
      .set({ status: 'unknown' })
      .where('id', 'in', [messages[1]!.id, messages[2]!.id])
      .execute();
    const targetId = await firstTargetId(db, a);
    await k
      .updateTable('targets')
      .set({ status: 'bounced', bounced_at: now - 3_600_000, last_error: '550 5.1.1 User unknown' })
      .where('id', '=', targetId)
      .execute();
    await k
      .insertInto('alerts')
      .values([
        {
          kind: 'target_bounced',
          campaign_id: a,
          target_id: targetId,
          domain: null,
          detail: 'x',
          created_at: now,
        },
        {
          kind: 'domain_paused',
          campaign_id: null,
          target_id: null,
          domain: 'x.org',
          detail: 'y',
          created_at: now,
          resolved_at: now,
        },
      ])
      .execute();
    await k
      .insertInto('mail_domains')
      .values({ domain: 'labour.example.org', paused_at: now, paused_reason: '554 5.7.1', updated_at: now })
      .execute();

    const view = await viewDashboard(deps, { role: 'admin' });
    expect(view.delivery).toMatchObject({
      queued: 24,
      deferred: 1,
      unknown: 2,
      held: 0,
      openAlerts: 1,
      pausedDomains: 1,
    });
    expect(view.delivery!.bouncedTargets).toEqual([
      {
        campaignSlug: 'nurses',
        targetId,
        name: 'Hospital director',
        email: 'director@hospital.example.org',
        bouncedAt: now - 3_600_000,
        lastError: '550 5.1.1 User unknown',
      },
    ]);
    expect(view.needs).toMatchObject({
      held: [{ slug: 'nurses', n: 2 }],
      endingSoon: [{ slug: 'nurses', endsAt: now + 3 * day, reminderSentAt: null }],
      unknown: 2,
      openAlerts: 1,
    });
    expect(view.needs!.bounced).toHaveLength(1);
    expect(view.needs).not.toHaveProperty('requestsWaiting');

    const withRequests = await viewDashboard(
      { ...deps, requests: { waiting: async () => 4 } },
      { role: 'editor' },
    );
    expect(withRequests.needs?.requestsWaiting).toBe(4);
  });

  it('marks translations made from an older source revision', async () => {
    const id = await campaigns.create(
      buildCampaign({
        slug: 'draft-one',
        status: 'draft',
        translations: texts(['en', 'fr', 'de', 'es'], ['es']),
      }),
      now,
    );
    const set = (locale: string, values: { revision?: number; source_revision?: number }) =>
      db.kysely
        .updateTable('campaign_translations')
        .set(values)
        .where('campaign_id', '=', id)
        .where('locale', '=', locale)
        .execute();
    await set('en', { revision: 3 });
    await set('fr', { source_revision: 3 });
    await set('de', { source_revision: 2 });
    const view = await viewDashboard(deps, { role: 'editor' });
    expect(view.translations).toEqual([
      {
        slug: 'draft-one',
        headline: 'Headline en',
        status: 'draft',
        sourceLocale: 'en',
        source: 'published',
        languages: [
          { locale: 'de', status: 'published', outdated: true },
          { locale: 'es', status: 'draft', outdated: true },
          { locale: 'fr', status: 'published', outdated: false },
        ],
      },
    ]);
    // Made with the source at its first revision (not recorded: 0): current until the source changes.
    await set('en', { revision: 1 });
    const fresh = await viewDashboard(deps, { role: 'editor' });
    expect(fresh.translations![0]!.languages.every((l) => !l.outdated)).toBe(true);
  });

  it('shows each role only what it may see', async () => {
    const { a, b } = await story();
    const scoped = { ...deps, scopes: new AccountScopeRepository(db) };
    const users = new UserRepository(db);
    const person = (role: Role) =>
      users.upsertWithPassword({ email: `${role}@example.org`, name: role, role, passwordHash: 'x' }, now);
    const p = await person('partner');
    const tr = await person('translator');
    await db.kysely
      .insertInto('partner_campaigns')
      .values(
        [a, b].map((campaign_id) => ({ user_id: p.id, campaign_id, created_by: null, created_at: now })),
      )
      .execute();
    await db.kysely
      .insertInto('translator_languages')
      .values({ user_id: tr.id, locale: 'tl', created_by: null, created_at: now })
      .execute();
    const partner = await viewDashboard(
      { ...scoped, requests: { waiting: async () => 4 } },
      { role: 'partner', id: p.id },
    );
    expect(partner.figures).toHaveLength(2);
    expect(partner.scope).toEqual({ campaigns: 2 });
    expect(partner).not.toHaveProperty('delivery');
    expect(partner).not.toHaveProperty('translations');
    expect(partner).not.toHaveProperty('needs');
    const translator = await viewDashboard(scoped, { role: 'translator', id: tr.id });
    expect(translator.translations?.map((c) => c.slug)).toEqual(['dockers', 'nurses']);
    expect(translator.scope).toEqual({ languages: ['tl'] });
    expect(translator).not.toHaveProperty('figures');
    expect(translator).not.toHaveProperty('delivery');
    expect(translator).not.toHaveProperty('needs');
    const editor = await viewDashboard(deps, { role: 'editor' });
    expect(Object.keys(editor)).toEqual(
      expect.arrayContaining(['figures', 'delivery', 'translations', 'needs']),
    );
  });

  it('limits a partner to its campaigns and a translator to its languages, and without a scope shows neither', async () => {
    const { a } = await story();
    await campaigns.create(
      buildCampaign({
        slug: 'x',
        translations: texts(['en', 'ar', 'tl'], ['ar', 'tl']),
      }),
      now,
    );
    const reader = (campaignIds: number[], languages: string[]) => ({
      campaignsOf: async () => campaignIds,
      languagesOf: async () => languages,
    });

    const partner = await viewDashboard({ ...deps, scopes: reader([a], []) }, { role: 'partner', id: 7 });
    expect(partner.figures?.map((c) => c.slug)).toEqual(['nurses']);
    expect(partner.scope).toEqual({ campaigns: 1 });
    const nobody = await viewDashboard({ ...deps, scopes: reader([], []) }, { role: 'partner', id: 7 });
    expect(nobody.figures).toEqual([]);
    expect(nobody.scope).toEqual({ campaigns: 0 });
    // Fail closed: no reader, or no account id, and a partner sees no campaign at all.
    expect((await viewDashboard(deps, { role: 'partner', id: 7 })).figures).toEqual([]);
    expect((await viewDashboard({ ...deps, scopes: reader([a], []) }, { role: 'partner' })).figures).toEqual(
      [],
    );

    const translator = await viewDashboard(
      { ...deps, scopes: reader([], ['ar']) },
      { role: 'translator', id: 8 },
    );
    const x = translator.translations!.find((c) => c.slug === 'x')!;
    expect(x.source).toBe('published');
    expect(x.languages.map((l) => l.locale)).toEqual(['ar']);
    const none = await viewDashboard({ ...deps, scopes: reader([], []) }, { role: 'translator', id: 8 });
    expect(none.translations).toEqual([]);
    expect(none.scope).toEqual({ languages: [] });
    expect((await viewDashboard(deps, { role: 'translator', id: 8 })).translations).toEqual([]);
    // Editors and admins are not scoped: every language, every campaign.
    const editor = await viewDashboard({ ...deps, scopes: reader([], []) }, { role: 'editor', id: 9 });
    expect(editor.translations!.find((c) => c.slug === 'x')!.languages.map((l) => l.locale)).toEqual([
      'ar',
      'tl',
    ]);
    expect(editor.figures?.length).toBe(3);
    expect(editor).not.toHaveProperty('scope');
  });
});
