// The generated signers of the dossier benchmarks (bench:exports, bench:renderers): one name in each of the
// 15 scripts issue 16 lists, spread over 60 countries, so every renderer is measured on the same people.

import type { Db } from '../../src/db/database.js';
import type { DossierGroup } from '../../src/domain/petition/dossier.js';
import { countryCodes } from '../../src/domain/signature/countries.js';

/** One name per script, in the order of `scripts`. */
export const names = [
  'Ana María Souza',
  'Олег Петров',
  'Γιώργος Παπαδόπουλος',
  'ნინო ბერიძე',
  'Արամ Սարգսյան',
  'محمد عبد الله',
  'مریم رضایی',
  'דוד כהן',
  'अनीता शर्मा',
  'রহিম উদ্দিন',
  'สมชาย ใจดี',
  'សុខ ចាន់',
  '王小明',
  '山田 太郎',
  '김 민준',
] as const;

export const scripts = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Georgian',
  'Armenian',
  'Arabic',
  'Persian',
  'Hebrew',
  'Devanagari',
  'Bengali',
  'Thai',
  'Khmer',
  'Chinese',
  'Japanese',
  'Korean',
] as const;

export const countries = countryCodes.slice(0, 60);

/** The i-th generated signer's name, union and country (bench:exports writes them to the database). */
export const generatedSigner = (i: number) => ({
  name: names[i % names.length]!,
  union: i % 4 === 0 ? null : `Union ${i % 97}`,
  country: countries[i % countries.length]!,
  anonymous: i % 20 === 0,
});

/**
 * The same signers as the petition would give them to a renderer, without a database: grouped by country
 * (countries in the order of their English names), a twentieth shown as "a supporter from …" (no name).
 */
export function generatedGroups(total: number, t0: number): DossierGroup[] {
  const byCountry = new Map<string, DossierGroup>();
  for (let i = 0; i < total; i++) {
    const s = generatedSigner(i);
    let group = byCountry.get(s.country);
    if (!group) {
      group = { country: s.country, signers: [] };
      byCountry.set(s.country, group);
    }
    group.signers.push({
      id: i + 1,
      name: s.anonymous ? null : s.name,
      union: s.union,
      country: s.country,
      signedAt: t0 + i * 7_000,
    });
  }
  const english = new Intl.DisplayNames('en', { type: 'region' });
  return [...byCountry.values()].sort((a, b) =>
    english.of(a.country!)!.localeCompare(english.of(b.country!)!, 'en'),
  );
}

/**
 * Writes `total` generated signers of one campaign to the database, counted (confirmed), a thousand at a
 * time, their supporters with them: the campaign bench:exports and bench:export read back.
 */
export async function seedDossierSigners(
  db: Db,
  campaignId: number,
  total: number,
  t0: number,
): Promise<void> {
  for (let start = 0; start < total; start += 1_000) {
    const n = Math.min(1_000, total - start);
    const supporters = await db.kysely
      .insertInto('supporters')
      .values(
        Array.from({ length: n }, (_, k) => {
          const i = start + k;
          const s = generatedSigner(i);
          return {
            email: `s${i}@example.org`,
            email_index: db.vault.index(`s${i}@example.org`),
            email_domain_index: db.vault.domainIndex(`s${i}@example.org`),
            name: s.name,
            locale: 'en',
            country: s.country,
            union_name: s.union,
            created_at: t0,
            updated_at: t0,
          };
        }),
      )
      .returning('id')
      .execute();
    await db.kysely
      .insertInto('signatures')
      .values(
        supporters.map(({ id }, k) => {
          const i = start + k;
          const s = generatedSigner(i);
          const at = t0 + i * 7_000;
          return {
            campaign_id: campaignId,
            supporter_id: id,
            locale: ['en', 'ar', 'tl', 'ru', 'es'][i % 5]!,
            name: s.name,
            union_name: s.union,
            country: s.country,
            message: 'Free union and political prisoners.',
            source: i % 3 === 0 ? 'mailing-en-1' : null,
            status: 'confirmed',
            petition_anonymous: s.anonymous ? 1 : 0,
            created_at: at,
            confirmed_at: at,
          };
        }),
      )
      .execute();
  }
}
