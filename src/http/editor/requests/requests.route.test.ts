// The editors' campaign request queue through the real routes, on each database: the queue in order with ages, an
// approval that makes the draft campaign (union first, endorsers after, targets, photo) and mails the union
// in its own language, asking for changes and declining with the message mailed from the deciding editor,
// endorsements, two editors deciding at once, and roles that may not review.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import {
  nursesRequest,
  picture,
  postRequest,
  requestForm,
} from '../../../../test/campaign-request-helpers.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { demoRequestNonce } from '../../../cli/demo/campaign-request.js';

describe.each(testDialects)('campaign request queue on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let editor: Browser;
  let ip = 10;

  /** A union sends the public form (20 seconds to fill it in); returns the request's id. */
  const submit = async (fields: Record<string, string>, locale = 'en', withPictures = false) => {
    const form = await requestForm(t.app, locale);
    clock.advance(20_000);
    const files = withPictures
      ? { logo: await picture(300, 120), photo: await picture(1200, 800, 'jpeg') }
      : {};
    const res = await postRequest(
      t.app,
      locale,
      { ...nursesRequest, ...fields, token: form.token, termsVersion: form.termsVersion },
      files,
      `198.51.100.${ip++}`,
    );
    expect(res.statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('campaign_requests')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const request = (id: number) =>
    t.db.kysely.selectFrom('campaign_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const seededId = async () => (await t.services.campaignRequests.requests.findByNonce(demoRequestNonce))!;

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    editor = await signedIn(t, 'editor', { name: 'Kofi Boateng' });
  });

  it('lists waiting requests first, oldest first with their age, then changes requested, then decided', async () => {
    const nurses = await submit({});
    const queue = await get(t.app, '/editor/requests', editor);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('<a href="/editor/requests" aria-current="page">Requests</a>');
    expect(queue.body).toContain('Waiting (2)');
    const order = [...queue.body.matchAll(/href="\/editor\/requests\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([await seededId(), nurses]);
    expect(queue.body).toContain('Waiting for 6 days');
    expect(queue.body).toContain('Waiting since today');
    expect(queue.body).toContain('From Salidarnast – association of Belarusian workers in exile');
    expect(queue.body).not.toContain('href="/editor/terms"');

    await post(t.app, `/editor/requests/${nurses}/changes`, editor, { message: 'Please add the hospital.' });
    clock.advance(2 * 86_400_000);
    // Two idle days end a session: the editor logs in again.
    editor = await signedIn(t, 'editor', { email: 'second@example.org' });
    await post(t.app, `/editor/requests/${await seededId()}/decline`, editor, { message: 'Not this time.' });
    const after = await get(t.app, '/editor/requests', editor);
    expectTexts(after.body, [
      'Changes requested (1)',
      'Changes asked for 2 days ago',
      'Decided recently (1)',
      'Declined on Nov 25, 2026',
    ]);
    const admin = await signedIn(t, 'admin');
    expect((await get(t.app, '/editor/requests', admin)).body).toContain('href="/editor/terms"');
  });

  it('approves a request into a draft campaign: union first, endorsers after, targets, photo; mails in Arabic', async () => {
    const mail = await startMailWorker(t);
    try {
      const id = await submit({}, 'ar', true);
      const endorse = await post(t.app, `/editor/requests/${id}/endorsements`, editor, {
        name: 'International Trade Union Confederation (ITUC)',
        url: 'https://www.ituc-csi.org',
        note: 'Asked by phone on Monday.',
      });
      expect(endorse.statusCode).toBe(303);
      const page = await get(t.app, `/editor/requests/${id}`, editor);
      expect(page.body).toContain('International Trade Union Confederation (ITUC)');
      expect(page.body).toContain('Asked by phone on Monday.');
      expect(page.body).toContain(
        'Hospital director</bdi> <span dir="ltr">&lt;director@hospital.example.org>',
      );
      expect(page.body).toMatch(/Version \d+ \(Arabic\) accepted on/);
      expect(page.body).toContain('<strong>Act now.</strong>');

      const res = await post(t.app, `/editor/requests/${id}/approve`, editor);
      expect(res.statusCode).toBe(303);
      const slug = 'korea-reinstate-the-dismissed-nurses-of-seoul';
      expect(res.headers.location).toBe(`/editor/campaigns/${slug}?done=approved`);
      const campaignPage = await get(t.app, res.headers.location!, editor);
      expect(campaignPage.statusCode).toBe(200);
      expect(campaignPage.body).toContain('The request is approved: this is its draft campaign.');
      expect(campaignPage.body).toContain('Draft');

      const row = await request(id);
      const k = t.db.kysely;
      const campaign = await k
        .selectFrom('campaigns')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('approved');
      expect(row.campaign_id).toBe(campaign.id);
      expect(campaign).toMatchObject({
        status: 'draft',
        source_locale: 'en',
        more_info_url: 'https://khmu.example.org/nurses',
        photo_path: row.photo_path,
      });
      expect(campaign.photo_path).toMatch(/^\/media\//);
      const texts = await k
        .selectFrom('campaign_translations')
        .selectAll()
        .where('campaign_id', '=', campaign.id)
        .execute();
      expect(texts).toEqual([
        expect.objectContaining({
          locale: 'en',
          status: 'draft',
          headline: 'Korea: Reinstate the dismissed nurses of Seoul',
          background_md: 'Twelve nurses were dismissed for joining the union.\n\n**Act now.**',
          default_message: 'Reinstate the twelve nurses at once.',
          target_subject: 'Korea: Reinstate the dismissed nurses of Seoul',
        }),
      ]);
      const partners = await k
        .selectFrom('partners')
        .select(['name', 'url', 'logo_path', 'description', 'position'])
        .where('campaign_id', '=', campaign.id)
        .orderBy('position')
        .execute();
      expect(partners).toEqual([
        {
          name: 'Korean Health and Medical Workers’ Union (KHMU)',
          url: 'https://khmu.example.org/',
          logo_path: row.org_logo_path,
          description: 'KHMU organises 80,000 nurses, doctors and hospital staff across South Korea.',
          position: 0,
        },
        {
          name: 'International Trade Union Confederation (ITUC)',
          url: 'https://www.ituc-csi.org/',
          logo_path: null,
          description: null,
          position: 1,
        },
      ]);
      const targets = await k
        .selectFrom('targets')
        .select(['kind', 'name', 'email', 'status'])
        .where('campaign_id', '=', campaign.id)
        .orderBy('position')
        .execute();
      expect(targets).toEqual([
        {
          kind: 'target',
          name: 'Hospital director',
          email: 'director@hospital.example.org',
          status: 'active',
        },
        {
          kind: 'target',
          name: 'Minister of Labour',
          email: 'minister@labour.example.org',
          status: 'active',
        },
      ]);
      const audit = await k
        .selectFrom('audit_events')
        .select(['action', 'actor_email'])
        .where((eb) =>
          eb.or([eb('entity_type', '=', 'campaign_request'), eb('action', '=', 'campaign.created')]),
        )
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'campaign_request.received',
        'campaign_request.endorsement_added',
        'campaign.created',
        'campaign_request.approved',
      ]);
      expect(audit.slice(1).every((a) => a.actor_email === 'editor@example.org')).toBe(true);

      expect(await mail.drain()).toBe(2);
      const [, approved] = await mail.sink.waitFor(2);
      expect(approved!.parsed.subject).toBe('قُبل طلب الحملة: Korea: Reinstate the dismissed nurses of Seoul');
      expect(approved!.parsed.text).toContain('سيصل ردّكم إلى Kofi Boateng');
      expect(approved!.parsed.replyTo?.value[0]).toMatchObject({
        address: 'editor@example.org',
        name: 'Kofi Boateng',
      });

      const decided = await get(t.app, `/editor/requests/${id}`, editor);
      expect(decided.body).toContain(`href="/editor/campaigns/${slug}"`);
      expect(decided.body).toContain('Status: Approved. There is nothing more to decide here.');
      expect(decided.body).not.toContain(`/editor/requests/${id}/approve`);
      expect(decided.body).not.toContain(`/editor/requests/${id}/endorsements"`);
      const again = await post(t.app, `/editor/requests/${id}/approve`, editor);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain("Nothing changed: this request's status is now Approved.");
      expect(
        Number(
          (
            await k
              .selectFrom('campaigns')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(4);
    } finally {
      await mail.close();
    }
  });

  it('asks for changes, then declines with a reason, mailing each from the deciding editor', async () => {
    const mail = await startMailWorker(t);
    try {
      const id = await submit({}, 'tl');
      const empty = await post(t.app, `/editor/requests/${id}/changes`, editor, { message: '  ' });
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('Please write the message.');
      const arabic = await signedIn(t, 'editor', { email: 'amal@example.org', locale: 'ar' });
      const long = await post(t.app, `/editor/requests/${id}/decline`, arabic, {
        message: 'x'.repeat(5_001),
      });
      expect(long.statusCode).toBe(422);
      expect(long.body).toContain('يُرجى تقصير الرسالة: الحد الأقصى 5,000 من الأحرف.');
      expect(long.body).toContain(`${'x'.repeat(5_001)}</textarea>`);
      expect((await request(id)).status).toBe('waiting');

      const changes = await post(t.app, `/editor/requests/${id}/changes`, editor, {
        message: 'Please add the name of the hospital and a working address for its director.',
      });
      expect(changes.statusCode).toBe(303);
      expect(changes.headers.location).toBe(`/editor/requests/${id}?done=changes`);
      const page = await get(t.app, changes.headers.location!, editor);
      expect(page.body).toContain('Your message is on its way to the requester.');
      expect(page.body).toContain('Changes asked for on a campaign request');
      expect(page.body).toContain('Please add the name of the hospital');
      expect(await request(id)).toMatchObject({
        status: 'changes_requested',
        decision_note: 'Please add the name of the hospital and a working address for its director.',
      });

      // Still open: the union answers by mail, then the editors decide.
      const decline = await post(t.app, `/editor/requests/${id}/decline`, editor, {
        message: 'The dispute was settled before we could launch.',
      });
      expect(decline.headers.location).toBe(`/editor/requests/${id}?done=declined`);
      expect((await request(id)).status).toBe('declined');
      const late = await post(t.app, `/editor/requests/${id}/changes`, editor, {
        message: 'One more thing.',
      });
      expect(late.statusCode).toBe(409);
      const endorseLate = await post(t.app, `/editor/requests/${id}/endorsements`, editor, { name: 'ITUC' });
      expect(endorseLate.statusCode).toBe(409);

      expect(await mail.drain()).toBe(3);
      const [, asked, declined] = await mail.sink.waitFor(3);
      expect(asked!.parsed.subject).toBe(
        'Kailangan ng mga pagbabago sa inyong kahilingan ng kampanya: Korea: Reinstate the dismissed nurses of Seoul',
      );
      expect(asked!.parsed.text).toContain(
        'Please add the name of the hospital and a working address for its director.',
      );
      expect(asked!.parsed.replyTo?.value[0]?.address).toBe('editor@example.org');
      expect(declined!.parsed.subject).toBe(
        'Tungkol sa inyong kahilingan ng kampanya: Korea: Reinstate the dismissed nurses of Seoul',
      );
      expect(declined!.parsed.text).toContain('The dispute was settled before we could launch.');
      expect(declined!.envelope.to).toEqual(['kim.jiyoung@khmu.example.org']);
    } finally {
      await mail.close();
    }
  });

  it('records and removes endorsements, refusing a bad link with the input kept', async () => {
    const id = await seededId();
    const bad = await post(t.app, `/editor/requests/${id}/endorsements`, editor, {
      name: 'IndustriALL',
      url: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Please enter a web address, like https://union.example.org.');
    expect(bad.body).toContain('value="IndustriALL"');
    const nameless = await post(t.app, `/editor/requests/${id}/endorsements`, editor, { name: '' });
    expect(nameless.body).toContain("Please enter the organisation's name.");

    await post(t.app, `/editor/requests/${id}/endorsements`, editor, {
      name: 'IndustriALL',
      url: 'industriall-union.org',
    });
    const list = await t.db.kysely
      .selectFrom('request_endorsements')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute();
    expect(list.map((e) => [e.name, e.url])).toEqual([
      ['Belarusian Congress of Democratic Trade Unions (BKDP)', null],
      ['IndustriALL', 'https://industriall-union.org/'],
    ]);
    const removed = await post(t.app, `/editor/requests/${id}/endorsements/remove`, editor, {
      endorsement: String(list[1]!.id),
    });
    expect(removed.headers.location).toBe(`/editor/requests/${id}?done=unendorsed#endorsements`);
    const unknown = await post(t.app, `/editor/requests/${id}/endorsements/remove`, editor, {
      endorsement: '999999',
    });
    expect(unknown.statusCode).toBe(404);
    const after = await get(t.app, removed.headers.location!.replace('#endorsements', ''), editor);
    expect(after.body).toContain('The endorsement is removed.');
    expect(after.body).toContain('Endorsement removed');
    expect(
      await t.db.kysely
        .selectFrom('request_endorsements')
        .select('name')
        .where('request_id', '=', id)
        .execute(),
    ).toEqual([{ name: 'Belarusian Congress of Democratic Trade Unions (BKDP)' }]);
  });

  it('gives two requests with one headline two slugs, and lets only one of two editors approve', async () => {
    const first = await submit({});
    const second = await submit({});
    const a = await post(t.app, `/editor/requests/${first}/approve`, editor);
    const b = await post(t.app, `/editor/requests/${second}/approve`, editor);
    expect(a.headers.location).toBe(
      '/editor/campaigns/korea-reinstate-the-dismissed-nurses-of-seoul?done=approved',
    );
    expect(b.headers.location).toBe(
      '/editor/campaigns/korea-reinstate-the-dismissed-nurses-of-seoul-2?done=approved',
    );

    const other = await signedIn(t, 'admin');
    const seeded = await seededId();
    const [x, y] = await Promise.all([
      post(t.app, `/editor/requests/${seeded}/approve`, editor),
      post(t.app, `/editor/requests/${seeded}/approve`, other),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([303, 409]);
    const made = await t.db.kysely
      .selectFrom('campaigns')
      .select('slug')
      .where('slug', 'like', 'belarus-free-union-leader%')
      .execute();
    expect(made).toEqual([{ slug: 'belarus-free-union-leader-aliaksandr-yarashuk' }]);
  });

  it('refuses translators and partners, and sends anonymous visitors to log in', async () => {
    const id = await seededId();
    for (const role of ['translator', 'partner'] as const) {
      const browser = await signedIn(t, role);
      expect((await get(t.app, '/editor/requests', browser)).statusCode).toBe(403);
      expect((await get(t.app, `/editor/requests/${id}`, browser)).statusCode).toBe(403);
      expect((await post(t.app, `/editor/requests/${id}/approve`, browser)).statusCode).toBe(403);
      expect(
        (await post(t.app, `/editor/requests/${id}/decline`, browser, { message: 'No.' })).statusCode,
      ).toBe(403);
      expect((await get(t.app, '/editor', browser)).body).not.toContain('href="/editor/requests"');
    }
    expect((await request(id)).status).toBe('waiting');
    const anonymous = await t.app.inject({ url: '/editor/requests' });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe('/editor/login?next=%2Feditor%2Frequests');
    expect((await get(t.app, '/editor/requests/0', editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/requests/999999', editor)).statusCode).toBe(404);
  });
});
