// Mail build threads against the event loop and the capture transport: the same message comes out byte for
// byte whichever builds it, signed or not; a thread that dies loses no message; and one that keeps dying
// fails its messages as never sent, so delivery retries them.
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth';
import { afterEach, describe, expect, it } from 'vitest';
import { dkimKey, dkimResolver } from '../../test/delivery-helpers.js';
import { type BuildThreads, createBuildThreads } from './build-threads.js';
import { createCaptureTransport } from './capture.transport.js';
import { buildMessage, composerOptions, createDkimSigner, type DkimKey } from './mime.js';
import type { OutgoingMail } from './transport.js';

const key: DkimKey = {
  domainName: dkimKey.domainName,
  keySelector: dkimKey.keySelector,
  privateKey: dkimKey.privateKey,
};
const date = new Date(Date.UTC(2026, 10, 23, 9, 30, 0));

function letter(i: number, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: { name: `Maria Santos ${i} via Outcry`, address: 'campaigns+erlan@outcry.example.org' },
    to: [{ name: 'Ministry of Labour', address: 'minister@example.org' }],
    replyTo: { name: `Maria Santos ${i}`, address: `maria${i}@example.net` },
    subject: 'Free Erlan Baltabay',
    text: `Dear Minister,\n\n.A line that starts with a dot.\n\nMaria Santos ${i}\nKMU\nPhilippines\n`,
    messageId: `<outcry.${i}.abc@outcry.example.org>`,
    envelopeFrom: `bounces+${i}-abcdefabcdef@outcry.example.org`,
    headers: { 'Content-Language': 'en' },
    ...overrides,
  };
}

const variants: [string, OutgoingMail][] = [
  ['a plain letter', letter(1)],
  [
    'Arabic and Tagalog text with a long subject',
    letter(2, {
      subject: `نطالب بالإفراج عن إرلان بالتباي — Palayain si Erlan Baltabay ${'!'.repeat(80)}`,
      text: 'نطالب بحقوق العمال\r\n\r\nIgalang ang karapatan ng mga manggagawa.\n',
    }),
  ],
  ['text and HTML (multipart)', letter(3, { html: '<p>Dear Minister,</p><p>Free Erlan.</p>' })],
];

let threads: BuildThreads | undefined;
let dir: string | undefined;
afterEach(async () => {
  await threads?.close();
  threads = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('mail build threads', () => {
  it.each([
    ['unsigned', [] as DkimKey[]],
    ['DKIM-signed', [key]],
  ])('build %s messages byte for byte as the event loop does', async (_label, keys) => {
    threads = createBuildThreads(keys, 2);
    const sign = createDkimSigner(keys);
    for (const [, mail] of variants) {
      const opts = { date, baseBoundary: 'b0b0b0b0b0b0b0b0' };
      const onLoop = await buildMessage(mail, { ...opts, ...(sign ? { sign } : {}) });
      const onThread = await threads.build(composerOptions(mail, opts)).built;
      expect(onThread.raw.equals(onLoop.raw)).toBe(true);
      expect(onThread.envelope).toEqual(onLoop.envelope);
      expect(onThread.messageId).toBe(onLoop.messageId);
    }
  });

  it('builds what the capture transport writes, signature included, and it verifies', async () => {
    dir = mkdtempSync(join(tmpdir(), 'outcry-build-'));
    const capture = createCaptureTransport(dir, { now: () => date.getTime(), dkim: key });
    await capture.send(letter(4));
    const [file] = readdirSync(dir);
    const captured = readFileSync(join(dir, file!));

    threads = createBuildThreads([key], 1);
    const built = await threads.build(composerOptions(letter(4), { date })).built;
    expect(built.raw.equals(captured)).toBe(true);
    const result = await dkimVerify(built.raw, { resolver: dkimResolver });
    expect(result.results[0]?.status.result).toBe('pass');
  });

  it('loses no message when a thread dies: a new one builds what it held', async () => {
    threads = createBuildThreads([], 1);
    const jobs = Array.from({ length: 20 }, (_, i) => threads!.build(composerOptions(letter(i), { date })));
    const [first] = threads.workers();
    await first!.terminate();
    const built = await Promise.all(jobs.map((j) => j.built));
    expect(built.map((b) => b.messageId)).toEqual(
      Array.from({ length: 20 }, (_, i) => `<outcry.${i}.abc@outcry.example.org>`),
    );
    const expected = await buildMessage(letter(7), { date });
    expect(built[7]!.raw.equals(expected.raw)).toBe(true);
    expect(threads.workers()[0]).not.toBe(first);
  });

  it('fails a message whose thread died twice as not sent, and goes on with the next ones', async () => {
    threads = createBuildThreads([], 1);
    const job = threads.build(composerOptions(letter(1), { date }));
    const [first] = threads.workers();
    const exited = once(first!, 'exit');
    await first!.terminate();
    await exited;
    // Its replacement took the message over; it dies too, before building anything.
    await threads.workers()[0]!.terminate();
    await expect(job.built).rejects.toThrow(/not sent/);
    const next = await threads.build(composerOptions(letter(2), { date })).built;
    expect(next.messageId).toBe('<outcry.2.abc@outcry.example.org>');
  });

  it('skips a cancelled message and builds an urgent one first', async () => {
    threads = createBuildThreads([], 1);
    const jobs = Array.from({ length: 30 }, (_, i) => threads!.build(composerOptions(letter(i), { date })));
    jobs[3]!.cancel();
    const order: number[] = [];
    jobs.forEach((j, i) => {
      if (i !== 3) void j.built.then(() => order.push(i));
    });
    jobs[29]!.urgent();
    await Promise.all(jobs.filter((_, i) => i !== 3).map((j) => j.built));
    expect(order).toHaveLength(29);
    expect(order.indexOf(29)).toBeLessThan(order.indexOf(28));
  });

  it("frees a sent message's bytes when released, and no other message's", async () => {
    threads = createBuildThreads([], 1);
    const [sent, next] = [
      threads.build(composerOptions(letter(1), { date })),
      threads.build(composerOptions(letter(2), { date })),
    ];
    const [a, b] = await Promise.all([sent.built, next.built]);
    const length = b.raw.length;
    expect(a.raw.length).toBeGreaterThan(0);
    sent.release();
    await sent.built;
    // The buffer is detached: its memory is gone now, not at the next full collection.
    expect(a.raw.buffer.byteLength).toBe(0);
    expect(a.raw.length).toBe(0);
    expect(b.raw.length).toBe(length);
    expect(b.raw.toString('latin1')).toContain('Message-ID: <outcry.2.abc@outcry.example.org>');
  });
});
