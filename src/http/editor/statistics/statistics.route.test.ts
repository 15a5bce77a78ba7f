// The statistics pages through HTTP on the seeded demo, on both databases: signatures of the demo campaign
// written as rows and their counts rebuilt by the reconcile job's own code, then the figures, the map, the
// CSV, right-to-left, and who may see what (a partner of another campaign is refused).

import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { blindIndex, domainIndex } from '../../../../test/blind-index.js';
import { campaignIdOf, firstTargetId, testDialects } from '../../../../test/db.js';
import { get, personSignedIn, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { SignatureRepository } from '../../../db/signature.repository.js';
import { worldShapes } from './world-shapes.js';

const belarus = 'belarus-trade-unionism-is-not-extremism';
const hour = 3_600_000;

describe.each(testDialects)('statistics pages on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let erlanId: number;

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    erlanId = await campaignIdOf(t.db, erlan);
    await seed();
  });

  /** Nine signatures of Erlan's campaign over five days, in two languages, four countries and five sources. */
  async function seed() {
    const now = clock.now();
    const rows: [string, string, string | null, string | null, number][] = [
      // status, locale, country, source, made how long ago
      ['confirmed', 'en', 'KZ', 'mailing-1-en', 2 * hour],
      ['confirmed', 'en', 'KZ', 'mailing-1-en', 2 * hour],
      ['confirmed', 'en', 'KZ', 'mailing-1-en', 2 * hour + 1],
      ['confirmed', 'en', 'CL', '-x', 2 * hour],
      ['confirmed', 'ar', 'BR', 'share', 30 * hour],
      ['confirmed', 'ar', 'BR', 'share', 30 * hour],
      ['confirmed', 'en', null, null, 5 * 24 * hour],
      ['pending', 'en', 'KZ', null, hour],
      ['held', 'en', 'KZ', null, hour],
    ];
    const db = t.db.kysely;
    for (const [i, [status, locale, country, source, ago]] of rows.entries()) {
      const { id: supporterId } = await db
        .insertInto('supporters')
        .values({
          email: `s${i}@example.org`,
          email_index: blindIndex(`s${i}@example.org`),
          email_domain_index: domainIndex(`s${i}@example.org`),
          name: `Signer ${i}`,
          locale,
          country,
          union_name: null,
          created_at: now - ago,
          updated_at: now - ago,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: signatureId } = await db
        .insertInto('signatures')
        .values({
          campaign_id: erlanId,
          supporter_id: supporterId,
          locale,
          name: `Signer ${i}`,
          union_name: null,
          country,
          message: 'Free Erlan Baltabay now.',
          source,
          status,
          confirm_token_hash: null,
          ip_hash: null,
          created_at: now - ago,
          confirmed_at: status === 'confirmed' ? now - ago : null,
          confirmation_sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i < 4) {
        const targetId = await firstTargetId(t.db, erlanId);
        await db
          .insertInto('messages')
          .values({
            signature_id: signatureId,
            target_id: targetId,
            campaign_id: erlanId,
            status: ['sent', 'sent', 'queued', 'bounced'][i]!,
            digest_id: null,
            digest_size: null,
            to_address: null,
            message_id_header: null,
            next_attempt_at: null,
            locked_by: null,
            locked_until: null,
            last_attempt_at: null,
            last_error: null,
            created_at: now - ago,
            sent_at: null,
          })
          .execute();
      }
    }
    await new SignatureRepository(t.db).reconcileCounts();
  }

  it('shows an editor every figure of a campaign, right', async () => {
    const res = await get(t.app, `/editor/campaigns/${erlan}/statistics`, await signedIn(t, 'editor'));
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h1>Campaign statistics</h1>');
    expect(body).toMatch(/Counted signatures<\/dt><dd class="stats-figures__value">7<\/dd>/);
    expect(body).toContain('Not counted: 1 waiting for email confirmation, 1 held for review');
    // 7 confirmed of 8 asked (the held one is not decided yet).
    expect(body).toMatch(/Confirmation rate<\/dt><dd class="stats-figures__value">87.5%<\/dd>/);
    // Hourly from the first signature (Nov 18, 09:00) for 72 hours, then daily to today.
    expect(body).toContain('1 counted signature from Nov 18, 09:00 to Nov 21, 08:00');
    expect(body).toContain('7 counted signatures from Nov 18 to Nov 23');
    const days = [...body.matchAll(/<tr><th scope="row">Nov (\d+)<\/th><td>(\d+)<\/td><\/tr>/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(days).toEqual(['18:1', '19:0', '20:0', '21:0', '22:2', '23:4']);
    for (const row of [
      ['English', '5', '71.4%'],
      ['Arabic', '2', '28.6%'],
      ['Kazakhstan', '3', '42.9%'],
      ['Brazil', '2', '28.6%'],
      ['Chile', '1', '14.3%'],
      ['No country given', '1', '14.3%'],
      ['Our mailings', '3', '42.9%'],
      ["Partners' links", '0', '0%'],
      ['Sharing and social media', '2', '28.6%'],
      ['Direct (no source tag)', '1', '14.3%'],
      ['Other source tags', '1', '14.3%'],
      ['mailing-1-en', '3', '42.9%'],
    ])
      expect(body).toContain(`<th scope="row" dir="auto">${row[0]}</th><td>${row[1]}</td><td>${row[2]}</td>`);
    for (const [status, n] of [
      ['Sent', 2],
      ['Waiting to be sent', 1],
      ['Bounced', 1],
      ['Held (the address bounced)', 0],
    ])
      expect(body).toContain(`<th scope="row">${status}</th><td>${n}</td>`);
    expect(body).not.toMatch(/<script|style="/);
  });

  it('draws the world map: a path per country shape, each titled with its name and count', async () => {
    const body = (await get(t.app, `/editor/campaigns/${erlan}/statistics`, await signedIn(t, 'editor')))
      .body;
    expect(body).toContain(
      '<title id="world-map-title">World map of counted signatures, shaded by count: signers from 3 countries</title>',
    );
    const paths = [
      ...body.matchAll(
        /<path class="world-map__land world-map__land--(\d)" d="[^"]+" data-country="([A-Z]{2})"><title>([^<]+)<\/title><\/path>/g,
      ),
    ];
    expect(paths.length).toBe(worldShapes().shapes.length);
    expect(paths.length).toBeGreaterThan(170);
    const of = (code: string) => paths.find((p) => p[2] === code)!;
    // Counts 3, 2, 1 make three steps, drawn in the three darkest shades.
    expect([of('KZ')[1], of('KZ')[3]]).toEqual(['5', 'Kazakhstan: 3 signatures']);
    expect([of('BR')[1], of('BR')[3]]).toEqual(['4', 'Brazil: 2 signatures']);
    expect([of('CL')[1], of('CL')[3]]).toEqual(['3', 'Chile: 1 signature']);
    expect([of('FR')[1], of('FR')[3]]).toEqual(['0', 'France: 0 signatures']);
    expect(body).toContain('Counted signatures per country');
  });

  it('gives the same numbers as CSV, with a BOM and formula-like cells neutralised', async () => {
    const res = await get(t.app, `/editor/campaigns/${erlan}/statistics.csv`, await signedIn(t, 'editor'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${erlan}-statistics-2026-11-23.csv"`,
    );
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFfigure,key,name,signatures');
    for (const line of [
      'total,confirmed,Counted signatures,7',
      'total,pending,,1',
      'total,confirmation_rate,Confirmation rate,0.875',
      'hour,2026-11-18T09:00Z,,1',
      'day,2026-11-22,,2',
      'day,2026-11-23,,4',
      'language,ar,Arabic,2',
      'country,KZ,Kazakhstan,3',
      'country,,No country given,1',
      'source,mailing,Our mailings,3',
      "source_tag,'-x,Other source tags,1",
      'messages,sent,Sent,2',
      'messages,bounced,Bounced,1',
    ])
      expect(lines).toContain(line);
    expect(lines.filter((l) => l.startsWith('hour,')).length).toBe(72);
  });

  it('shows the site-wide page, in Arabic too, mirrored and with names from Intl', async () => {
    const editor = await signedIn(t, 'editor', { email: 'ar@example.org', locale: 'ar' });
    const res = await get(t.app, '/editor/statistics', editor);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('<h1>إحصاءات الحملات الجارية</h1>');
    expect(res.body).toContain('كازاخستان');
    // The site-wide page covers the live campaigns, each linked to its own page.
    expect(res.body).toContain(`<a href="/editor/campaigns/${erlan}/statistics" dir="auto">`);
    // The last 30 days by day, the newest bar on the left: the last slot is drawn at x = 1.
    const bars = [...res.body.matchAll(/<rect class="day-chart__bar" x="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(bars.length).toBe(72 + 30);
    expect(bars.at(-1)).toBe(1);
    const csv = await get(t.app, '/editor/statistics.csv', editor);
    expect(csv.body).toContain('country,KZ,كازاخستان,3');
  });

  it('shows a partner its campaign only, and refuses another campaign', async () => {
    const { person, browser: partner } = await personSignedIn(t, 'partner');
    const admin = await signedIn(t, 'admin');
    const attach = await post(t.app, `/editor/users/${person.id}/campaigns`, admin, {
      campaign: String(await campaignIdOf(t.db, belarus)),
    });
    expect(attach.statusCode).toBe(303);
    expect((await get(t.app, `/editor/campaigns/${erlan}/statistics`, partner)).statusCode).toBe(403);
    expect((await get(t.app, `/editor/campaigns/${erlan}/statistics.csv`, partner)).statusCode).toBe(403);
    expect((await get(t.app, `/editor/campaigns/${belarus}/statistics`, partner)).statusCode).toBe(200);
    const site = await get(t.app, '/editor/statistics', partner);
    expect(site.statusCode).toBe(200);
    expect(site.body).toContain('These figures cover only the campaigns your account is attached to.');
    expect(site.body).toMatch(/Counted signatures<\/dt><dd class="stats-figures__value">0<\/dd>/);
    // A translator may not read reports at all; a campaign that does not exist is a 404.
    expect((await get(t.app, '/editor/statistics', await signedIn(t, 'translator'))).statusCode).toBe(403);
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/campaigns/no-such-campaign/statistics', editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/campaigns/Bad%20Slug!/statistics', editor)).statusCode).toBe(404);
  });
});
