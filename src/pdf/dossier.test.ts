// The dossier as PDF through Debian's Chromium, proved the way a reader would: pdftotext finds a name in each
// of the 15 scripts signers use (Arabic and Persian joined, so the extracted text matches the typed one), the
// cover's count and date range, page numbers in the footer; and the per-country ZIP holds one PDF per country.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedCampaign } from '../../test/factories.js';
import type { DossierDocument } from '../domain/petition/dossier.js';
import { translatorFor } from '../i18n/translator.js';
import { ChromiumDossierRenderer, pdfPageCount } from './chromium-renderer.js';
import { zipArchive } from './zip.js';

export const scriptNames = [
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
  '山田太郎',
  '김민준',
];
const countries = ['BR', 'BY', 'GR', 'GE', 'AM', 'EG', 'IR', 'IL', 'IN', 'BD', 'TH', 'KH', 'CN', 'JP', 'KR'];
const t0 = Date.UTC(2026, 10, 2, 9);

const campaign = storedCampaign({
  slug: 'free-erlan',
  confirmationMode: 'immediate',
  deliveryMode: 'petition_only',
  petitionNames: 'full',
  translations: [],
  partners: [{ name: 'IndustriALL', url: null, logoPath: null }],
  targets: [
    {
      id: 1,
      kind: 'target',
      name: 'Embassy of Belarus',
      organisation: null,
      email: 'embassy@example.org',
      locale: null,
      countries: [],
    },
  ],
});

const doc = (groups: DossierDocument['groups']): DossierDocument => ({
  campaign,
  texts: {
    locale: 'en',
    status: 'published',
    headline: 'Belarus: free the jailed trade unionists',
    backgroundMd: '',
    defaultMessage: 'Release them now.',
    targetSubject: 'Release them',
    outcomeMd: null,
  },
  groups,
  generatedAt: Date.UTC(2026, 11, 6),
});

// Two list pages a part, so that a few hundred signers are printed in several parts and joined; and a fresh
// page (renderer process) after every 150 rows measured or 4 pages printed, so that one dossier moves from
// page to page while it is measured and printed.
const budget = { rows: 150, pages: 4 };
const renderer = new ChromiumDossierRenderer(translatorFor, undefined, 2, undefined, budget);
const pdftotext = existsSync('/usr/bin/pdftotext');

describe.skipIf(!renderer.available() || !pdftotext)('dossier PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-'));
  });
  afterAll(async () => {
    await renderer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const text = (pdf: Uint8Array, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };

  it('draws a name in every script, the cover facts and page numbers', async () => {
    // 40 signers per country so the list runs over several pages.
    const groups = countries.map((country, c) => ({
      country,
      signers: Array.from({ length: 40 }, (_, k) => ({
        id: c * 100 + k,
        name: scriptNames[c]!,
        union: k % 2 ? 'CUT' : null,
        country,
        signedAt: t0 + (c * 40 + k) * 3_600_000,
      })),
    }));
    const printed: [number, number][] = [];
    const opened = renderer.pagesOpened;
    const { pdf, pages } = await renderer.render(doc(groups), async (n, total) => {
      printed.push([n, total]);
    });
    expect(pages).toBeGreaterThan(5);
    // 600 rows measured 150 at a time, then the pages printed 4 at a time: each share on a fresh page.
    expect(renderer.pagesOpened - opened).toBeGreaterThanOrEqual(
      600 / budget.rows + Math.floor(pages / budget.pages) - 1,
    );
    // Progress after every part (two list pages each here), up to the whole, against the same total.
    expect(printed.length).toBeGreaterThan(2);
    expect(printed.every(([, total]) => total === pages)).toBe(true);
    expect(printed.map(([n]) => n)).toEqual([...printed.map(([n]) => n)].sort((a, b) => a - b));
    expect(printed.at(-1)).toEqual([pages, pages]);
    const out = text(pdf, 'all.pdf').normalize('NFC');
    for (const name of scriptNames) expect(out, name).toContain(name);
    expect(out).toContain('Belarus: free the jailed trade unionists');
    expect(out).toContain('Embassy of Belarus');
    expect(out).toContain('IndustriALL');
    expect(out).toMatch(/Signers\s+600/);
    expect(out).toMatch(/November 2\s*–\s*2\d, 2026/);
    // Every page carries its own number in the whole, across the joined parts, and nothing was lost.
    expect(await pdfPageCount(pdf)).toBe(pages);
    for (let n = 1; n <= pages; n++) expect(out).toMatch(new RegExp(`\\b${n}\\s*/\\s*${pages}\\b`));
    for (let k = 1; k <= 40; k++) expect(out).toContain(`${k}. ${scriptNames[0]}`);
    expect(out).toContain('Belarus (40)');
  });

  it('numbers the list on from a cover that takes more than one page', async () => {
    // 90 targets (embassies) push the cover onto a second page: the list is laid out again after it.
    const targets = Array.from({ length: 90 }, (_, i) => ({
      ...campaign.targets[0]!,
      id: i + 1,
      name: `Embassy ${i + 1}`,
    }));
    const signers = Array.from({ length: 300 }, (_, k) => ({
      id: k,
      name: scriptNames[k % scriptNames.length]!,
      union: null,
      country: 'BY',
      signedAt: t0 + k * 60_000,
    }));
    const { pdf, pages } = await renderer.render({
      ...doc([{ country: 'BY', signers }]),
      campaign: { ...campaign, targets },
    });
    const out = text(pdf, 'long-cover.pdf');
    expect(await pdfPageCount(pdf)).toBe(pages);
    expect(out).toContain('Embassy 90');
    for (let n = 1; n <= pages; n++) expect(out).toMatch(new RegExp(`\\b${n}\\s*/\\s*${pages}\\b`));
    // The list starts on the page after the cover's last one.
    const firstListPage = execFileSync(
      'pdftotext',
      ['-f', '3', '-l', '3', '-enc', 'UTF-8', join(dir, 'long-cover.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(firstListPage).toContain('Belarus (300)');
  });

  it('zips one PDF per country, each readable with its own cover and count', async () => {
    const entries = [];
    for (const [c, country] of ['BY', 'GE'].entries()) {
      const signers = [{ id: c, name: scriptNames[c * 2 + 1]!, union: null, country, signedAt: t0 }];
      const { pdf } = await renderer.render(doc([{ country, signers }]));
      entries.push({ name: `${country}.pdf`, data: pdf });
    }
    const zip = join(dir, 'countries.zip');
    writeFileSync(zip, zipArchive(entries, t0));
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
    execFileSync('unzip', ['-o', '-d', join(dir, 'out'), zip]);
    const georgia = text(readFileSync(join(dir, 'out', 'GE.pdf')), 'ge.pdf');
    expect(georgia).toContain('ნინო ბერიძე');
    expect(georgia).toMatch(/Signers\s+1\b/);
    expect(georgia).not.toContain('Олег');
  });
});
