// Driving the editor area in route tests: people of each role with a known password, sessions opened
// directly in the store (fast, no argon2 per request), the pre-login CSRF cookie and token a browser would
// get from a login page, and form posts that carry cookies and the CSRF field.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Dialect } from '../src/db/dialect.js';
import { UserRepository } from '../src/db/user.repository.js';
import type { Role } from '../src/domain/account/permissions.js';
import { cookieNames } from '../src/http/editor/cookies.js';
import { secretTokens } from '../src/security/confirmation-token.js';
import { csrfToken } from '../src/security/csrf.js';
import { hashPassword } from '../src/security/password.js';
import { campaignIdOf } from './db.js';
import { erlan, formBody } from './sign-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

export const goodPassword = 'correct horse battery staple';

let hashed: Promise<string> | undefined;
/** One argon2 hash of goodPassword per test process. */
export const goodPasswordHash = () => {
  hashed ??= hashPassword(goodPassword);
  return hashed;
};

export interface Person {
  id: number;
  email: string;
  role: Role;
}

export async function createPerson(
  t: TestApp,
  role: Role,
  {
    email = `${role}@example.org`,
    name = `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
    locale = 'en',
  } = {},
): Promise<Person> {
  const users = new UserRepository(t.db);
  const { id } = await users.upsertWithPassword(
    { email, name, role, passwordHash: await goodPasswordHash() },
    t.services.clock.now(),
  );
  if (locale !== 'en') await users.update(id, { locale });
  return { id, email, role };
}

/** A new person of the role with a session open, as editor route tests start. */
export async function signedIn(
  t: TestApp,
  role: Role,
  person: Parameters<typeof createPerson>[2] = {},
): Promise<Browser> {
  return (await personSignedIn(t, role, person)).browser;
}

/** `signedIn`, with the person as well, for a test that also needs the account (its id, its email). */
export async function personSignedIn(
  t: TestApp,
  role: Role,
  details: Parameters<typeof createPerson>[2] = {},
): Promise<{ person: Person; browser: Browser }> {
  const person = await createPerson(t, role, details);
  return { person, browser: await sessionFor(t, person) };
}

/**
 * A partner's account signed in but attached to no campaign yet, and `attach`, which gives it the campaign
 * straight in the table, as an admin attaching it does (decision 0013).
 */
export async function partnerToAttach(
  t: TestApp,
  campaignId: number,
  at: number,
): Promise<{ browser: Browser; attach(): Promise<void> }> {
  const partner = await createPerson(t, 'partner');
  const attach = async () => {
    await t.db.kysely
      .insertInto('partner_campaigns')
      .values({ user_id: partner.id, campaign_id: campaignId, created_by: null, created_at: at })
      .execute();
  };
  return { browser: await sessionFor(t, partner), attach };
}

/** The seeded app with an editor signed in, and the id of the demo campaign whose pages are under test. */
export async function editorOnCampaign(
  dialect: Dialect,
  slug = erlan,
): Promise<{ t: TestApp; editor: Browser; campaignId: number }> {
  const t = await createTestApp(dialect);
  return { t, editor: await signedIn(t, 'editor'), campaignId: await campaignIdOf(t.db, slug) };
}

/** The cookie names for the app's BASE_URL (`__Host-` prefixed over https). */
export const names = (baseUrl: string) => cookieNames(baseUrl.startsWith('https://'));

export interface Browser {
  /** The Cookie header to send. */
  cookie: string;
  /** CSRF token for the forms of this session. */
  csrf: string;
}

/** Opens a session for the person directly in the store, as a successful login would. */
export async function sessionFor(t: TestApp, person: Person): Promise<Browser> {
  const { token, hash } = secretTokens.create();
  const secret = secretTokens.secret();
  const now = t.services.clock.now();
  await t.services.accounts.store.sessions.create({
    id: hash,
    userId: person.id,
    csrfSecret: secret,
    createdAt: now,
    expiresAt: now + 14 * 86_400_000,
    lastSeenAt: now,
  });
  return {
    cookie: `${names(t.config.BASE_URL).session}=${token}`,
    csrf: csrfToken(t.config.APP_SECRET, secret),
  };
}

/** The cookies a response sets, as name → value (deleted cookies have an empty value). */
export function setCookies(res: LightMyRequestResponse): Map<string, { value: string; raw: string }> {
  const header = res.headers['set-cookie'];
  const list = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return new Map(
    list.map((raw) => {
      const [pair = ''] = raw.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), { value: pair.slice(eq + 1), raw }];
    }),
  );
}

/** Fetches a page with a form (login, invitation…) as an anonymous browser: its pre-login cookie and token. */
export async function anonymousForm(
  app: FastifyInstance,
  url: string,
  { cookie = '', baseUrl = 'https://outcry.example.org' } = {},
): Promise<Browser & { body: string }> {
  const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  if (!token) throw new Error(`no CSRF field on ${url} (${res.statusCode})`);
  const preLogin = names(baseUrl).preLogin;
  const pre = setCookies(res).get(preLogin)?.value;
  return {
    cookie: [cookie, pre ? `${preLogin}=${pre}` : ''].filter(Boolean).join('; '),
    csrf: token,
    body: res.body,
  };
}

export function post(
  app: FastifyInstance,
  url: string,
  browser: Browser,
  fields: Record<string, string | string[]> = {},
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: browser.cookie,
      ...headers,
    },
    payload: formBody({ _csrf: browser.csrf, ...fields }),
    remoteAddress: '198.51.100.20',
  });
}

export function get(app: FastifyInstance, url: string, browser?: Browser) {
  return app.inject({ url, headers: browser ? { cookie: browser.cookie } : {} });
}

/** The session cookie a login response set, as a Cookie header. */
export function sessionCookie(res: LightMyRequestResponse, baseUrl = 'https://outcry.example.org'): string {
  const name = names(baseUrl).session;
  const value = setCookies(res).get(name)?.value;
  if (!value) throw new Error(`no session cookie set (${res.statusCode})`);
  return `${name}=${value}`;
}

/** A file of a multipart form; no bytes and the name '' is the empty field a browser sends when none was chosen. */
export interface FormFile {
  field: string;
  bytes: Uint8Array;
  name: string;
}

/** Posts a multipart form (an upload) as `who`: its cookie, its CSRF token first, the fields, then the files. */
export function postMultipart(
  t: TestApp,
  url: string,
  who: Browser,
  fields: Record<string, string>,
  files: FormFile[] = [],
) {
  const form = new FormData();
  form.append('_csrf', who.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  return t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, body: form });
}
