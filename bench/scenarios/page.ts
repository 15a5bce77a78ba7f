// GET of the campaign page in a language, against node:http answering the same bytes from memory; the
// same GET as browsers send it (Accept-Encoding with br): Brotli made once per cached page, not per request;
// the page in a language the campaign has no translation for (Arabic: the English text with a notice); and
// what the page cache holds once the campaign has been read in all 53 supporter languages (decision 0026).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CampaignRepository } from '../../src/db/campaign.repository.js';
import { openDb } from '../../src/db/database.js';
import { viewCampaign } from '../../src/domain/campaign/view-campaign.js';
import {
  CampaignPageCache,
  defaultPageCacheBytes,
} from '../../src/http/public/campaign/campaign-page.cache.js';
import { translatorFor } from '../../src/i18n/translator.js';
import { fmt } from '../lib/load.js';
import { startOutcryServer, startProcess } from '../lib/processes.js';
import { type Row, ratio } from '../lib/table.js';
import { connections, cpuNote, durationS, measure, prepareDatabase, slug, sqliteFile } from './common.js';

const languages =
  'en fr es pt de it nl nb sv da fi et lv lt pl cs sk hu ro bg el sr hr sl ru uk be ka hy az kk tr ar fa ur he hi bn ne si id ms vi th km tl zh-Hans zh-Hant ja ko sw yo eo'.split(
    ' ',
  );

/** The cache after one Brotli view of the demo campaign in each language: entries, bytes, budget. */
async function cacheMemory(url: string): Promise<string> {
  const db = openDb({ url });
  try {
    const cache = new CampaignPageCache({ name: 'Outcry', baseUrl: 'https://outcry.example.org' });
    for (const locale of languages) {
      const found = await viewCampaign({ campaigns: new CampaignRepository(db) }, { slug, locale });
      if (found.status !== 'found') throw new Error(`no ${slug} in ${locale}`);
      cache.answer(
        {
          tr: translatorFor(locale),
          view: found.view,
          requestedLocale: locale,
          action: `/${locale}/campaigns/${slug}/sign`,
          country: '',
          token: 'v1.1.bench.token.mac',
          source: '',
        },
        'br',
      );
    }
    const m = cache.memory();
    const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
    return `${m.entries} pages, ${mb(m.bytes)} MB (${Math.round(m.bytes / m.entries / 1024)} KB each), budget ${mb(defaultPageCacheBytes)} MB`;
  } finally {
    await db.close();
  }
}

export async function pageScenario(): Promise<Row[]> {
  const file = sqliteFile('page');
  await (await prepareDatabase(`sqlite:${file}`)).close();
  const memory = await cacheMemory(`sqlite:${file}`);
  const server = await startOutcryServer(4103, `sqlite:${file}`);
  try {
    const url = `${server.url}/tl/campaigns/${slug}`;
    const ours = await measure(server.pid, { url, durationS, connections });
    const brotli = await measure(server.pid, {
      url,
      durationS,
      connections,
      requests: [{ method: 'GET', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }],
    });
    const fallback = await measure(server.pid, {
      url: `${server.url}/ar/campaigns/${slug}`,
      durationS,
      connections,
    });
    const page = join(dirname(file), 'page.html');
    writeFileSync(page, await (await fetch(url)).text());
    const baseline = await startProcess(
      ['bench/baselines/static-page.mjs'],
      { PORT: '4104', PAGE_FILE: page },
      '/',
      4104,
    );
    let base: Awaited<ReturnType<typeof measure>>;
    try {
      base = await measure(baseline.pid, { url: `${baseline.url}/`, durationS, connections });
    } finally {
      await baseline.stop();
    }
    return [
      {
        scenario: `page, Tagalog campaign (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s ${fmt(ours)}`,
        baseline: `${base.perSecond}/s ${fmt(base)}`,
        ratio: ratio(ours.perSecond, base.perSecond),
        notes: `non-2xx ${ours.non2xx}; ${cpuNote(ours)} vs ${cpuNote(base)}; peak RSS ${ours.peakRss ?? '?'} MB`,
      },
      {
        scenario: `page, Tagalog campaign, Brotli (${durationS} s, ${connections} conn)`,
        ours: `${brotli.perSecond}/s ${fmt(brotli)}`,
        baseline: `${base.perSecond}/s ${fmt(base)} (uncompressed)`,
        ratio: ratio(brotli.perSecond, base.perSecond),
        notes: `non-2xx ${brotli.non2xx}; ${cpuNote(brotli)}; peak RSS ${brotli.peakRss ?? '?'} MB`,
      },
      {
        scenario: `page, Arabic, no translation: fallback (${durationS} s, ${connections} conn)`,
        ours: `${fallback.perSecond}/s ${fmt(fallback)}`,
        baseline: `${base.perSecond}/s ${fmt(base)} (Tagalog page)`,
        ratio: ratio(fallback.perSecond, base.perSecond),
        notes: `non-2xx ${fallback.non2xx}; ${cpuNote(fallback)}; peak RSS ${fallback.peakRss ?? '?'} MB`,
      },
      {
        scenario: 'page cache, demo campaign read in 53 languages (Brotli)',
        ours: memory,
        baseline: '',
        ratio: '',
        notes: 'in-process: CampaignPageCache.memory()',
      },
    ];
  } finally {
    await server.stop();
  }
}
