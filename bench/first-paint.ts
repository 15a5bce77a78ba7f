// `npm run bench:first-paint [locale]`: the English campaign page as a supporter on a cheap phone and a slow network
// meets it: Chromium through CDP at 400 kbps each way with 400 ms latency and a 4× CPU slowdown, on the
// seeded demo. Prints first paint and first contentful paint (median of BENCH_RUNS fresh visits, default 5)
// for a first visit and a second (the link followed again, the stylesheet and script in the cache), and the
// bytes on the wire (headers included) of each, the photo's apart (the byte goals leave it aside).
// The demo has its three weeks of history and its poster; BENCH_DEMO=bare measures the campaigns alone.
// Figures for issue 15 (goal: first paint ≤ 0.9 s).
import type { Browser } from 'playwright-core';
import { launchBrowser, phone, startDemoServer } from '../e2e/browser.js';
import { seedDemoHistory } from '../src/cli/demo/history.js';
import { seedDemoPhoto } from '../src/cli/demo/photo.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const locale = process.argv[2] ?? 'en';
/** BENCH_CPU_SLOWDOWN=1 separates the network's part from the CPU's on a busy machine. */
const cpuSlowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);

interface Visit {
  firstPaint: number;
  firstContentfulPaint: number;
  bytes: number;
  photoBytes: number;
  responses: number;
}

async function visits(browser: Browser, url: string): Promise<[Visit, Visit]> {
  const context = await browser.newContext({ viewport: phone, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  let bytes = 0;
  let photoBytes = 0;
  let responses = 0;
  const images = new Set<string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.includes('/media/')) images.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (images.has(e.requestId)) photoBytes += e.encodedDataLength;
    else bytes += e.encodedDataLength;
    responses++;
  });
  const visit = async (): Promise<Visit> => {
    bytes = 0;
    photoBytes = 0;
    responses = 0;
    await page.goto(url, { waitUntil: 'load' });
    // The live counter's stream stays open and is not part of the page's weight.
    await page.waitForTimeout(500);
    const paints = await page.evaluate(() =>
      performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)] as const),
    );
    const at = (name: string) => paints.find(([n]) => n === name)?.[1] ?? Number.NaN;
    return {
      firstPaint: at('first-paint'),
      firstContentfulPaint: at('first-contentful-paint'),
      bytes,
      photoBytes,
      responses,
    };
  };
  const first = await visit();
  await page.goto('about:blank');
  const second = await visit();
  await context.close();
  return [first, second];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startDemoServer();
if (process.env.BENCH_DEMO !== 'bare') {
  await seedDemoHistory(server.running.db, Date.now());
  await seedDemoPhoto(server.running.db, server.running.services.images);
}
const browser = await launchBrowser();
try {
  const url = `${server.url}/${locale}/campaigns/${slug}`;
  // One unthrottled view first, so that no visit measures the server's first render of the page.
  const warm = await browser.newPage();
  await warm.goto(url);
  await warm.close();
  const all: [Visit, Visit][] = [];
  for (let i = 0; i < runs; i++) all.push(await visits(browser, url));
  console.log(
    `/${locale}/campaigns/${slug}, 390 px, 400 kbps / 400 ms latency, ${cpuSlowdown}× CPU slowdown, median of ${runs}`,
  );
  for (const [i, name] of ['first visit ', 'second visit'].entries()) {
    const v = all.map((pair) => pair[i]!);
    console.log(
      `  ${name}: first paint ${median(v.map((x) => x.firstPaint))} ms, first contentful paint ` +
        `${median(v.map((x) => x.firstContentfulPaint))} ms, ${median(v.map((x) => x.bytes))} B on the wire ` +
        `without the photo (photo ${median(v.map((x) => x.photoBytes))} B), ${median(v.map((x) => x.responses))} responses`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(0);
