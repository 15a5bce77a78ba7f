// The public petition on both databases: who appears (counted only; never held, pending, hidden or erased),
// how (short or full names, "a supporter from Chile"), newest first in stable keyset pages, by country, in
// English and Arabic, and still readable once the campaign is closed.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  buildCampaign,
  markSupporterErased,
  recordSigner,
  type SignerOverrides,
} from '../../../../test/factories.js';
import { ana, erlan, formToken, postSign } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { CampaignRepository } from '../../../db/campaign.repository.js';

const t0 = Date.UTC(2026, 10, 23, 10);

describe.each(testDialects)('public petition on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;
  let slug: string;
  appPerTest(dialect, async (app) => {
    ({ t } = app);
    const campaign = buildCampaign({ confirmationMode: 'confirm_first', deliveryMode: 'petition_only' });
    slug = campaign.slug;
    campaignId = await new CampaignRepository(t.db).create(campaign, t0);
  });

  const signer = (name: string, country: string, at: number, over?: SignerOverrides) =>
    recordSigner(t, campaignId, name, country, at, over);
  const page = (url: string) => t.app.inject({ url });
  const names = (html: string) =>
    [...html.matchAll(/<span class="signer__name">(?:<bdi>)?([^<]*)/g)].map((m) => m[1]);

  it('shows counted signers newest first, never pending, held, hidden or erased ones', async () => {
    await signer('Ana María Souza', 'BR', t0 + 1_000, { union: 'CUT' });
    await signer('Олег Петров', 'BY', t0 + 2_000, { union: 'BKDP' });
    await signer('Camila Rojas', 'CL', t0 + 3_000, { union: 'CUT Chile', anonymous: true });
    await signer('Pending Person', 'FR', t0 + 4_000, { status: 'pending' });
    await signer('Held Person', 'FR', t0 + 5_000, { status: 'held' });
    const hidden = await signer('Hidden Person', 'DE', t0 + 6_000);
    const erased = await signer('Erased Person', 'SE', t0 + 7_000);
    await t.db.kysely
      .updateTable('signatures')
      .set({ petition_hidden_at: t0 + 8_000 })
      .where('id', '=', hidden.signatureId)
      .execute();
    await markSupporterErased(t, erased.signatureId);

    const res = await page(`/en/campaigns/${slug}/petition`);
    expect(res.statusCode).toBe(200);
    expect(names(res.body)).toEqual(['A supporter from Chile', 'Олег П.', 'Ana S.']);
    expect(res.body).toContain('3 signatures');
    expect(res.body).toContain('Reinstate the nurses.'); // the demand
    expect(res.body).toContain('Belarus');
    expect(res.body).toContain('BKDP');
    // The anonymous signer's union is not shown either.
    expect(res.body).not.toContain('CUT Chile');
    for (const absent of ['Camila', 'Pending', 'Held', 'Hidden', 'Erased', 'Souza']) {
      expect(res.body).not.toContain(absent);
    }

    // Arabic: right to left, country names in Arabic, names keep their own direction.
    const ar = await page(`/ar/campaigns/${slug}/petition`);
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('class="notice"'); // the demand is shown in English, and the page says so
    expect(ar.body).toContain('مؤيد من تشيلي');
    expect(ar.body).toContain('<bdi>Олег П.</bdi>');
  });

  it('shows full names when the campaign decides so, still never the anonymous ones', async () => {
    await t.db.kysely
      .updateTable('campaigns')
      .set({ petition_names: 'full' })
      .where('id', '=', campaignId)
      .execute();
    await signer('Ana María Souza', 'BR', t0 + 1_000);
    await signer('Camila Rojas', 'CL', t0 + 2_000, { anonymous: true });
    const full = await page(`/en/campaigns/${slug}/petition`);
    expect(names(full.body)).toEqual(['A supporter from Chile', 'Ana María Souza']);
    expect(full.body).not.toContain('Camila');
  });

  it('pages by keyset: every signer once, in order, and a page link keeps its signers as others sign', async () => {
    // 120 signers, pairs sharing a timestamp so the id breaks ties.
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        signer(`Signer${i} Test`, i % 3 === 0 ? 'CL' : 'KR', t0 + Math.floor(i / 2)),
      ),
    );
    const seen: string[] = [];
    let url: string | undefined = `/en/campaigns/${slug}/petition`;
    let pages = 0;
    let second: { url: string; names: string[] } | undefined;
    while (url) {
      const res = await page(url);
      expect(res.statusCode).toBe(200);
      const here = names(res.body).map(String);
      if (pages === 1) second = { url, names: here };
      seen.push(...here);
      pages++;
      const next = /<a rel="next" href="([^"]+)"/.exec(res.body)?.[1];
      url = next?.replaceAll('&amp;', '&');
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    // Newest first: signer 119 and 118 share the newest second; the higher id (119) comes first.
    expect(seen.slice(0, 3)).toEqual(['Signer119 T.', 'Signer118 T.', 'Signer117 T.']);
    expect(seen.at(-1)).toBe('Signer0 T.');

    // New signatures arrive: the second page's link shows the same people.
    await Promise.all(Array.from({ length: 7 }, (_, i) => signer(`Late${i} Test`, 'KR', t0 + 10_000 + i)));
    const again = await page(second!.url);
    expect(names(again.body).map(String)).toEqual(second!.names);

    // By country: only Chile, each once, with the filter keeping the cursor's country.
    const chile: string[] = [];
    url = `/en/campaigns/${slug}/petition?country=cl`;
    while (url) {
      const res = await page(url);
      expect(res.body).toContain('40 signatures from Chile');
      chile.push(...names(res.body).map(String));
      url = /<a rel="next" href="([^"]+)"/.exec(res.body)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(chile).toHaveLength(40);
    expect(chile.every((n) => Number(/Signer(\d+)/.exec(n)?.[1]) % 3 === 0)).toBe(true);
  });

  it('refuses made-up countries and cursors, and hides unpublished campaigns', async () => {
    expect((await page(`/en/campaigns/${slug}/petition?country=XX`)).statusCode).toBe(404);
    expect((await page(`/en/campaigns/${slug}/petition?after=yesterday`)).statusCode).toBe(404);
    expect((await page(`/en/campaigns/${slug}/petition?after=1&after=2`)).statusCode).toBe(404);
    expect((await page('/en/campaigns/no-such-campaign/petition')).statusCode).toBe(404);
    const draft = buildCampaign({ status: 'draft' });
    await new CampaignRepository(t.db).create(draft, t0);
    expect((await page(`/en/campaigns/${draft.slug}/petition`)).statusCode).toBe(404);
  });

  it('stays readable once the campaign is closed, without a sign link', async () => {
    await signer('Ana Souza', 'BR', t0 + 1_000);
    await t.db.kysely
      .updateTable('campaigns')
      .set({ status: 'closed', closed_at: t0 + 5_000 })
      .where('id', '=', campaignId)
      .execute();
    const res = await page(`/en/campaigns/${slug}/petition`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('This campaign is closed');
    expect(names(res.body)).toEqual(['Ana S.']);
    expect(res.body).not.toContain('Add your name');
  });

  it('prints every visible signer grouped by country, countries by name in the page language', async () => {
    await signer('Ana Souza', 'BR', t0 + 1_000, { union: 'CUT' });
    await signer('Олег Петров', 'BY', t0 + 2_000);
    await signer('Bia Lima', 'BR', t0 + 3_000);
    await signer('Camila Rojas', 'CL', t0 + 4_000, { anonymous: true });
    const hidden = await signer('Hidden Person', 'AR', t0 + 5_000);
    await t.db.kysely
      .updateTable('signatures')
      .set({ petition_hidden_at: t0 })
      .where('id', '=', hidden.signatureId)
      .execute();
    const res = await page(`/en/campaigns/${slug}/petition/print`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/assets/print.css');
    const headings = [...res.body.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Belarus (1)', 'Brazil (2)', 'Chile (1)']);
    // Within a country, oldest first; "a supporter from" without name.
    expect(res.body.indexOf('Ana S.')).toBeLessThan(res.body.indexOf('Bia L.'));
    expect(res.body).toContain('A supporter from Chile');
    expect(res.body).not.toContain('Camila');
    expect(res.body).not.toContain('Hidden');
    expect(res.body).toContain('4 signatures');
    const ar = await page(`/ar/campaigns/${slug}/petition/print`);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect([...ar.body.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'البرازيل (2)',
      'بيلاروس (1)',
      'تشيلي (1)',
    ]);
    const draft = buildCampaign({ status: 'draft' });
    await new CampaignRepository(t.db).create(draft, t0);
    expect((await page(`/en/campaigns/${draft.slug}/petition/print`)).statusCode).toBe(404);
  });

  it('the sign form says what will appear, and stores the "supporter from" choice only when ticked', async () => {
    const form = await page(`/en/campaigns/${erlan}`);
    expect(form.body).toContain(
      'On the public petition you appear with your first name and the initial of your last name',
    );
    expect(form.body).toMatch(/<input id="anonymous" name="anonymous" type="checkbox" value="yes"\s*\/?>/);
    expect(form.body).toContain(`href="/en/campaigns/${erlan}/petition"`);

    const token = await formToken(t.app, 'en');
    const yes = await postSign(t.app, 'en', { ...ana, token, anonymous: 'yes' });
    expect(yes.statusCode).toBe(303);
    const no = await postSign(t.app, 'en', { ...ana, email: 'bo@example.org', name: 'Bo Li', token });
    expect(no.statusCode).toBe(303);
    const rows = await t.db.kysely
      .selectFrom('signatures')
      .innerJoin('campaigns', 'campaigns.id', 'signatures.campaign_id')
      .select(['signatures.name', 'signatures.petition_anonymous'])
      .where('campaigns.slug', '=', erlan)
      .orderBy('signatures.id')
      .execute();
    expect(rows.map((r) => [r.name, Number(r.petition_anonymous)])).toEqual([
      ['Ana Souza', 1],
      ['Bo Li', 0],
    ]);
  });
});
