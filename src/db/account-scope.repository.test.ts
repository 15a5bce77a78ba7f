// Account scopes on each database: migration 0008 up and down, the scope use cases (attach and detach a
// partner, set a translator's languages) with their refusals and audit entries, the reader the dashboard
// asks, the lists the admin pages show, and rows going with their campaign or account.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDbBefore, insertUser, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import type { Actor } from '../domain/account/account.js';
import { type AccountScopeDeps, translatorLanguageChoices } from '../domain/account/account-scopes.js';
import { attachPartner } from '../domain/account/attach-partner.js';
import { detachPartner } from '../domain/account/detach-partner.js';
import type { Role } from '../domain/account/permissions.js';
import { setTranslatorLanguages } from '../domain/account/set-translator-languages.js';
import type { LanguageStanding } from '../domain/translation/language-standing.js';
import { setLanguageStandings } from '../domain/translation/set-language-standings.js';
import { AccountScopeRepository } from './account-scope.repository.js';
import { CampaignRepository } from './campaign.repository.js';
import { migrateDown, migrateTo } from './migrate.js';
import { UserRepository } from './user.repository.js';

const now = Date.UTC(2026, 10, 23, 9);

describe.each(testDialects)('migration 0008-account-scopes on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());

  it('follows 0007, adds both tables with their keys, and rolls back to 0007', async () => {
    db = await createTestDbBefore(dialect, '0008-account-scopes', '0007-campaign-editor');
    const tables = async () =>
      (await db!.kysely.introspection.getTables())
        // PostgreSQL lists every schema's tables; other test files' schemas live beside ours.
        .filter((t) => db!.searchPath === undefined || t.schema === db!.searchPath)
        .map((t) => t.name)
        .filter((n) => n === 'partner_campaigns' || n === 'translator_languages')
        .sort();
    expect(await tables()).toEqual([]);

    // Up to 0008 only: later migrations come after it, and rolling back one step must undo 0008 itself.
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
    expect(await tables()).toEqual(['partner_campaigns', 'translator_languages']);
    const k = db.kysely;
    const userId = await insertUser(db, { email: 'p@example.org', name: 'P', role: 'partner' }, now);
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), now);
    const row = { user_id: userId, campaign_id: campaignId, created_by: null, created_at: now };
    await k.insertInto('partner_campaigns').values(row).execute();
    await expect(k.insertInto('partner_campaigns').values(row).execute()).rejects.toThrow();
    await expect(
      k
        .insertInto('partner_campaigns')
        .values({ ...row, campaign_id: campaignId + 100 })
        .execute(),
    ).rejects.toThrow();
    const lang = { user_id: userId, locale: 'ar', created_by: null, created_at: now };
    await k.insertInto('translator_languages').values(lang).execute();
    await expect(k.insertInto('translator_languages').values(lang).execute()).rejects.toThrow();

    const down = await migrateDown(db);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toEqual(['0008-account-scopes']);
    expect(await tables()).toEqual([]);
    // 0007's tables are still there, and going up again works.
    await k.selectFrom('campaign_slugs').selectAll().execute();
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
    expect(await tables()).toEqual(['partner_campaigns', 'translator_languages']);
  });
});

describe.each(testDialects)('migration 0030-language-standings on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());

  it('gives every language a standing, plain translator by default, only the three known, and rolls back', async () => {
    db = await createTestDbBefore(dialect, '0030-language-standings', '0029-translator-applications');
    const k = db.kysely;
    const id = await insertUser(db, { email: 't@example.org', name: 'T', role: 'translator' }, now);
    await k
      .insertInto('translator_languages')
      .values({ user_id: id, locale: 'fr', created_by: null, created_at: now })
      .execute();

    expect((await migrateTo(db, '0030-language-standings')).error).toBeUndefined();
    const rows = () =>
      k.selectFrom('translator_languages').select(['locale', 'standing']).orderBy('locale').execute();
    expect(await rows()).toEqual([{ locale: 'fr', standing: 'translator' }]);
    await k
      .insertInto('translator_languages')
      .values({ user_id: id, locale: 'es', standing: 'coordinator', created_by: null, created_at: now })
      .execute();
    await expect(
      k.updateTable('translator_languages').set({ standing: 'admin' }).where('locale', '=', 'fr').execute(),
    ).rejects.toThrow();

    const down = await migrateDown(db);
    expect(down.results?.map((r) => r.migrationName)).toEqual(['0030-language-standings']);
    expect(
      (await k.selectFrom('translator_languages').selectAll().execute()).map((r) =>
        Object.keys(r).includes('standing'),
      ),
    ).toEqual([false, false]);
  });
});

describe.each(testDialects)('account scopes on %s', (dialect) => {
  let db: TestDb;
  let scopes: AccountScopeRepository;
  let deps: AccountScopeDeps;
  let users: UserRepository;
  let campaigns: CampaignRepository;
  let admin: Actor;

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    scopes = new AccountScopeRepository(db);
    deps = { scopes, clock: new FakeClock(now) };
    users = new UserRepository(db);
    campaigns = new CampaignRepository(db);
    admin = { ...(await person('admin', 'ama@example.org')), email: 'ama@example.org' };
  });

  async function person(role: Role, email = `${role}@example.org`) {
    const { id } = await users.upsertWithPassword(
      { email, name: `${role} person`, role, passwordHash: 'x' },
      now,
    );
    return { id, role };
  }

  const audit = () =>
    db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json'])
      .where('action', 'in', ['user.campaign_attached', 'user.campaign_detached', 'user.languages_changed'])
      .orderBy('id')
      .execute();

  it('attaches a partner to a campaign once, detaches it, and records both', async () => {
    const partner = await person('partner');
    const nurses = await campaigns.create(buildCampaign({ slug: 'nurses' }), now);
    const dockers = await campaigns.create(buildCampaign({ slug: 'dockers', status: 'draft' }), now);

    expect(await attachPartner(deps, admin, { userId: partner.id, campaignId: nurses })).toEqual({
      status: 'attached',
    });
    expect(await attachPartner(deps, admin, { userId: partner.id, campaignId: dockers })).toEqual({
      status: 'attached',
    });
    expect(await attachPartner(deps, admin, { userId: partner.id, campaignId: nurses })).toEqual({
      status: 'unchanged',
    });
    expect((await scopes.campaignsOf(partner.id)).sort()).toEqual([nurses, dockers].sort());
    expect((await scopes.attachedCampaigns(partner.id)).map((c) => [c.slug, c.status])).toEqual([
      ['dockers', 'draft'],
      ['nurses', 'live'],
    ]);
    expect((await scopes.attachedCampaigns(partner.id))[1]!.headline).toBe(
      'Korea: Reinstate the dismissed nurses',
    );

    expect(await detachPartner(deps, admin, { userId: partner.id, campaignId: dockers })).toEqual({
      status: 'detached',
    });
    expect(await detachPartner(deps, admin, { userId: partner.id, campaignId: dockers })).toEqual({
      status: 'unchanged',
    });
    expect(await scopes.campaignsOf(partner.id)).toEqual([nurses]);

    const entries = await audit();
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.actor_id])).toEqual([
      ['user.campaign_attached', 'user', String(partner.id), admin.id],
      ['user.campaign_attached', 'user', String(partner.id), admin.id],
      ['user.campaign_detached', 'user', String(partner.id), admin.id],
    ]);
    expect(JSON.parse(entries[0]!.after_json!)).toEqual({ campaignId: nurses, campaign: 'nurses' });
    expect(JSON.parse(entries[2]!.before_json!)).toEqual({ campaignId: dockers, campaign: 'dockers' });
    const row = await db.kysely
      .selectFrom('partner_campaigns')
      .selectAll()
      .where('user_id', '=', partner.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ campaign_id: nurses, created_by: admin.id });
    expect(Number(row.created_at)).toBe(now);
  });

  it('refuses unknown campaigns, other roles and unknown accounts, writing nothing', async () => {
    const partner = await person('partner');
    const editor = await person('editor');
    const nurses = await campaigns.create(buildCampaign(), now);
    expect(await attachPartner(deps, admin, { userId: partner.id, campaignId: nurses + 99 })).toEqual({
      status: 'unknown_campaign',
    });
    expect(await attachPartner(deps, admin, { userId: partner.id, campaignId: undefined })).toEqual({
      status: 'unknown_campaign',
    });
    expect(await attachPartner(deps, admin, { userId: editor.id, campaignId: nurses })).toEqual({
      status: 'wrong_role',
      role: 'editor',
    });
    expect(await attachPartner(deps, admin, { userId: 9_999, campaignId: nurses })).toEqual({
      status: 'not_found',
    });
    expect(await detachPartner(deps, admin, { userId: editor.id, campaignId: nurses })).toEqual({
      status: 'wrong_role',
      role: 'editor',
    });
    expect(await setTranslatorLanguages(deps, admin, { userId: partner.id, locales: ['ar'] })).toMatchObject({
      status: 'wrong_role',
      role: 'partner',
    });
    expect(await setTranslatorLanguages(deps, admin, { userId: 9_999, locales: [] })).toEqual({
      status: 'not_found',
    });
    expect(await db.kysely.selectFrom('partner_campaigns').selectAll().execute()).toEqual([]);
    expect(await db.kysely.selectFrom('translator_languages').selectAll().execute()).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it("sets a translator's languages (known ones only), replaces them, and records before and after", async () => {
    const translator = await person('translator');
    // Kazakh is not offered for new campaigns, but a campaign has a text in it: known.
    await campaigns.create(
      buildCampaign({
        translations: [
          { ...buildCampaign().translations[0]! },
          { ...buildCampaign().translations[0]!, locale: 'kk', status: 'draft' },
        ],
      }),
      now,
    );
    expect(await scopes.contentLanguages()).toEqual(['en', 'kk']);
    expect(translatorLanguageChoices(['en', 'kk'])).toContain('kk');
    expect(translatorLanguageChoices([])).not.toContain('kk');

    const set = (locales: string[]) =>
      setTranslatorLanguages(deps, admin, { userId: translator.id, locales });
    expect(await set(['tl', 'ar', 'kk', 'ar'])).toEqual({ status: 'saved', languages: ['ar', 'kk', 'tl'] });
    expect(await scopes.languagesOf(translator.id)).toEqual(['ar', 'kk', 'tl']);
    expect(await set(['kk', 'tl', 'ar'])).toEqual({ status: 'unchanged', languages: ['ar', 'kk', 'tl'] });
    expect(await set(['ar', 'xx'])).toEqual({ status: 'unknown_language', locale: 'xx' });
    expect(await set(['ar', '<script>'])).toEqual({ status: 'unknown_language', locale: '<script>' });
    expect(await set(Array.from({ length: 201 }, (_, i) => `a${i}`))).toMatchObject({
      status: 'unknown_language',
    });
    expect(await scopes.languagesOf(translator.id)).toEqual(['ar', 'kk', 'tl']);
    expect(await set(['ru'])).toEqual({ status: 'saved', languages: ['ru'] });
    expect(await set([])).toEqual({ status: 'saved', languages: [] });
    expect(await scopes.languagesOf(translator.id)).toEqual([]);

    const entries = await audit();
    expect(entries.map((e) => e.action)).toEqual([
      'user.languages_changed',
      'user.languages_changed',
      'user.languages_changed',
    ]);
    expect(entries.map((e) => [JSON.parse(e.before_json!), JSON.parse(e.after_json!)])).toEqual([
      [{ languages: [] }, { languages: ['ar', 'kk', 'tl'] }],
      [{ languages: ['ar', 'kk', 'tl'] }, { languages: ['ru'] }],
      [{ languages: ['ru'] }, { languages: [] }],
    ]);
  });

  it('keeps a language the translator has even when no campaign uses it any more', async () => {
    const translator = await person('translator');
    await db.kysely
      .insertInto('translator_languages')
      .values({ user_id: translator.id, locale: 'kk', created_by: null, created_at: now })
      .execute();
    expect(
      await setTranslatorLanguages(deps, admin, { userId: translator.id, locales: ['kk', 'fr'] }),
    ).toEqual({ status: 'saved', languages: ['fr', 'kk'] });
  });

  it("lists a campaign's partner accounts (partners only, by name), and rows go with their campaign or account", async () => {
    const zara = await users.upsertWithPassword(
      { email: 'zara@example.org', name: 'Zara', role: 'partner', passwordHash: 'x' },
      now,
    );
    const bo = await users.upsertWithPassword(
      { email: 'bo@example.org', name: 'Bo', role: 'partner', passwordHash: 'x' },
      now,
    );
    const invited = await users.createInvited(
      { email: 'new@example.org', role: 'partner', locale: 'en' },
      now,
    );
    const nurses = await campaigns.create(buildCampaign(), now);
    const other = await campaigns.create(buildCampaign(), now);
    for (const userId of [zara.id, bo.id, invited]) {
      expect(await attachPartner(deps, admin, { userId, campaignId: nurses })).toEqual({
        status: 'attached',
      });
    }
    await attachPartner(deps, admin, { userId: bo.id, campaignId: other });
    // Zara becomes an editor: her attachment stays but no longer counts as access.
    await users.update(zara.id, { role: 'editor' });
    await users.update(bo.id, { disabledAt: now });
    expect(await scopes.partnerAccounts(nurses)).toEqual([
      { id: bo.id, email: 'bo@example.org', name: 'Bo', status: 'disabled' },
      { id: invited, email: 'new@example.org', name: '', status: 'invited' },
    ]);
    expect((await scopes.campaignChoices()).map((c) => c.id)).toEqual([other, nurses]);

    await db.kysely.deleteFrom('campaigns').where('id', '=', nurses).execute();
    expect(await scopes.campaignsOf(bo.id)).toEqual([other]);
    await db.kysely.deleteFrom('users').where('id', '=', bo.id).execute();
    expect(await db.kysely.selectFrom('partner_campaigns').selectAll().execute()).toEqual([]);
  });

  it("sets a translator's standing per language, keeps it when the languages change, and records it", async () => {
    const translator = await person('translator');
    await setTranslatorLanguages(deps, admin, { userId: translator.id, locales: ['fr', 'es'] });
    expect(await scopes.grantsOf(translator.id)).toEqual([
      { locale: 'es', standing: 'translator' },
      { locale: 'fr', standing: 'translator' },
    ]);
    const set = (standings: [string, LanguageStanding][]) =>
      setLanguageStandings(deps, admin, { userId: translator.id, standings: new Map(standings) });
    expect(
      await set([
        ['fr', 'coordinator'],
        ['es', 'trusted'],
      ]),
    ).toEqual({ status: 'saved' });
    expect(await set([['fr', 'coordinator']])).toEqual({ status: 'unchanged' });
    expect(await set([['de', 'trusted']])).toEqual({ status: 'unknown_language', locale: 'de' });
    const partner = await person('partner');
    expect(
      await setLanguageStandings(deps, admin, {
        userId: partner.id,
        standings: new Map([['fr', 'trusted']]),
      }),
    ).toEqual({ status: 'wrong_role', role: 'partner' });

    await setTranslatorLanguages(deps, admin, { userId: translator.id, locales: ['fr', 'de'] });
    expect(await scopes.grantsOf(translator.id)).toEqual([
      { locale: 'de', standing: 'translator' },
      { locale: 'fr', standing: 'coordinator' },
    ]);
    // Taken away and given again, a language starts over as plain translator.
    await setTranslatorLanguages(deps, admin, { userId: translator.id, locales: ['de'] });
    await setTranslatorLanguages(deps, admin, { userId: translator.id, locales: ['de', 'fr'] });
    expect((await scopes.grantsOf(translator.id)).find((g) => g.locale === 'fr')?.standing).toBe(
      'translator',
    );

    const standing = (await audit()).filter((e) => e.before_json?.includes('standing'));
    expect(standing.map((e) => [JSON.parse(e.before_json!), JSON.parse(e.after_json!)])).toEqual([
      [
        { standing: { fr: 'translator', es: 'translator' } },
        { standing: { fr: 'coordinator', es: 'trusted' } },
      ],
    ]);
  });
});
