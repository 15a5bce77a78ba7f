// The "Request a campaign" form through the real routes, on each database: a good request with its
// pictures and the acknowledgement that arrives in the requester's language, every validation error
// translated next to its field with the input kept, the sign form's defences (token, honeypot, fill time,
// per-network limit), pictures that are not pictures, and the same form sent twice.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import {
  nursesRequest,
  picture,
  postRequest,
  requestForm,
} from '../../../../test/campaign-request-helpers.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { CampaignRequestRepository } from '../../../db/campaign-request.repository.js';
import { issueFormToken } from '../../../security/form-token.js';
import { requestFormScope } from './request.route.js';

describe.each(testDialects)('campaign request form on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const requests = () =>
    t.db.kysely
      .selectFrom('campaign_requests')
      .selectAll()
      .where('form_nonce', 'not like', 'demo-%')
      .execute();
  const jobs = () =>
    t.db.kysely.selectFrom('jobs').selectAll().where('kind', '=', 'send-request-mail').execute();
  /** Opens the form, takes 20 seconds to fill it in, and sends it. */
  const send = async (
    locale: string,
    fields: Record<string, string | string[]>,
    files: Parameters<typeof postRequest>[3] = {},
    ip?: string,
  ) => {
    const form = await requestForm(t.app, locale);
    clock.advance(20_000);
    return postRequest(
      t.app,
      locale,
      { token: form.token, termsVersion: form.termsVersion, ...fields },
      files,
      ip,
    );
  };
  /** The nurses' request in English, sent with the token and terms version a form gave (no waiting). */
  const sendFrom = (
    form: { token: string; termsVersion: string },
    fields: Record<string, string | string[]> = {},
  ) =>
    postRequest(t.app, 'en', {
      ...nursesRequest,
      ...fields,
      token: form.token,
      termsVersion: form.termsVersion,
    });

  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('shows the form in Arabic, right to left, with the Arabic terms and an unticked box', async () => {
    const res = await t.app.inject({ url: '/ar/request' });
    expectPage(res, 200, [
      '<html lang="ar" dir="rtl">',
      '<h1>اطلب حملة</h1>',
      'ما سنقوم به',
      'enctype="multipart/form-data"',
      '<input id="terms" name="terms" type="checkbox" value="yes" required/>',
      'وزير العمل &lt;minister@labour.example.org>',
    ]);
    // The language of the texts defaults to the page's.
    expect(res.body).toContain('<option value="ar" selected>');
    const footer = await t.app.inject({ url: '/en/' });
    expect(footer.body).toContain('<a href="/en/request">Request a campaign</a>');
    const bare = await t.app.inject({ url: '/request', headers: { 'accept-language': 'tl' } });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/tl/request');
  });

  it('takes a good request with its logo and photo, and mails the acknowledgement in Tagalog', async () => {
    const mail = await startMailWorker(t);
    try {
      const res = await send('tl', nursesRequest, {
        logo: await picture(300, 120),
        photo: await picture(1200, 800, 'jpeg'),
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/tl/request/thanks');
      const thanks = await t.app.inject({ url: '/tl/request/thanks' });
      expect(thanks.body).toContain('Natanggap na ng aming mga editor ang inyong kahilingan.');

      const [row] = await requests();
      expect(row).toMatchObject({
        status: 'waiting',
        locale: 'en',
        contact_locale: 'tl',
        org_name: 'Korean Health and Medical Workers’ Union (KHMU)',
        org_website: 'https://khmu.example.org/',
        contact_email: 'kim.jiyoung@khmu.example.org',
        headline: 'Korea: Reinstate the dismissed nurses of Seoul',
        more_info_url: 'https://khmu.example.org/nurses',
      });
      expect(JSON.parse(row!.targets_json)).toEqual([
        { name: 'Hospital director', email: 'director@hospital.example.org' },
        { name: 'Minister of Labour', email: 'minister@labour.example.org' },
      ]);
      // The version the page showed (the Tagalog text) and when it was accepted.
      const terms = await new CampaignRequestRepository(t.db).version(row!.terms_id);
      expect(terms?.locale).toBe('tl');
      expect(Number(row!.terms_accepted_at)).toBe(clock.now());
      expect(row!.ip_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const path of [row!.org_logo_path, row!.photo_path]) {
        expect(path).toMatch(/^\/media\/[0-9a-f]+\.(png|jpg)$/);
        expect((await t.app.inject({ url: path! })).statusCode).toBe(200);
      }

      expect(await mail.drain()).toBe(1);
      const [ack] = await mail.sink.waitFor(1);
      expect(ack!.envelope.to).toEqual(['kim.jiyoung@khmu.example.org']);
      expect(ack!.parsed.subject).toBe(
        'Natanggap namin ang inyong kahilingan ng kampanya: Korea: Reinstate the dismissed nurses of Seoul',
      );
      expect(ack!.parsed.text).toContain('Kumusta Kim Ji-young,');
      expect(ack!.parsed.text).toContain('mula sa Korean Health and Medical Workers’ Union (KHMU)');
      const audit = await auditEntries(t.db, { entityType: 'campaign_request' });
      expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['campaign_request.received', null]]);
    } finally {
      await mail.close();
    }
  });

  it('names every missing field next to it, in a summary, and keeps what was typed', async () => {
    const res = await send('en', { orgWebsite: 'not a site', headline: '  ', language: 'en' });
    expectPage(res, 422, [
      'Please correct 10 problems below.',
      'Please enter the full name of your organisation.',
      'Please tell us about your organisation.',
      'Please enter a web address, like https://union.example.org.',
      'Please enter the name of the contact person.',
      'Please enter your email address.',
      'Please write a headline.',
      'Please write the background.',
      'Please propose a message.',
      'Please list at least one name and email address.',
      'Please accept the partnership terms to send the request.',
    ]);
    expect(res.body).toContain('value="not a site"');
    expect(res.body).toContain('<a href="#orgName">');
    expect(res.body).toMatch(/id="orgName"[^>]*aria-invalid="true"[^>]*autofocus/);
    expect(res.body).not.toContain('please choose the logo and the photo again');
    expect(await requests()).toEqual([]);
  });

  it('explains each wrong target line, bad address, long text and changed terms, in English and Arabic', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [
        { targets: 'Hospital director' },
        'Line 1: we could not find an email address.',
        'السطر 1: لم نجد عنوان بريد إلكتروني.',
      ],
      [
        { targets: '\nminister@labour.example.org' },
        'Line 2: please write the name before the address.',
        'السطر 2: يُرجى كتابة الاسم قبل العنوان.',
      ],
      [
        { targets: 'A <a@b>' },
        'Line 1: this email address is not valid.',
        'السطر 1: عنوان البريد الإلكتروني هذا غير صالح.',
      ],
      [
        { targets: 'A <x@example.org>\nB <X@Example.org>' },
        'Line 2: this address is already on the list.',
        'السطر 2: هذا العنوان موجود في القائمة بالفعل.',
      ],
      [
        { targets: Array.from({ length: 51 }, (_, i) => `T${i} <t${i}@example.org>`).join('\n') },
        'Please list at most 50 addresses.',
        'يُرجى ألا تتجاوز القائمة 50 عنوانًا.',
      ],
      [
        { contactEmail: 'kim@@khmu' },
        'Please enter one email address, like name@example.org.',
        'يُرجى إدخال عنوان بريد إلكتروني واحد، مثل name@example.org.',
      ],
      [{ headline: 'x'.repeat(201) }, 'Please shorten this to 200 characters.', 'الحد الأقصى 200 من الأحرف'],
      [
        { orgName: 'KHMU\u202e' },
        'This contains characters we cannot use.',
        'يحتوي هذا على أحرف لا يمكننا استخدامها.',
      ],
      [{ moreInfoUrl: 'javascript:alert(1)' }, 'Please enter a web address', 'يُرجى إدخال عنوان موقع'],
      [{ language: 'xx' }, 'Please choose a language from the list.', 'يُرجى اختيار لغة من القائمة.'],
      // Typed short, but several times longer once percent-encoded for storage.
      [
        { moreInfoUrl: `khmu.example.org/${'ü'.repeat(700)}` },
        'Please enter a web address',
        'يُرجى إدخال عنوان موقع',
      ],
      [
        { orgName: 'KHMU\r\nBcc: evil@example.com' },
        'This contains characters we cannot use.',
        'يحتوي هذا على أحرف لا يمكننا استخدامها.',
      ],
    ];
    for (const [fields, english, arabic] of cases) {
      const en = await send('en', { ...nursesRequest, ...fields }, {}, '198.51.100.41');
      expect(en.statusCode, english).toBe(422);
      expect(en.body, english).toContain(english);
      expect(en.body).toContain('Please correct 1 problem below.');
      expect(en.body).toContain('Reinstate the twelve nurses at once.</textarea>');
      const ar = await send('ar', { ...nursesRequest, ...fields }, {}, '198.51.100.42');
      expect(ar.statusCode, arabic).toBe(422);
      expect(ar.body, arabic).toContain(arabic);
    }

    // An admin saves new terms while the union is writing: the old acceptance does not count.
    const form = await requestForm(t.app, 'en');
    await new CampaignRequestRepository(t.db).save(
      { locale: 'en', bodyMd: 'New terms.' },
      { actor: null, now: clock.now() },
    );
    clock.advance(20_000);
    const changed = await sendFrom(form);
    expect(changed.statusCode).toBe(422);
    expect(changed.body).toContain('The partnership terms changed while you were writing.');
    expect(changed.body).toContain('<p>New terms.</p>');
    expect(changed.body).toContain(
      '<input id="terms" name="terms" type="checkbox" value="yes" required aria-invalid="true"',
    );
    expect(changed.body).not.toMatch(/id="terms"[^>]*checked/);
    expect(await requests()).toEqual([]);
  });

  it('refuses a picture that is not one, keeps the text and asks for the files again', async () => {
    const res = await send('en', nursesRequest, {
      logo: { bytes: Buffer.from('%PDF-1.4 not a picture'), name: 'logo.png', type: 'image/png' },
      photo: await picture(800, 600, 'jpeg'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(
      'We could not read this picture. Please choose a JPEG, PNG, WebP or GIF file.',
    );
    expect(res.body).toMatch(/<p class="field-error" id="logo-error">We could not read this picture/);
    expect(res.body).toContain('please choose the logo and the photo again');
    expect(res.body).toContain('value="Kim Ji-young"');
    expect(res.body).toContain('Reinstate the twelve nurses at once.</textarea>');
    const tiny = await send('en', nursesRequest, { photo: await picture(8, 8) }, '198.51.100.43');
    expect(tiny.body).toContain('This picture is too small or too large in pixels.');
    expect(await requests()).toEqual([]);
    expect(await jobs()).toEqual([]);
  });

  it('gives bots the normal answer and stores nothing; sends back forms without a sound token', async () => {
    const bot = await send('en', { ...nursesRequest, reference: 'http://spam.example.com' });
    expect(bot.statusCode).toBe(303);
    expect(bot.headers.location).toBe('/en/request/thanks');

    const missing = await postRequest(t.app, 'en', { ...nursesRequest, termsVersion: '1' });
    expect(missing.statusCode).toBe(422);
    expect(/name="token" value="([^"]+)"/.exec(missing.body)?.[1]).toMatch(/^v1\.0\./);
    expect(missing.body).toContain('This form was open too long, or we could not check it.');
    expect(missing.body).toContain('value="Kim Ji-young"');

    const foreign = issueFormToken('another secret', requestFormScope, clock.now() - 60_000);
    const forged = await postRequest(t.app, 'en', { ...nursesRequest, termsVersion: '1', token: foreign });
    expect(forged.body).toContain('This form was open too long, or we could not check it.');

    // A sign form's token is for a campaign, not for this form.
    const signToken = issueFormToken(t.config.APP_SECRET, 1, clock.now() - 60_000);
    const borrowed = await postRequest(t.app, 'en', {
      ...nursesRequest,
      termsVersion: '1',
      token: signToken,
    });
    expect(borrowed.body).toContain('This form was open too long, or we could not check it.');

    const form = await requestForm(t.app, 'en');
    clock.advance(2_000);
    const quick = await sendFrom(form);
    expect(quick.statusCode).toBe(422);
    expect(quick.body).toContain('That was very quick. Please check your request and send it again.');
    // The form comes back with its own token, whose fill time keeps counting from the first view.
    const kept = /name="token" value="([^"]+)"/.exec(quick.body)?.[1];
    expect(kept).toBe(form.token);
    clock.advance(8_000);
    const again = await sendFrom({ token: kept!, termsVersion: form.termsVersion });
    expect(again.statusCode).toBe(303);
    expect(await requests()).toHaveLength(1);
  });

  it('limits requests per network, with a translated answer that keeps the input', async () => {
    for (let i = 0; i < 5; i++) {
      const ok = await send('en', { ...nursesRequest, headline: `Request ${i}` }, {}, '203.0.113.9');
      expect(ok.statusCode).toBe(303);
    }
    const over = await send('ar', { ...nursesRequest, headline: 'One too many' }, {}, '203.0.113.9');
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('أُرسلت طلبات كثيرة جدًا من شبكتكم خلال الساعة الماضية.');
    expect(over.body).toContain('value="One too many"');
    const other = await send('en', { ...nursesRequest, headline: 'Elsewhere' }, {}, '198.51.100.77');
    expect(other.statusCode).toBe(303);
    expect(await requests()).toHaveLength(6);
  });

  it('makes one request and one acknowledgement from a form sent twice', async () => {
    const form = await requestForm(t.app, 'en');
    clock.advance(20_000);
    const [a, b] = await Promise.all([sendFrom(form), sendFrom(form)]);
    const c = await sendFrom(form);
    for (const res of [a, b, c]) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/en/request/thanks');
    }
    expect(await requests()).toHaveLength(1);
    expect(await jobs()).toHaveLength(1);
  });

  it('refuses repeated fields, and is closed while no terms exist', async () => {
    const form = await requestForm(t.app, 'en');
    clock.advance(20_000);
    const twice = await sendFrom(form, { headline: ['a', 'b'] });
    expect(twice.statusCode).toBe(400);

    await t.db.kysely.deleteFrom('request_endorsements').execute();
    await t.db.kysely.deleteFrom('campaign_requests').execute();
    await t.db.kysely.deleteFrom('partnership_terms').execute();
    const page = await t.app.inject({ url: '/en/request' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Requests are not open yet');
    expect(page.body).not.toContain('name="token"');
    const post = await postRequest(t.app, 'en', { ...nursesRequest, token: form.token, termsVersion: '1' });
    expect(post.statusCode).toBe(409);
    expect(await requests()).toEqual([]);
  });

  it('checks the token and the network limit before reading the form, and reads a hostile target list quickly', async () => {
    const hostile = { ...nursesRequest, targets: `${'@'.repeat(49_999)}<` };
    // No sound token: the form comes back as expired, its targets unread (no line error).
    const unread = await postRequest(t.app, 'en', { ...hostile, termsVersion: '1' });
    expect(unread.statusCode).toBe(422);
    expect(unread.body).toContain('This form was open too long, or we could not check it.');
    expect(unread.body).not.toContain('Line 1:');

    // A sound token: the line is refused at once for its length.
    const read = await send('en', hostile);
    expect(read.statusCode).toBe(422);
    expect(read.body).toContain('Line 1: the name is too long or contains characters we cannot use.');

    // A network over its limit is refused before its form is read.
    for (let i = 0; i < 5; i++) {
      expect((await send('en', { ...nursesRequest, headline: `R${i}` }, {}, '203.0.113.7')).statusCode).toBe(
        303,
      );
    }
    const over = await send('en', hostile, {}, '203.0.113.7');
    expect(over.statusCode).toBe(429);
    expect(over.body).not.toContain('Line 1:');
    expect(await requests()).toHaveLength(5);
  });
});
