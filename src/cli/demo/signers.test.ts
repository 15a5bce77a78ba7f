// The generated signers of `npm run demo -- --signers N`, on each database: the count asked for, 60
// countries and names in all 15 scripts, spread over three weeks, counted (the count rows match), sealed at
// rest like any signer, and a second run refused rather than doubling the campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignIdOf, countedSignatures, testDialects } from '../../../test/db.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { signersFlag } from '../demo.js';
import { generateSigners, seedSigners, signerDays } from './signers.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const now = Date.UTC(2026, 11, 1, 12);

const scripts: [string, RegExp][] = [
  ['Latin with diacritics', /[À-ɏ]/],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Arabic', /[ء-ي]/],
  ['Persian', /[پچژگک]/],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Khmer', /\p{Script=Khmer}/u],
  ['Han', /\p{Script=Han}/u],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean', /\p{Script=Hangul}/u],
];

describe('generated signers', () => {
  it('are the same for the same count, in 60 countries and 15 scripts, over three weeks', () => {
    const rows = generateSigners(7, 600, now);
    expect(generateSigners(7, 600, now)).toEqual(rows);
    expect(new Set(rows.map((r) => r.country)).size).toBe(60);
    for (const [name, pattern] of scripts)
      expect(
        rows.some((r) => pattern.test(r.name)),
        name,
      ).toBe(true);
    expect(Math.min(...rows.map((r) => r.at))).toBeGreaterThanOrEqual(now - signerDays * 86_400_000);
    expect(Math.max(...rows.map((r) => r.at))).toBeLessThan(now);
    // A shape, not a flat line: the launch days hold far more than the quiet ones.
    const perDay = new Map<number, number>();
    for (const r of rows)
      perDay.set(Math.floor(r.at / 86_400_000), (perDay.get(Math.floor(r.at / 86_400_000)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeGreaterThan(4 * Math.min(...perDay.values()));
  });

  it('reads the demo flag', () => {
    expect(signersFlag([])).toBeUndefined();
    expect(signersFlag(['--reset', '--signers', '25000'])).toBe(25_000);
    expect(signersFlag(['--signers=300'])).toBe(300);
    expect(signersFlag(['--signers'])).toBeNaN();
    expect(signersFlag(['--signers', '-5'])).toBeNaN();
  });
});

describe.each(testDialects)('seeding generated signers (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('writes them once, counted and sealed, and refuses a second run', async () => {
    const result = await seedSigners(t.db, { slug, count: 300, now });
    expect(result).toMatchObject({ status: 'seeded', signatures: 300, countries: 60 });
    const campaignId = await campaignIdOf(t.db, slug);
    const rows = await t.db.kysely
      .selectFrom('signatures')
      .select(['name', 'status'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(rows).toHaveLength(300);
    for (const [name, pattern] of scripts)
      expect(
        rows.some((r) => pattern.test(r.name)),
        name,
      ).toBe(true);
    expect(await countedSignatures(t.db, campaignId, 'confirmed')).toBe(300);
    // At rest a name is sealed, never the text itself.
    const raw = await t.db.kysely
      .withoutPlugins()
      .selectFrom('signatures')
      .select('name')
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(raw.some((r) => rows.some((o) => o.name === r.name))).toBe(false);

    expect(await seedSigners(t.db, { slug, count: 300, now })).toEqual({ status: 'already_seeded' });
    expect(await seedSigners(t.db, { slug: 'no-such-campaign', count: 10, now })).toEqual({
      status: 'not_found',
    });
    expect(await seedSigners(t.db, { slug, count: Number.NaN, now })).toMatchObject({
      status: 'invalid_count',
    });
    expect(await seedSigners(t.db, { slug, count: 0, now })).toMatchObject({ status: 'invalid_count' });
  });
});
