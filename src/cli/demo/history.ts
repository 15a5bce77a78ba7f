// Three weeks of invented signing history for the demo campaign, so a newcomer sees the counter, the goal,
// the dashboard's chart and the countries the way a running campaign looks: a soft launch, the mailing's
// surge, the decay, a second wave when the appeal was rejected, partners' mailings, and a tail; 45 countries
// in eight languages. Seeded randomness: every run writes the same history (relative to `now`). Everyone is
// invented: the names are picked from short lists (first and family names of one region, mixed), every
// address is on example.org or example.net, and no one is on a mailing list. Rows go in as history (counted,
// with their count rows), like mailing-lists.ts: no letters to the targets are queued for them. Running it
// again changes nothing.
import type { Db } from '../../db/database.js';
import { demoCampaignToSeed } from './seed.js';
import { seededRandom } from './seeded-random.js';
import { type GeneratedSigner, writeSigners } from './write-signers.js';

const day = 86_400_000;
/** How many days back the history starts (the campaign starts the day before). */
export const historyDays = 21;

/** The signatures per day, oldest first: soft launch, mailing surge, decay, the second wave, the tail. */
const perDay = [
  38, 610, 540, 330, 240, 180, 150, 120, 95, 140, 120, 90, 420, 380, 210, 140, 110, 95, 80, 70, 60,
];

type Region = 'latin' | 'spanish' | 'slavic' | 'arabic' | 'filipino' | 'african' | 'asian' | 'nordic';

/** country, weight, language the supporter signs in (mostly), region of names */
const countries: [string, number, string, Region][] = [
  ['GB', 90, 'en', 'latin'],
  ['US', 80, 'en', 'latin'],
  ['KZ', 70, 'ru', 'slavic'],
  ['AU', 40, 'en', 'latin'],
  ['CA', 40, 'en', 'latin'],
  ['PH', 45, 'tl', 'filipino'],
  ['DE', 35, 'en', 'latin'],
  ['FR', 30, 'fr', 'latin'],
  ['ES', 30, 'es', 'spanish'],
  ['IE', 18, 'en', 'latin'],
  ['NZ', 15, 'en', 'latin'],
  ['IT', 18, 'en', 'latin'],
  ['NL', 15, 'en', 'latin'],
  ['BE', 12, 'fr', 'latin'],
  ['SE', 14, 'en', 'nordic'],
  ['NO', 12, 'en', 'nordic'],
  ['DK', 10, 'en', 'nordic'],
  ['FI', 8, 'en', 'nordic'],
  ['RU', 20, 'ru', 'slavic'],
  ['UA', 16, 'ru', 'slavic'],
  ['KG', 10, 'ru', 'slavic'],
  ['UZ', 6, 'ru', 'slavic'],
  ['BY', 8, 'ru', 'slavic'],
  ['PL', 8, 'en', 'slavic'],
  ['AR', 16, 'es', 'spanish'],
  ['MX', 14, 'es', 'spanish'],
  ['CL', 12, 'es', 'spanish'],
  ['CO', 10, 'es', 'spanish'],
  ['PE', 6, 'es', 'spanish'],
  ['BR', 14, 'en', 'spanish'],
  ['PT', 6, 'en', 'spanish'],
  ['EG', 8, 'ar', 'arabic'],
  ['JO', 7, 'ar', 'arabic'],
  ['MA', 7, 'ar', 'arabic'],
  ['TN', 6, 'ar', 'arabic'],
  ['LB', 5, 'ar', 'arabic'],
  ['NG', 14, 'en', 'african'],
  ['ZA', 14, 'en', 'african'],
  ['KE', 10, 'en', 'african'],
  ['GH', 7, 'en', 'african'],
  ['IN', 14, 'en', 'asian'],
  ['JP', 8, 'en', 'asian'],
  ['KR', 9, 'en', 'asian'],
  ['ID', 8, 'id', 'asian'],
  ['MY', 6, 'en', 'asian'],
];

const names: Record<Region, [string[], string[]]> = {
  latin: [
    ['Alex', 'Sam', 'Jo', 'Chris', 'Ruth', 'Tom', 'Anna', 'Mark', 'Claire', 'Paul', 'Marie', 'Luca', 'Eva'],
    ['Baker', 'Fisher', 'Moreau', 'Keller', 'Walsh', 'Brooks', 'Rossi', 'Visser', 'Dubois', 'Hart', 'Lange'],
  ],
  spanish: [
    ['Ana', 'Luis', 'Carmen', 'Jorge', 'Rosa', 'Diego', 'Elena', 'Pablo', 'Lucía', 'João', 'Beatriz'],
    ['García', 'Rojas', 'Morales', 'Silva', 'Castro', 'Vega', 'Navarro', 'Souza', 'Ortiz', 'Campos'],
  ],
  slavic: [
    ['Aigerim', 'Daniyar', 'Olga', 'Sergei', 'Nurlan', 'Irina', 'Asel', 'Timur', 'Yulia', 'Marat'],
    ['Akhmetova', 'Ivanov', 'Seitkali', 'Petrova', 'Bekov', 'Kim', 'Omarov', 'Sokolova', 'Nowak'],
  ],
  arabic: [
    ['Layla', 'Omar', 'Nour', 'Karim', 'Salma', 'Youssef', 'Hana', 'Tarek', 'Rania', 'Sami'],
    ['Haddad', 'Mansour', 'Saleh', 'Khalil', 'Nasser', 'Aziz', 'Darwish', 'Hamdan', 'Bakri'],
  ],
  filipino: [
    ['Maria', 'Jose', 'Liza', 'Ramon', 'Grace', 'Paolo', 'Joy', 'Mark', 'Rowena', 'Dante'],
    ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva', 'Ramos', 'Aquino'],
  ],
  african: [
    ['Amina', 'Kwame', 'Thabo', 'Ngozi', 'Joseph', 'Wanjiru', 'Sipho', 'Efua', 'Chidi', 'Zanele'],
    ['Okafor', 'Mensah', 'Dlamini', 'Otieno', 'Adeyemi', 'Nkosi', 'Boateng', 'Mwangi', 'Eze'],
  ],
  asian: [
    ['Priya', 'Arjun', 'Yuki', 'Min-jun', 'Siti', 'Ravi', 'Haruto', 'Ji-woo', 'Dewi', 'Anil'],
    ['Sharma', 'Tanaka', 'Park', 'Rahman', 'Nair', 'Sato', 'Lee', 'Wijaya', 'Iyer', 'Lim'],
  ],
  nordic: [
    ['Ingrid', 'Lars', 'Sofia', 'Erik', 'Maja', 'Anders', 'Freya', 'Nils', 'Astrid', 'Oskar'],
    ['Lund', 'Berg', 'Nilsen', 'Holm', 'Virtanen', 'Dahl', 'Strand', 'Jensen', 'Eklund'],
  ],
};

const unions = [null, null, null, 'UNISON', 'Unite', 'IndustriALL', 'CUT', 'KCTU', 'COSATU', 'Solidarność'];

/** Where signatures came from: the mailing on its days, partners' and social links, direct visits. */
function sourceFor(dayIndex: number, r: number): string {
  if ((dayIndex === 1 || dayIndex === 2) && r < 0.7) return 'mailing-en-1';
  if ((dayIndex === 12 || dayIndex === 13) && r < 0.6) return 'mailing-en-2';
  if (r < 0.15) return 'share';
  if (r < 0.25) return 'partner-industriall';
  if (r < 0.3) return 'facebook';
  return '';
}

const marker = 'history.0@example.net';
// Rows per INSERT: 14 columns × 1,000 stays under SQLite's and PostgreSQL's bound-parameter limits.

/** Writes the history once (nothing when the demo campaign is missing or the history is there). */
export async function seedDemoHistory(db: Db, now: number): Promise<{ signatures: number }> {
  const campaignId = await demoCampaignToSeed(db, marker);
  if (campaignId === undefined) return { signatures: 0 };
  const random = seededRandom(15);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const totalWeight = countries.reduce((sum, c) => sum + c[1], 0);
  const country = () => {
    let r = random() * totalWeight;
    for (const c of countries) {
      r -= c[1];
      if (r < 0) return c;
    }
    return countries[0]!;
  };
  const start = now - historyDays * day;
  const rows: GeneratedSigner[] = [];
  for (const [d, n] of perDay.entries()) {
    for (let i = 0; i < n; i++) {
      const [code, , language, region] = country();
      const [given, family] = names[region];
      const first = pick(given);
      const last = pick(family);
      // Mostly daytime in Europe and the Americas: two humps over the UTC day.
      const hour = random() < 0.6 ? 7 + random() * 10 : 14 + random() * 10;
      const at = Math.min(start + d * day + Math.floor(hour * 3_600_000), now - 60_000);
      const local = `${first}.${last}`
        .normalize('NFD')
        .replace(/[^A-Za-z.-]/g, '')
        .toLowerCase();
      rows.push({
        email: `${local}.${rows.length}@${rows.length % 3 === 0 ? 'example.net' : 'example.org'}`,
        name: `${first} ${last}`,
        // A few sign in English wherever they are; the rest in their country's language.
        locale: random() < 0.15 ? 'en' : language,
        country: code,
        union: pick(unions),
        source: sourceFor(d, random()),
        at,
      });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  rows[0]!.email = marker;
  await writeSigners(db, campaignId, rows, 'Free Erlan Baltabay now.');
  return { signatures: rows.length };
}
