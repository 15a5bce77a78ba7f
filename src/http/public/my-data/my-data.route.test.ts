// The my-data journey over HTTP, with the real worker mailing to an SMTP sink: the same answer for a known
// and an unknown address, a link whose GET changes nothing and whose button works once, the data page,
// downloads, consent withdrawal, and erasure behind its confirmation and CSRF token.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { ana, erlan, formToken, postPublic, postSign } from '../../../../test/sign-helpers.js';
import { confirmedSignup } from '../../../../test/signup-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { ListMemberRepository } from '../../../db/list-member.repository.js';
import { maskUrl } from '../../security/log-privacy.js';

describe.each(testDialects)('my-data pages on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  appPerTest(dialect, (app) => ({ t, clock } = app));

  const ask = (email: string, remoteAddress = '198.51.100.20') =>
    postPublic(t.app, '/en/my-data', { email }, { remoteAddress });

  async function signAna() {
    const token = await formToken(t.app, 'en');
    clock.advance(10_000);
    const res = await postSign(t.app, 'en', { ...ana, token, alerts: 'yes' });
    expect(res.statusCode).toBe(303);
  }

  /** The my-data session cookie a response set, as a Cookie header. */
  const sessionCookie = (res: { headers: Record<string, unknown> }) => {
    const all = [res.headers['set-cookie']].flat().map(String);
    const found = all.find((c) => c.startsWith('__Host-outcry_my_data='));
    if (!found) throw new Error(`no my-data cookie in ${all.join(' | ')}`);
    return found;
  };
  const hasSessionCookie = (res: { headers: Record<string, unknown> }) =>
    [res.headers['set-cookie']].flat().some((c) => String(c).startsWith('__Host-outcry_my_data='));

  /** The token of the newest my-data link, as its mail would carry it. */
  const newestLink = async () => {
    const job = await t.db.kysely
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'send-my-data-mail')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return (JSON.parse(job.payload) as { token: string }).token;
  };

  const linkIn = (text: string) => /\/en\/my-data\/link\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  const total = async () => {
    const res = await t.app.inject({ url: `/api/campaigns/${erlan}/count` });
    return res.json() as { total: number };
  };

  it('answers every address the same way, and mails each a link that shows only what is held', async () => {
    await signAna();
    const mail = await startMailWorker(t);
    try {
      await mail.drain();
      const before = mail.sink.messages.length;
      const known = await ask('Ana.Souza+x@example.org');
      const unknown = await ask('nobody@example.org');
      expect(known.statusCode).toBe(303);
      expect(unknown.statusCode).toBe(303);
      expect(known.headers.location).toBe(unknown.headers.location);
      const jobs = await t.db.kysely
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'send-my-data-mail')
        .execute();
      expect(jobs.map((j) => Object.keys(JSON.parse(j.payload) as object).sort())).toEqual([
        ['locale', 'to', 'token'],
        ['locale', 'to', 'token'],
      ]);
      // Only hashes are stored: the tokens in the mails are nowhere in the tokens table.
      await mail.drain();
      const sent = mail.sink.messages.slice(before);
      expect(sent.map((m) => m.envelope.to[0])).toEqual(['Ana.Souza+x@example.org', 'nobody@example.org']);
      const [anaLink, nobodyLink] = sent.map((m) => linkIn(m.parsed.text ?? ''));
      const stored = await t.db.kysely.selectFrom('my_data_tokens').select('token_hash').execute();
      expect(JSON.stringify(stored)).not.toContain(anaLink);

      const open = await t.app.inject({ url: `/en/my-data/link/${nobodyLink}` });
      expect(open.statusCode).toBe(200);
      const opened = await t.app.inject({ method: 'POST', url: `/en/my-data/link/${nobodyLink}` });
      const cookie = sessionCookie(opened).split(';')[0]!;
      const view = await t.app.inject({ url: '/en/my-data/view', headers: { cookie } });
      expect(view.body).toContain('We hold no data for this email address.');
      expect(anaLink).toBeDefined();
    } finally {
      await mail.close();
    }
  });

  it('opens once with a button, shows and downloads the data, withdraws consent and erases it all', async () => {
    await signAna();
    const counted = await total();
    await ask(ana.email);
    const link = await newestLink();

    // Link scanners fetch the URL: the GET (twice) changes nothing.
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject({ url: `/en/my-data/link/${link}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Show my data');
      expect(hasSessionCookie(page)).toBe(false);
    }
    const opened = await t.app.inject({ method: 'POST', url: `/en/my-data/link/${link}` });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/en/my-data/view');
    const cookie = sessionCookie(opened).split(';')[0]!;
    expect(sessionCookie(opened)).toContain('HttpOnly');
    expect(sessionCookie(opened)).toContain('SameSite=Strict');
    // Spent: the same link again is refused.
    expect((await t.app.inject({ method: 'POST', url: `/en/my-data/link/${link}` })).statusCode).toBe(410);
    expect((await t.app.inject({ url: `/en/my-data/link/${link}` })).statusCode).toBe(410);

    const view = await t.app.inject({ url: '/en/my-data/view', headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Ana Souza');
    expect(view.body).toContain('Free Erlan Baltabay now.');
    expect(view.body).toContain('Withdraw this consent');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(view.body)?.[1];
    expect(csrf).toBeDefined();

    const json = await t.app.inject({ url: '/en/my-data/download.json', headers: { cookie } });
    expect(json.headers['content-disposition']).toContain('my-data.json');
    const data = json.json() as {
      supporter: { email: string };
      signatures: { name: string }[];
      consents: unknown[];
    };
    expect(data.supporter.email).toBe(ana.email);
    expect(data.signatures.map((s) => s.name)).toEqual(['Ana Souza']);
    expect(data.consents).toHaveLength(1);
    const csv = await t.app.inject({ url: '/en/my-data/download.csv', headers: { cookie } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('"signature","kazakhstan-free-erlan-baltabay"');

    const consentAction = /action="(\/en\/my-data\/consents\/\d+\/withdraw)"/.exec(view.body)?.[1];
    const withdrawn = await postPublic(t.app, consentAction!, { _csrf: csrf! }, { headers: { cookie } });
    expect(withdrawn.headers.location).toBe('/en/my-data/view?done=withdrawn');
    const after = await t.app.inject({ url: '/en/my-data/view?done=withdrawn', headers: { cookie } });
    expect(after.body).toContain('Withdrawn on');
    expect(after.body).not.toContain('Withdraw this consent');

    const confirm = await t.app.inject({ url: '/en/my-data/erase', headers: { cookie } });
    expect(confirm.body).toContain('Yes, erase everything');
    // Without the session's token, or from another site, nothing is erased.
    const forged = await postPublic(t.app, '/en/my-data/erase', { _csrf: 'forged' }, { headers: { cookie } });
    expect(forged.statusCode).toBe(401);
    const crossSite = await postPublic(
      t.app,
      '/en/my-data/erase',
      { _csrf: csrf! },
      { headers: { cookie, 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSite.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/en/my-data/view', headers: { cookie } })).body).toContain(
      'Ana Souza',
    );

    const erased = await postPublic(t.app, '/en/my-data/erase', { _csrf: csrf! }, { headers: { cookie } });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).toContain('Your data is erased');
    expect((await t.app.inject({ url: '/en/my-data/view', headers: { cookie } })).statusCode).toBe(401);
    expect(await total()).toEqual(counted);
    const names = await t.db.kysely.selectFrom('signatures').select('name').execute();
    expect(names.map((n) => n.name)).not.toContain('Ana Souza');
  });

  it('shows the mailing lists with the words consented to, downloads them, and erasure takes them off every list', async () => {
    await signAna();
    const lists = new ListMemberRepository(t.db);
    const text = 'Yes, email me campaign alerts in the language I chose.';
    await confirmedSignup(lists, t.db, ana.email, {
      name: '',
      country: 'BR',
      listLocale: 'pt',
      consent: { text, version: 'list-test', locale: 'en' },
      now: clock.now(),
    });
    await ask(ana.email);
    const opened = await t.app.inject({ method: 'POST', url: `/en/my-data/link/${await newestLink()}` });
    const cookie = sessionCookie(opened).split(';')[0]!;
    const view = await t.app.inject({ url: '/en/my-data/view', headers: { cookie } });
    expect(view.body).toContain('Mailing lists');
    expect(view.body).toContain('<h3>Portuguese</h3>');
    expect(view.body).toContain('Subscribed');
    expect(view.body).toContain(text);
    const json = (await t.app.inject({ url: '/en/my-data/download.json', headers: { cookie } })).json() as {
      lists: { locale: string; status: string; consentText: string }[];
    };
    expect(json.lists).toEqual([
      expect.objectContaining({ locale: 'pt', status: 'subscribed', consentText: text }),
    ]);
    const csv = await t.app.inject({ url: '/en/my-data/download.csv', headers: { cookie } });
    expect(csv.body).toContain('"list",""');

    const csrf = /name="_csrf" value="([^"]+)"/.exec(view.body)?.[1];
    await postPublic(t.app, '/en/my-data/erase', { _csrf: csrf! }, { headers: { cookie } });
    expect(await t.db.kysely.selectFrom('list_members').select('id').execute()).toEqual([]);
  });

  it('refuses a link after its hour, and a session after its own', async () => {
    await signAna();
    await ask(ana.email);
    const link = await newestLink();
    await ask(ana.email);
    const opened = await t.app.inject({ method: 'POST', url: `/en/my-data/link/${await newestLink()}` });
    const cookie = sessionCookie(opened).split(';')[0]!;
    expect((await t.app.inject({ url: '/en/my-data/view', headers: { cookie } })).statusCode).toBe(200);
    clock.advance(60 * 60 * 1000 + 1);
    expect((await t.app.inject({ url: '/en/my-data/view', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/en/my-data/download.json', headers: { cookie } })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ url: `/en/my-data/link/${link}` })).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'POST', url: `/en/my-data/link/${link}` })).statusCode).toBe(410);
  });

  it('keeps the link token out of the logs (the path segment after `link` is masked)', () => {
    expect(maskUrl('/ar/my-data/link/AbCdEfGhIjKlMnOpQrStUvWx')).toBe('/ar/my-data/link/***');
    // The list pages' tokens too: preferences, unsubscribe, and the address-change link's query.
    expect(maskUrl('/tl/preferences/12.AbCdEfGhIjKlMnOpQrStUv/join')).toBe('/tl/preferences/***/join');
    expect(maskUrl('/unsubscribe/12.AbCdEfGhIjKlMnOpQrStUv')).toBe('/unsubscribe/***');
    expect(maskUrl('/en/address/confirm?token=12.abc.def.ghi')).toBe('/en/address/confirm?token=***');
  });

  it('asks again for an address that is not one, and shows the form in Arabic', async () => {
    const bad = await ask('not an address');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter an email address');
    const ar = await t.app.inject({ url: '/ar/my-data' });
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('أرسل لي رابطًا');
  });
});
