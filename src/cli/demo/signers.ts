// Many generated signers for one campaign (`npm run demo -- --signers 25000`, and the close-out journey with
// a few hundred): what issue 16's "done when" is shown on. Names in the 15 scripts the dossier must print
// (Latin with diacritics, Cyrillic, Greek, Georgian, Armenian, Arabic, Persian, Hebrew, Devanagari, Bengali,
// Thai, Khmer, Chinese, Japanese, Korean) from 60 countries, spread over three weeks with a launch surge, a
// second wave and a tail so the statistics have a shape. Seeded randomness: the same count gives the same
// people. Everyone is invented (addresses on example.org/example.net, on no mailing list) and goes in as
// history, like history.ts: counted, with count rows, sealed by the database layer, no letters queued.
// A campaign is seeded once: a second run finds its first signer and refuses.

import { campaignsWithSourceText } from '../../db/campaign-source-text.js';
import type { Db } from '../../db/database.js';
import { seededRandom } from './seeded-random.js';
import { type GeneratedSigner, writeSigners } from './write-signers.js';

const day = 86_400_000;
/** The signers are spread over this many days before `now`. */
export const signerDays = 21;
/** The most a run may write: a demo, not a load test. */
export const maxSigners = 200_000;

type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'georgian'
  | 'armenian'
  | 'arabic'
  | 'persian'
  | 'hebrew'
  | 'devanagari'
  | 'bengali'
  | 'thai'
  | 'khmer'
  | 'chinese'
  | 'japanese'
  | 'korean';

/** Given names, family names, and whether the family name comes first (East Asian order, no space in Chinese). */
const names: Record<Script, { given: string[]; family: string[]; order?: 'family-first' | 'joined' }> = {
  latin: {
    given: ['Ana María', 'João', 'Zoë', 'Łukasz', 'Çağrı', 'Søren', 'Renée', 'Dvořák', 'Iñaki', 'Nguyễn Thị'],
    family: ['Souza', 'Gonçalves', 'Müller', 'Wiśniewska', 'Yılmaz', 'Østergård', 'Lefèvre', 'Núñez', 'Hà'],
  },
  cyrillic: {
    given: ['Олег', 'Анна', 'Айгерим', 'Сергей', 'Ольга', 'Тимур', 'Ірина', 'Аляксандр'],
    family: ['Петров', 'Иванова', 'Ахметова', 'Соколов', 'Бекова', 'Шевченко', 'Лукашэвіч'],
  },
  greek: {
    given: ['Γιώργος', 'Ελένη', 'Νίκος', 'Μαρία', 'Δημήτρης', 'Σοφία'],
    family: ['Παπαδόπουλος', 'Νικολάου', 'Γεωργίου', 'Οικονόμου', 'Αντωνίου'],
  },
  georgian: {
    given: ['ნინო', 'გიორგი', 'თამარ', 'დავით', 'ანა', 'ლევან'],
    family: ['ბერიძე', 'კაპანაძე', 'გელაშვილი', 'მაისურაძე', 'ლომიძე'],
  },
  armenian: {
    given: ['Արամ', 'Անի', 'Դավիթ', 'Նարե', 'Տիգրան', 'Լուսինե'],
    family: ['Սարգսյան', 'Հակոբյան', 'Պետրոսյան', 'Գրիգորյան', 'Կարապետյան'],
  },
  arabic: {
    given: ['محمد', 'فاطمة', 'عمر', 'ليلى', 'يوسف', 'نور', 'كريم', 'سلمى'],
    family: ['عبد الله', 'حداد', 'منصور', 'الخليل', 'ناصر', 'درويش'],
  },
  persian: {
    given: ['پریسا', 'علی', 'زهرا', 'رضا', 'مریم', 'کاوه'],
    family: ['رضایی', 'محمدی', 'کریمی', 'حسینی', 'پورمحمد'],
  },
  hebrew: {
    given: ['דוד', 'נועה', 'יוסף', 'מיכל', 'אבי', 'תמר'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון'],
  },
  devanagari: {
    given: ['अनीता', 'राहुल', 'प्रिया', 'सुरेश', 'कविता', 'अर्जुन'],
    family: ['शर्मा', 'वर्मा', 'यादव', 'गुप्ता', 'श्रेष्ठ'],
  },
  bengali: {
    given: ['রহিম', 'ফাতেমা', 'সুমন', 'নাসরিন', 'আরিফ', 'শাপলা'],
    family: ['উদ্দিন', 'আক্তার', 'হোসেন', 'রহমান', 'চৌধুরী'],
  },
  thai: {
    given: ['สมชาย', 'สุดา', 'วิชัย', 'มาลี', 'ประเสริฐ', 'นภา'],
    family: ['ใจดี', 'ศรีสุข', 'ทองคำ', 'บุญมา', 'แสงทอง'],
  },
  khmer: {
    given: ['សុខ', 'ចន្ថា', 'វិចិត្រ', 'ស្រីមុំ', 'ដារ៉ា', 'សុភា'],
    family: ['ចាន់', 'សៅ', 'ហេង', 'គឹម', 'លី'],
  },
  chinese: {
    given: ['小明', '丽华', '建国', '秀英', '志强', '美玲'],
    family: ['王', '李', '张', '刘', '陈', '黄'],
    order: 'joined',
  },
  japanese: {
    given: ['さくら', '太郎', 'ひかり', '健一', '翔太', 'あおい'],
    family: ['山田', '佐藤', '鈴木', '高橋', '田中'],
    order: 'family-first',
  },
  korean: {
    given: ['민준', '서연', '지훈', '하은', '도윤', '수빈'],
    family: ['김', '이', '박', '최', '정'],
    order: 'family-first',
  },
};

/** 60 countries: the script their signers' names are written in, the language they sign in, a weight. */
const countries: [code: string, script: Script, locale: string, weight: number][] = [
  ['BR', 'latin', 'pt', 40],
  ['PT', 'latin', 'pt', 8],
  ['ES', 'latin', 'es', 20],
  ['AR', 'latin', 'es', 12],
  ['MX', 'latin', 'es', 12],
  ['CL', 'latin', 'es', 8],
  ['CO', 'latin', 'es', 8],
  ['FR', 'latin', 'fr', 20],
  ['BE', 'latin', 'fr', 6],
  ['DE', 'latin', 'de', 20],
  ['AT', 'latin', 'de', 5],
  ['PL', 'latin', 'pl', 10],
  ['CZ', 'latin', 'cs', 5],
  ['TR', 'latin', 'tr', 12],
  ['DK', 'latin', 'da', 5],
  ['NO', 'latin', 'nb', 5],
  ['VN', 'latin', 'vi', 6],
  ['GB', 'latin', 'en', 40],
  ['US', 'latin', 'en', 35],
  ['IE', 'latin', 'en', 6],
  ['AU', 'latin', 'en', 10],
  ['CA', 'latin', 'en', 12],
  ['ZA', 'latin', 'en', 10],
  ['NG', 'latin', 'en', 10],
  ['PH', 'latin', 'tl', 14],
  ['KZ', 'cyrillic', 'ru', 40],
  ['RU', 'cyrillic', 'ru', 20],
  ['BY', 'cyrillic', 'ru', 14],
  ['UA', 'cyrillic', 'uk', 12],
  ['KG', 'cyrillic', 'ru', 8],
  ['BG', 'cyrillic', 'bg', 4],
  ['RS', 'cyrillic', 'sr', 4],
  ['GR', 'greek', 'el', 10],
  ['CY', 'greek', 'el', 3],
  ['GE', 'georgian', 'ka', 8],
  ['AM', 'armenian', 'hy', 8],
  ['EG', 'arabic', 'ar', 14],
  ['JO', 'arabic', 'ar', 6],
  ['MA', 'arabic', 'ar', 8],
  ['TN', 'arabic', 'ar', 6],
  ['LB', 'arabic', 'ar', 5],
  ['IQ', 'arabic', 'ar', 5],
  ['DZ', 'arabic', 'ar', 5],
  ['IR', 'persian', 'fa', 10],
  ['AF', 'persian', 'fa', 3],
  ['IL', 'hebrew', 'he', 8],
  ['IN', 'devanagari', 'hi', 20],
  ['NP', 'devanagari', 'ne', 6],
  ['BD', 'bengali', 'bn', 12],
  ['TH', 'thai', 'th', 10],
  ['KH', 'khmer', 'km', 6],
  ['CN', 'chinese', 'zh-Hans', 10],
  ['TW', 'chinese', 'zh-Hant', 5],
  ['HK', 'chinese', 'zh-Hant', 4],
  ['SG', 'chinese', 'en', 3],
  ['JP', 'japanese', 'ja', 14],
  ['KR', 'korean', 'ko', 14],
  ['KP', 'korean', 'ko', 1],
  ['MO', 'chinese', 'zh-Hant', 1],
  ['NZ', 'latin', 'en', 5],
];

/** The shape of three weeks, oldest day first: launch surge, decay, the second wave, the tail. */
const dayWeights = [
  38, 610, 540, 330, 240, 180, 150, 120, 95, 140, 120, 90, 420, 380, 210, 140, 110, 95, 80, 70, 60,
];

const unions = [null, null, 'CUT', 'KCTU', 'COSATU', 'UNISON', 'IndustriALL', 'ЕКПС', 'ÖGB', 'ΓΣΕΕ'];
const sources = ['', '', '', 'share', 'mailing-en-1', 'partner-industriall', 'facebook'];

/** A name in `script`; the first of each list when `first` (each script's first names show its letters). */
const nameIn = (script: Script, random: () => number, first: boolean): string => {
  const n = names[script];
  const given = n.given[first ? 0 : Math.floor(random() * n.given.length)]!;
  const family = n.family[first ? 0 : Math.floor(random() * n.family.length)]!;
  if (n.order === 'joined') return `${family}${given}`;
  if (n.order === 'family-first') return `${family} ${given}`;
  return `${given} ${family}`;
};

/**
 * `count` invented signers for campaign `campaignId`, oldest first, between `now - 21 days` and `now`. Every
 * country and every script appears once `count` reaches 60 (the first 60 take one country each).
 */
export function generateSigners(campaignId: number, count: number, now: number): GeneratedSigner[] {
  // The same count writes the same people.
  const random = seededRandom(count + campaignId * 7919);
  const totalWeight = countries.reduce((sum, c) => sum + c[3], 0);
  const dayTotal = dayWeights.reduce((sum, w) => sum + w, 0);
  const start = now - signerDays * day;
  const pickCountry = (i: number) => {
    if (i < countries.length) return countries[i]!;
    let r = random() * totalWeight;
    for (const c of countries) {
      r -= c[3];
      if (r < 0) return c;
    }
    return countries[0]!;
  };
  const pickDay = () => {
    let r = random() * dayTotal;
    for (const [d, w] of dayWeights.entries()) {
      r -= w;
      if (r < 0) return d;
    }
    return dayWeights.length - 1;
  };
  const rows: GeneratedSigner[] = [];
  for (let i = 0; i < count; i++) {
    const [country, script, language] = pickCountry(i);
    // Two humps over the UTC day (Asia and Europe, then the Americas).
    const hour = random() < 0.55 ? 5 + random() * 10 : 13 + random() * 10;
    const at = Math.min(start + pickDay() * day + Math.floor(hour * 3_600_000), now - 60_000);
    rows.push({
      email: `signer.${campaignId}.${i}@${i % 3 === 0 ? 'example.net' : 'example.org'}`,
      name: nameIn(script, random, i < countries.length),
      locale: random() < 0.2 ? 'en' : language,
      country,
      union: unions[Math.floor(random() * unions.length)]!,
      source: sources[Math.floor(random() * sources.length)]!,
      at,
    });
  }
  return rows.sort((a, b) => a.at - b.at);
}

export type SeedSignersResult =
  | { status: 'seeded'; signatures: number; countries: number; ms: number }
  | { status: 'not_found' }
  | { status: 'already_seeded' }
  | { status: 'invalid_count'; max: number };

// Rows per INSERT: 14 columns × 1,000 stays under SQLite's and PostgreSQL's bound-parameter limits.

/** Writes `count` generated signers to the campaign `slug` once, in one transaction, in batches. */
export async function seedSigners(
  db: Db,
  input: { slug: string; count: number; now: number },
): Promise<SeedSignersResult> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > maxSigners)
    return { status: 'invalid_count', max: maxSigners };
  const campaign = await campaignsWithSourceText(db.kysely)
    .select(['c.id', 't.default_message'])
    .where('c.slug', '=', input.slug)
    .executeTakeFirst();
  if (!campaign) return { status: 'not_found' };
  const campaignId = Number(campaign.id);
  const seededBefore = await db.kysely
    .selectFrom('supporters')
    .select('id')
    .where('email_index', 'in', [
      db.vault.index(`signer.${campaignId}.0@example.net`),
      db.vault.index(`signer.${campaignId}.0@example.org`),
    ])
    .executeTakeFirst();
  if (seededBefore) return { status: 'already_seeded' };
  const started = performance.now();
  const rows = generateSigners(campaignId, input.count, input.now);
  // The campaign's default message, as a signer who did not change it sends.
  await writeSigners(db, campaignId, rows, campaign.default_message ?? '');
  return {
    status: 'seeded',
    signatures: rows.length,
    countries: new Set(rows.map((r) => r.country)).size,
    ms: Math.round(performance.now() - started),
  };
}
