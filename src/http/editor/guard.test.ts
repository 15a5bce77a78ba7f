// Walks every route registered under /editor (discovered from the app, so routes added later are walked
// too) as every role and as an anonymous visitor: anonymous → 302 to the login page, a role without the
// permission → 403, a role with it → the page (GET 200) or its answer (never 403, never sent to log in).
// Every non-GET must also refuse a missing CSRF token and a cross-site request.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import {
  anonymousForm,
  type Browser,
  createPerson,
  type Person,
  post,
  sessionFor,
} from '../../../test/editor-helpers.js';
import { insertMailing } from '../../../test/mailing-translation-helpers.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { can, roles } from '../../domain/account/permissions.js';
import { editorDeps } from './deps.js';
import { installEditorGuard } from './guard.js';

describe.each(testDialects)('editor route permissions on %s', (dialect) => {
  let t: TestApp;
  let accounts: Record<string, Person>;
  let victim: Person;
  let mailingId: number;
  let dossierId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    accounts = {};
    for (const role of roles) accounts[role] = await createPerson(t, role);
    victim = await createPerson(t, 'editor', { email: 'victim@example.org' });
    // The translator works in Spanish, the language the translation routes are walked in.
    // ... as its coordinator, so the routes only a language's reviewers may use are walked as allowed too.
    await t.services.scopes.transaction(async (unit) => {
      await unit.setLanguages(accounts.translator!.id, ['es'], accounts.admin!.id, t.services.clock.now());
      await unit.setStanding(accounts.translator!.id, 'es', 'coordinator');
    });
    // The partner account is attached to the campaign the walk uses: its CSV export is the partner's too.
    const campaign = await t.services.campaigns.findBySlug('kazakhstan-free-erlan-baltabay');
    await t.services.scopes.transaction((unit) =>
      unit.attach(accounts.partner!.id, campaign!.id, accounts.admin!.id, t.services.clock.now()),
    );
    // A draft mailing in English: the mailing translation routes are walked in Spanish.
    mailingId = await insertMailing(t.db.kysely, { now: t.services.clock.now() });
    // A finished dossier of that campaign, so its download answers as it would for a real one.
    const now = t.services.clock.now();
    dossierId = await t.services.dossiers.store.create({
      campaignId: campaign!.id,
      kind: 'pdf',
      locale: 'en',
      countries: [],
      createdBy: accounts.admin!.id,
      now,
      expiresAt: now + 86_400_000,
    });
    await t.services.dossiers.store.finish(dossierId, {
      file: new Uint8Array([37, 80, 68, 70]),
      pages: 1,
      signers: 0,
      now,
    });
  });
  afterAll(async () => t.close());

  // Campaign routes need a campaign: the first demo one, seeded below.
  const urlOf = (url: string) =>
    url
      .replace(':mailingId', String(mailingId))
      .replace(':dossierId', String(dossierId))
      .replace(':id', String(victim.id))
      .replace(':token', 'unknownunknownunknownunknown1234')
      .replace(':slug', 'kazakhstan-free-erlan-baltabay')
      .replace(':domain', 'example.org')
      // The demo's waiting union request; approving or declining it on the walk harms nothing.
      .replace(':requestId', '1')
      .replace(':locale', 'en')
      .replace(':language', 'es')
      // A demo target and partner (the first rows seeded); removing them on the walk harms nothing.
      .replace(':targetId', '1')
      .replace(':partnerId', '1');

  it('knows the editor routes from the app itself, with the permissions we meant', () => {
    const table = Object.fromEntries(t.app.editorRoutes.map((r) => [`${r.method} ${r.url}`, r.permission]));
    // Later features add routes; these must keep their permission unless changed on purpose.
    expect(table).toMatchObject({
      'GET /editor': 'editor:enter',
      'GET /editor/login': 'anonymous',
      'POST /editor/login': 'anonymous',
      'POST /editor/logout': 'editor:enter',
      'GET /editor/account': 'account:edit-own',
      'POST /editor/account/password': 'account:edit-own',
      'GET /editor/users': 'users:manage',
      'POST /editor/users/invite': 'users:manage',
      'POST /editor/users/:id/role': 'users:manage',
      'POST /editor/users/:id/disable': 'users:manage',
      'POST /editor/users/:id/revoke-sessions': 'users:manage',
      'POST /editor/users/:id/campaigns': 'users:manage',
      'POST /editor/users/:id/campaigns/remove': 'users:manage',
      'POST /editor/users/:id/languages': 'users:manage',
      'GET /editor/audit': 'audit:read',
      'GET /editor/campaigns': 'campaigns:read',
      'GET /editor/campaigns/:slug': 'campaigns:read',
      'POST /editor/campaigns/:slug/submit': 'campaigns:publish',
      'POST /editor/campaigns/:slug/send-back': 'campaigns:publish',
      'POST /editor/campaigns/:slug/launch': 'campaigns:publish',
      'POST /editor/campaigns/:slug/extend': 'campaigns:publish',
      'POST /editor/campaigns/:slug/close': 'campaigns:publish',
      'POST /editor/campaigns/:slug/reopen': 'campaigns:publish',
      'GET /editor/campaigns/:slug/edit': 'campaigns:read',
      'POST /editor/campaigns/:slug/edit/texts': 'campaigns:edit',
      'POST /editor/campaigns/:slug/edit/photo': 'campaigns:edit',
      'POST /editor/campaigns/:slug/updates/:id/delete': 'campaigns:edit',
      'GET /editor/campaigns/:slug/preview/:locale': 'campaigns:read',
      'GET /editor/campaigns/new': 'campaigns:edit',
      'POST /editor/campaigns': 'campaigns:edit',
      'GET /editor/requests': 'requests:review',
      'GET /editor/requests/:requestId': 'requests:review',
      'POST /editor/requests/:requestId/approve': 'requests:review',
      'POST /editor/requests/:requestId/changes': 'requests:review',
      'POST /editor/requests/:requestId/decline': 'requests:review',
      'POST /editor/requests/:requestId/endorsements': 'requests:review',
      'POST /editor/requests/:requestId/endorsements/remove': 'requests:review',
      'GET /editor/translator-applications': 'requests:review',
      'POST /editor/translator-applications/:id/accept': 'requests:review',
      'POST /editor/translator-applications/:id/decline': 'requests:review',
      'GET /editor/terms': 'settings:manage',
      'POST /editor/terms': 'settings:manage',
      'GET /editor/campaigns/:slug/targets': 'campaigns:read',
      'POST /editor/campaigns/:slug/targets': 'campaigns:edit',
      'POST /editor/campaigns/:slug/targets/:targetId': 'campaigns:edit',
      'POST /editor/campaigns/:slug/targets/:targetId/remove': 'campaigns:edit',
      'POST /editor/campaigns/:slug/targets/:targetId/move': 'campaigns:edit',
      'GET /editor/campaigns/:slug/targets/import': 'campaigns:edit',
      'POST /editor/campaigns/:slug/targets/import': 'campaigns:edit',
      'POST /editor/campaigns/:slug/targets/import/confirm': 'campaigns:edit',
      'GET /editor/campaigns/:slug/targets/test': 'campaigns:read',
      'POST /editor/campaigns/:slug/targets/test': 'campaigns:edit',
      'GET /editor/campaigns/:slug/partners': 'campaigns:read',
      'POST /editor/campaigns/:slug/partners': 'campaigns:edit',
      'POST /editor/campaigns/:slug/partners/:partnerId': 'campaigns:edit',
      'POST /editor/campaigns/:slug/partners/:partnerId/remove': 'campaigns:edit',
      'POST /editor/campaigns/:slug/partners/:partnerId/move': 'campaigns:edit',
      'GET /editor/dashboard.json': 'editor:enter',
      'GET /editor/campaigns/:slug/held': 'campaigns:edit',
      'POST /editor/campaigns/:slug/held/release': 'campaigns:edit',
      'POST /editor/campaigns/:slug/held/discard': 'campaigns:edit',
      'GET /editor/translations': 'translations:edit',
      'GET /editor/campaigns/:slug/translations/:language': 'translations:edit',
      'POST /editor/campaigns/:slug/translations/:language': 'translations:edit',
      'POST /editor/campaigns/:slug/translations/:language/send-back': 'translations:edit',
    });
    expect(t.app.editorRoutes.length).toBeGreaterThanOrEqual(26);
  });

  it('refuses to start when an editor route declares no permission', async () => {
    const app = Fastify({ logger: false });
    installEditorGuard(
      app,
      editorDeps(t.services.accounts, {
        site: { name: 'x', baseUrl: 'https://x.example' },
        clock: t.services.clock,
        secret: t.config.APP_SECRET,
        baseUrl: 'https://x.example',
        scopes: t.services.scopes,
      }),
    );
    expect(() => app.get('/editor/forgotten', async () => 'x')).toThrow(/declares no permission/);
    app.get('/elsewhere', async () => 'x');
    await app.close();
  });

  it('sends anonymous visitors to the login page, except on the login pages themselves', async () => {
    const anonymous = await anonymousForm(t.app, '/editor/login');
    for (const route of t.app.editorRoutes) {
      const url = urlOf(route.url);
      const res = route.method === 'GET' ? await t.app.inject({ url }) : await post(t.app, url, anonymous);
      const label = `${route.method} ${route.url}`;
      if (route.permission === 'anonymous') {
        expect(res.statusCode, label).not.toBe(403);
        expect(res.statusCode === 302 && res.headers.location?.startsWith('/editor/login'), label).toBe(
          false,
        );
      } else {
        expect(res.statusCode, label).toBe(302);
        expect(res.headers.location, label).toMatch(/^\/editor\/login/);
      }
    }
  });

  it.each(roles)('lets a signed-in %s use exactly what the role permits', async (role) => {
    for (const route of t.app.editorRoutes) {
      const url = urlOf(route.url);
      const label = `${role}: ${route.method} ${route.url}`;
      // A fresh session per request: some routes end the session (log out) or change the victim.
      const browser: Browser = await sessionFor(t, accounts[role]!);
      const allowed = route.permission === 'anonymous' || can(role, route.permission);
      const res =
        route.method === 'GET'
          ? await t.app.inject({ url, headers: { cookie: browser.cookie } })
          : await post(t.app, url, browser);
      if (!allowed) {
        expect(res.statusCode, label).toBe(403);
        expect(res.body, label).toContain('You cannot open this page');
        continue;
      }
      expect(res.statusCode, label).not.toBe(403);
      expect(res.statusCode, label).toBeLessThan(500);
      // The gate answers 302 to the login page; routes answer their POSTs with 303.
      expect(res.statusCode === 302 && res.headers.location?.startsWith('/editor/login'), label).toBe(false);
      if (route.method === 'GET' && route.permission !== 'anonymous') expect(res.statusCode, label).toBe(200);
      if (route.method !== 'GET') {
        const fresh = await sessionFor(t, accounts[role]!);
        const noToken = await post(t.app, url, { ...fresh, csrf: '' });
        expect(noToken.statusCode, `${label} without CSRF token`).toBe(403);
        expect(noToken.body).toContain('This form has expired');
        const crossSite = await post(t.app, url, fresh, {}, { 'sec-fetch-site': 'cross-site' });
        expect(crossSite.statusCode, `${label} cross-site`).toBe(403);
        const otherSession = await sessionFor(t, accounts[role]!);
        const wrongToken = await post(t.app, url, { cookie: fresh.cookie, csrf: otherSession.csrf });
        expect(wrongToken.statusCode, `${label} with another session's token`).toBe(403);
      }
    }
  });
});
