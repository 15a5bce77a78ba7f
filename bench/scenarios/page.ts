// GET of the campaign page in a language, against node:http answering the same bytes from memory; and the
// same GET as browsers send it (Accept-Encoding with br): Brotli made once per cached page, not per request.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fmt } from '../lib/load.js';
import { startOutcryServer, startProcess } from '../lib/processes.js';
import { type Row, ratio } from '../lib/table.js';
import { connections, cpuNote, durationS, measure, prepareDatabase, slug, sqliteFile } from './common.js';

export async function pageScenario(): Promise<Row[]> {
  const file = sqliteFile('page');
  await (await prepareDatabase(`sqlite:${file}`)).close();
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
    ];
  } finally {
    await server.stop();
  }
}
