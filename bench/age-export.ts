// `npm run bench:age-export`: what encrypting a partner's signer file with age costs. 25,000 CSV rows
// (BENCH_AGE_ROWS; names in 15 scripts, as bench/petition-export.ts) streamed three ways into a byte
// counter: plain (the bare baseline, as an unencrypted download), through `ageEncrypted` (what the partner
// routes do), and encrypted whole in memory (what streaming avoids). Prints time, MB/s and the peak of
// memory in use (RSS sampled every 5 ms, above what it was when the run began) for each, in one run.
import { Readable } from 'node:stream';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { ageEncrypted } from '../src/security/age-export.js';

const total = Number(process.env.BENCH_AGE_ROWS ?? 25_000);
const names = [
  'Ana María Souza',
  'Олег Петров',
  'محمد عبد الله',
  'अनीता शर्मा',
  '王小明',
  '김 민준',
  'דוד כהן',
];

async function* rows(): AsyncGenerator<string> {
  yield 'signed_at,name,union,country,language,source,log_index,seal\n';
  for (let i = 0; i < total; i++) {
    // A row of the editors' export: a date, a name, a union, country, language, source, log index and seal.
    yield `2026-11-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z,${names[i % names.length]} ${i},Union ${i % 97},CL,en,mailing-en-2,${i},s1.${'x'.repeat(120)}\n`;
  }
}

async function measure(label: string, run: () => Promise<number>): Promise<void> {
  globalThis.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t = performance.now();
  const bytes = await run();
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label.padEnd(26)} ${(ms / 1000).toFixed(2)} s  ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s  ` +
      `${(bytes / 1e6).toFixed(1)} MB out  peak +${((peak - start) / 1e6).toFixed(0)} MB RSS`,
  );
}

async function drain(stream: AsyncIterable<Uint8Array | string>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
  return n;
}

const recipient = await identityToRecipient(await generateIdentity());
console.log(`age export of ${total} rows, ${new Date().toISOString()}`);
await measure('plain stream (baseline)', () => drain(Readable.from(rows())));
await measure('age, streamed', async () => drain(await ageEncrypted(rows(), recipient)));
await measure('age, whole file in memory', async () => {
  let text = '';
  for await (const r of rows()) text += r;
  const e = new Encrypter();
  e.addRecipient(recipient);
  return (await e.encrypt(text)).length;
});
