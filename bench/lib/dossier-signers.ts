// The generated signers of the dossier benchmarks (bench:exports, bench:renderers): one name in each of the
// 15 scripts issue 16 lists, spread over 60 countries, so every renderer is measured on the same people.

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
