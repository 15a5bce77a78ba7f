// Property-based fuzzing of every public route and form (issue 19, item 11d): pages with hostile path
// segments, query strings and headers; every public POST with hostile values, shapes, content types and
// encodings. The answer must never be a 5xx, a Location must stay on the site, and a 4xx must store
// nothing. 300 to 600 cases per property, seeded (FUZZ_SEED to explore others, FUZZ_RUNS to scale).
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/db.js';
import type { FakeClock } from '../../test/fake-clock.js';
import { allHostileText, hostileFields, hostileQueries, hostileSegments } from '../../test/hostile-input.js';
import { erlan, formToken } from '../../test/sign-helpers.js';
import { createClockedTestApp, type TestApp } from '../../test/test-app.js';
import { issueFormToken } from '../security/form-token.js';
import { isSafeLocation } from './security/safe-location.js';

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 19);

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...allHostileText) },
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);
const segment = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...hostileSegments) },
  text.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, 'x')) || 'x'),
  fc.webSegment(),
);
const locale = fc.oneof(fc.constantFrom('en', 'tl', 'ar', 'fr', 'pt-BR', 'EN', 'xx-Latn-ZZ'), segment);
const slug = fc.oneof(
  fc.constantFrom(erlan, 'archive', 'belarus-free-the-rabochy-ruh-trade-unionists'),
  segment,
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...hostileQueries),
  fc
    .dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 })
    .map((d) => new URLSearchParams(d).toString()),
);
const clientAddress = fc.constantFrom('198.51.100.7', '2001:db8:1:2::7', '::ffff:203.0.113.9', '10.0.0.1');

/** The public pages, as functions of their hostile parts. */
const pages: ((l: string, s: string, x: string) => string)[] = [
  () => '/',
  (l) => `/${l}`,
  (l) => `/${l}/`,
  (l, s) => `/${l}/campaigns/${s}`,
  (_l, s) => `/campaigns/${s}`,
  (l, s) => `/${l}/campaigns/${s}/thanks`,
  (l) => `/${l}/campaigns/archive`,
  (l) => `/${l}/privacy`,
  (l) => `/${l}/request`,
  (l) => `/${l}/request/thanks`,
  () => '/request',
  (l, _s, x) => `/${l}/confirm/${x}`,
  (l, _s, x) => `/${l}/status/${x}`,
  (l) => `/${l}/subscribe`,
  (l, _s, x) => `/${l}/subscribe/confirm/${x}`,
  (l, _s, x) => `/${l}/preferences/${x}`,
  (_l, _s, x) => `/unsubscribe/${x}`,
  (l, _s, x) => `/${l}/address/confirm?token=${x}`,
  (_l, s) => `/api/campaigns/${s}/count`,
  () => '/editor/login',
  () => '/editor/login/email',
  () => '/editor/reset',
  (_l, _s, x) => `/editor/login/link/${x}`,
  (_l, _s, x) => `/editor/invitation/${x}`,
  (_l, _s, x) => `/editor/reset/${x}`,
  (_l, _s, x) => `/assets/${x}`,
  (_l, _s, x) => `/media/${x}`,
  (l, s, x) => `/${l}/${s}/${x}`,
];

type Fields = [string, string][];

/** A form body in one of the shapes a client can send, with the content type it claims. */
const body = (fields: Fields) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant({ type: 'application/x-www-form-urlencoded', payload: urlencoded(fields) }),
    },
    fc.constant({ type: 'application/json', payload: JSON.stringify(Object.fromEntries(fields)) }),
    fc.constant({ type: 'application/json', payload: `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}` }),
    fc.constant({ type: 'application/json', payload: '{"name": ' }),
    fc.constant({ type: 'text/plain', payload: urlencoded(fields) }),
    fc.constant({ type: '', payload: urlencoded(fields) }),
    fc.constant({ type: 'application/x-www-form-urlencoded; charset=utf-16', payload: urlencoded(fields) }),
    fc.constant({ type: 'application/x-www-form-urlencoded', payload: `\ufeff${urlencoded(fields)}` }),
    fc.constant({
      type: 'application/x-www-form-urlencoded',
      payload: Buffer.concat([
        Buffer.from(urlencoded(fields)),
        Buffer.from('&name=%FF'),
        Buffer.from([0xc3, 0x28]),
      ]),
      encoding: undefined as string | undefined,
    }),
    fc.constant({
      type: 'application/x-www-form-urlencoded',
      payload: gzipSync(urlencoded(fields)),
      encoding: 'gzip',
    }),
    fc
      .constantFrom(
        'multipart/form-data; boundary=nope',
        'multipart/form-data',
        'multipart/form-data; boundary=xyz',
      )
      .map((type) => ({ type, payload: multipart(fields, 'xyz', true) })),
    fc.constant({ type: 'multipart/form-data; boundary=xyz', payload: multipart(fields, 'xyz', false) }),
  );

function urlencoded(fields: Fields): string {
  return fields
    .map(
      ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`,
    )
    .join('&');
}

function multipart(fields: Fields, boundary: string, closed: boolean): string {
  const parts = fields.map(
    ([k, v]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '')}"\r\n\r\n${v}\r\n`,
  );
  return `${parts.join('')}${closed ? `--${boundary}--\r\n` : ''}`;
}

/** Form fields: each known one hostile or absent or repeated, plus mass-assignment tries. */
const fields = (names: string[], known: Record<string, fc.Arbitrary<string>> = {}) =>
  fc
    .tuple(
      ...names.map((name) =>
        fc.oneof(
          { weight: 6, arbitrary: (known[name] ?? text).map((v): Fields => [[name, v]]) },
          { weight: 3, arbitrary: text.map((v): Fields => [[name, v]]) },
          fc.constant<Fields>([]),
          fc.tuple(text, text).map(
            ([a, b]): Fields => [
              [name, a],
              [name, b],
            ],
          ),
        ),
      ),
      fc.subarray(hostileFields, { maxLength: 2 }),
    )
    .map(([...parts]) => (parts as Fields[]).flat());

describe.each(testDialects)('fuzzing the public routes on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let signToken: string;
  let preLogin: { cookie: string; csrf: string };

  beforeAll(async () => {
    ({ t, clock } = await createClockedTestApp(dialect));
    signToken = await formToken(t.app, 'en');
    const login = await t.app.inject({ url: '/editor/login' });
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    preLogin = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(login.body)?.[1] ?? '' };
    clock.advance(20_000);
  });
  afterAll(async () => t.close());

  const stored = async () => {
    const k = t.db.kysely;
    const n = async (table: 'signatures' | 'supporters' | 'jobs' | 'campaign_requests' | 'sessions') =>
      Number(
        (
          await k
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      signatures: await n('signatures'),
      supporters: await n('supporters'),
      jobs: await n('jobs'),
      requests: await n('campaign_requests'),
      sessions: await n('sessions'),
    };
  };

  /** Sends one request and checks what every answer must satisfy. */
  async function sound(options: InjectOptions): Promise<void> {
    const before = await stored();
    const res = await t.app.inject(options);
    const what = `${options.method ?? 'GET'} ${String(options.url).slice(0, 200)} → ${res.statusCode}`;
    expect(res.statusCode, what).toBeLessThan(500);
    const location = res.headers.location;
    if (location !== undefined) expect(isSafeLocation(String(location)), `${what} ${location}`).toBe(true);
    if (res.statusCode >= 400) expect(await stored(), what).toEqual(before);
  }

  it('serves every page with hostile path segments, query strings and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        locale,
        slug,
        segment,
        query,
        fc.record({ language: text, cookie: text, json: fc.boolean() }),
        clientAddress,
        async (page, l, s, x, q, h, remoteAddress) => {
          const headers: Record<string, string> = {
            'accept-language': h.language.replace(/[^\x20-\x7e]/g, ''),
            cookie: `lang=${encodeURIComponent(h.cookie.replace(/[\ud800-\udfff]/g, ''))}`,
          };
          if (h.json) headers.accept = 'application/json';
          await sound({ url: `${page(l, s, x)}${q ? `?${q}` : ''}`, headers, remoteAddress });
        },
      ),
      { numRuns: runs * 2, seed },
    );
  });

  it('answers the sign form, whatever its body, without a 5xx or a stray row', async () => {
    const signFields = fields(
      ['token', 'name', 'email', 'union', 'country', 'message', 'alerts', 'website', 'src'],
      {
        // Each field sound half the time, so hostile values also reach the form's rules and the database.
        token: fc.constant(signToken),
        name: fc.oneof(fc.constant('Ana Souza'), text),
        email: fc.oneof(
          fc.nat(10_000).map((n) => `ana.souza+${n}@example.org`),
          text.map((v) => `${v}@example.org`),
          text,
        ),
        union: fc.oneof(fc.constant(''), text),
        country: fc.constantFrom('BR', 'KZ', 'xx', ''),
        message: fc.oneof(fc.constant('Free Erlan Baltabay now.'), text),
        alerts: fc.constantFrom('yes', ''),
        website: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, text),
        src: fc.oneof(fc.constant('mailing-en-2'), text),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: fc.constant('en') }, locale),
        fc.oneof({ weight: 4, arbitrary: fc.constant(erlan) }, slug),
        signFields.chain((f) => body(f)),
        clientAddress,
        async (l, s, b, remoteAddress) => {
          await sound({
            method: 'POST',
            url: `/${l}/campaigns/${s}/sign`,
            headers: {
              ...(b.type ? { 'content-type': b.type } : {}),
              ...('encoding' in b && b.encoding ? { 'content-encoding': b.encoding } : {}),
            },
            payload: b.payload,
            remoteAddress,
          });
        },
      ),
      { numRuns: runs, seed },
    );
  });

  it('takes or refuses a sign form with one hostile field among sound ones', async () => {
    const sound_ = { name: 'Ana Souza', union: 'CUT', country: 'BR', message: 'Free Erlan Baltabay now.' };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('name', 'email', 'union', 'country', 'message', 'src', 'website', 'alerts'),
        text,
        fc.nat(1_000_000),
        clientAddress,
        async (field, value, n, remoteAddress) => {
          const form = { token: signToken, ...sound_, email: `ana+${n}@example.org`, [field]: value };
          await sound({
            method: 'POST',
            url: `/en/campaigns/${erlan}/sign`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            payload: urlencoded(Object.entries(form)),
            remoteAddress,
          });
        },
      ),
      { numRuns: runs, seed },
    );
  });

  it('answers the confirm link, the request form, the list forms and the editor sign-in forms likewise', async () => {
    const requestToken = () => issueFormToken(t.config.APP_SECRET, 0, clock.now() - 20_000);
    const forms: { url: (l: string, x: string) => string; names: string[]; editor?: boolean }[] = [
      { url: (l, x) => `/${l}/confirm/${x}`, names: [] },
      {
        url: (l) => `/${l}/request`,
        names: [
          'token',
          'orgName',
          'contactName',
          'contactEmail',
          'language',
          'headline',
          'message',
          'targets',
          'terms',
          'termsVersion',
        ],
      },
      {
        url: (l) => `/${l}/subscribe`,
        names: ['token', 'email', 'name', 'country', 'list', 'consent', 'website'],
      },
      { url: (l, x) => `/${l}/subscribe/confirm/${x}`, names: [] },
      { url: (_l, x) => `/unsubscribe/${x}`, names: ['List-Unsubscribe'] },
      { url: (l, x) => `/${l}/preferences/${x}/join`, names: ['list', 'consent'] },
      { url: (l) => `/${l}/address/confirm`, names: ['token'] },
      { url: () => '/editor/login', names: ['_csrf', 'email', 'password', 'next'], editor: true },
      { url: () => '/editor/login/email', names: ['_csrf', 'email'], editor: true },
      { url: () => '/editor/reset', names: ['_csrf', 'email'], editor: true },
      { url: (_l, x) => `/editor/login/link/${x}`, names: ['_csrf'], editor: true },
      {
        url: (_l, x) => `/editor/invitation/${x}`,
        names: ['_csrf', 'name', 'password', 'confirm'],
        editor: true,
      },
      { url: (_l, x) => `/editor/reset/${x}`, names: ['_csrf', 'password', 'confirm'], editor: true },
    ];
    const known: Record<string, fc.Arbitrary<string>> = {
      // The request form's token, or the list sign-up's (scope −1).
      token: fc.constantFrom(requestToken(), issueFormToken(t.config.APP_SECRET, -1, clock.now() - 20_000)),
      _csrf: fc.constant(preLogin.csrf),
      termsVersion: fc.constantFrom('1', '2', 'x'),
      terms: fc.constantFrom('yes', ''),
    };
    const formAndBody = fc.constantFrom(...forms).chain((form) =>
      fc.tuple(
        fc.constant(form),
        fields(form.names, known).chain((f) => body(f)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        formAndBody,
        locale,
        segment,
        fc.boolean(),
        clientAddress,
        async ([form, b], l, x, withCookie, remoteAddress) => {
          await sound({
            method: 'POST',
            url: form.url(l, x),
            headers: {
              ...(b.type ? { 'content-type': b.type } : {}),
              ...('encoding' in b && b.encoding ? { 'content-encoding': b.encoding } : {}),
              ...(form.editor && withCookie ? { cookie: preLogin.cookie } : {}),
            },
            payload: b.payload,
            remoteAddress,
          });
        },
      ),
      { numRuns: runs * 2, seed },
    );
  });
});
