// `npm run bench:exports`: issue 16's export bars on one campaign of 25,000 counted signers
// (BENCH_EXPORT_ROWS) from 60 countries with names in 15 scripts, on SQLite: the signers' CSV (≤ 1 s), the
// full PDF dossier (≤ 20 s, peak RSS of this process and its Chromium ≤ 600 MB) and the per-country ZIP
// (≤ 30 s), each through the code the worker runs (gather the petition's signers, render with Chromium).
// Prints the figures; docs/performance.md records them.
import { execFileSync } from 'node:child_process';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { PetitionStore } from '../src/db/petition.store.js';
import { chooseTexts } from '../src/domain/campaign/campaign.js';
import { gatherDossierGroups } from '../src/domain/petition/dossier.js';
import { signersCsv } from '../src/domain/petition/export-signers.js';
import { countryCodes } from '../src/domain/signature/countries.js';
import { translatorFor } from '../src/i18n/translator.js';
import { ChromiumDossierRenderer } from '../src/pdf/chromium-renderer.js';
import { zipArchive } from '../src/pdf/zip.js';
import { createTestDb } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';

const total = Number(process.env.BENCH_EXPORT_ROWS ?? 25_000);
const t0 = Date.UTC(2026, 10, 1);

// One name per script: Latin with diacritics, Cyrillic, Greek, Georgian, Armenian, Arabic, Persian, Hebrew,
// Devanagari, Bengali, Thai, Khmer, Chinese, Japanese, Korean.
const names = [
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
];
const countries = countryCodes.slice(0, 60);

/** Resident memory of this process and every process under it (Chromium's), in MB, from ps. */
function treeRss(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows)
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
  }
  return rows.reduce((sum, [pid, , rss]) => (mine.has(pid) ? sum + rss : sum), 0) / 1024;
}

/** Runs `work`, sampling the process tree's RSS every 250 ms; its time and the peak. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peakMb = treeRss();
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeRss());
  }, 250);
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, peakMb: Math.max(peakMb, treeRss()) };
  } finally {
    clearInterval(timer);
  }
}

const db = await createTestDb('sqlite');
const renderer = new ChromiumDossierRenderer(translatorFor);
try {
  const campaignId = await new CampaignRepository(db).create(buildCampaign(), t0);
  for (let start = 0; start < total; start += 1_000) {
    const n = Math.min(1_000, total - start);
    const supporters = await db.kysely
      .insertInto('supporters')
      .values(
        Array.from({ length: n }, (_, k) => {
          const i = start + k;
          return {
            email: `s${i}@example.org`,
            email_index: db.vault.index(`s${i}@example.org`),
            email_domain_index: db.vault.domainIndex(`s${i}@example.org`),
            name: names[i % names.length]!,
            locale: 'en',
            country: countries[i % countries.length]!,
            union_name: i % 4 === 0 ? null : `Union ${i % 97}`,
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
          const at = t0 + i * 7_000;
          return {
            campaign_id: campaignId,
            supporter_id: id,
            locale: ['en', 'ar', 'tl', 'ru', 'es'][i % 5]!,
            name: names[i % names.length]!,
            union_name: i % 4 === 0 ? null : `Union ${i % 97}`,
            country: countries[i % countries.length]!,
            message: 'Free union and political prisoners.',
            source: i % 3 === 0 ? 'mailing-en-1' : null,
            status: 'confirmed',
            petition_anonymous: i % 20 === 0 ? 1 : 0,
            created_at: at,
            confirmed_at: at,
          };
        }),
      )
      .execute();
  }
  const store = new PetitionStore(db);
  const campaign = (await new CampaignRepository(db).findBySlug(
    (
      await db.kysely
        .selectFrom('campaigns')
        .select('slug')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow()
    ).slug,
  ))!;
  const texts = chooseTexts(campaign, 'en')!.texts;
  const filter = { country: null, locale: null, from: null, to: null };
  const csv = await measured(async () => {
    let bytes = 0;
    for await (const chunk of signersCsv(store, campaign, filter)) bytes += Buffer.byteLength(chunk);
    return bytes;
  });
  console.log(
    `CSV        ${total.toLocaleString('en')} rows  ${csv.ms.toFixed(0)} ms  ${(csv.value / 1e6).toFixed(2)} MB   (bar ≤ 1,000 ms)`,
  );
  if (!renderer.available()) throw new Error('Chromium not found at /usr/bin/chromium');
  const pdf = await measured(async () => {
    const groups = await gatherDossierGroups(store, campaign, null);
    return renderer.render({ campaign, texts, groups, generatedAt: Date.now() });
  });
  console.log(
    `full PDF   ${pdf.value.pages} pages  ${(pdf.ms / 1000).toFixed(1)} s  ${(pdf.value.pdf.length / 1e6).toFixed(1)} MB  peak RSS ${pdf.peakMb.toFixed(0)} MB (node + Chromium)   (bars ≤ 20 s, ≤ 600 MB)`,
  );
  const zip = await measured(async () => {
    const groups = await gatherDossierGroups(store, campaign, null);
    const entries = [];
    let pages = 0;
    for (const g of groups) {
      const out = await renderer.render({ campaign, texts, groups: [g], generatedAt: Date.now() });
      pages += out.pages;
      entries.push({ name: `${g.country}.pdf`, data: out.pdf });
    }
    return { file: zipArchive(entries, Date.now()), pages, files: entries.length };
  });
  console.log(
    `ZIP        ${zip.value.files} PDFs  ${zip.value.pages} pages  ${(zip.ms / 1000).toFixed(1)} s  ${(zip.value.file.length / 1e6).toFixed(1)} MB  peak RSS ${zip.peakMb.toFixed(0)} MB   (bar ≤ 30 s)`,
  );
} finally {
  await renderer.close();
  await db.destroy();
}
