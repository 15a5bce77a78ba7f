// The capture transport as the demo and the editor's mail view use it: files on disk, newest first,
// read back intact (Unicode included), and ids that can never reach outside the capture directory.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { from, mail, supporter, target } from '../../test/outgoing-mail.js';
import { createCaptureTransport, listCapturedMail, readCapturedMail } from './capture.transport.js';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'outcry-mail-'));
  dir = join(root, 'data', 'mail'); // does not exist yet: the transport creates it
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('createCaptureTransport', () => {
  it('writes messages as .eml files, lists them newest first and reads one back', async () => {
    let t = Date.UTC(2026, 10, 23, 9, 0, 0);
    const transport = createCaptureTransport(dir, { now: () => t });
    const first = await transport.send(mail({ subject: 'First' }));
    t += 60_000;
    const second = await transport.send(
      mail({ subject: 'Second', text: 'Pay the nurses.', html: '<p>Pay the nurses.</p>' }),
    );
    await transport.close();

    expect(first.accepted).toEqual(['minister@example.org']);
    expect(second.response).toMatch(/^250 captured /);
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{8}T\d{9}Z-[0-9a-f]{12}\.eml$/.test(f))).toBe(true);

    const list = await listCapturedMail(dir);
    expect(list.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(list[0]).toMatchObject({ from, to: [target] });
    expect(list[0]!.id.startsWith('20261123T090100000Z-')).toBe(true);
    expect(list[0]!.size).toBeGreaterThan(100);
    expect(await listCapturedMail(dir, { limit: 1 })).toHaveLength(1);

    const read = await readCapturedMail(dir, list[0]!.id);
    expect(read).toMatchObject({
      id: list[0]!.id,
      subject: 'Second',
      from,
      to: [target],
      replyTo: supporter,
      html: '<p>Pay the nurses.</p>',
    });
    expect(read!.text.trim()).toBe('Pay the nurses.');
    expect(read!.date).toEqual(new Date(Date.UTC(2026, 10, 23, 9, 1, 0)));
    expect(read!.raw).toContain('Subject: Second');
    expect(read!.headers).toContainEqual(['Reply-To', 'Ana Souza <ana@example.net>']);
    expect(read!.headers.find(([name]) => name === 'Message-ID')?.[1]).toBe(second.messageId);
  });

  it('keeps captured mail (login links, addresses) to its owner: folders 0700, files 0600', async () => {
    const transport = createCaptureTransport(dir);
    await transport.send(mail());
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(join(root, 'data'))).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    const [file] = readdirSync(dir);
    expect(mode(join(dir, file!))).toBe(0o600);
  });

  it('keeps ids increasing when two mails share a millisecond', async () => {
    const transport = createCaptureTransport(dir, { now: () => 1_700_000_000_000 });
    for (const subject of ['a', 'b', 'c']) await transport.send(mail({ subject }));
    expect((await listCapturedMail(dir)).map((m) => m.subject)).toEqual(['c', 'b', 'a']);
  });

  it('keeps a Unicode subject and Arabic text intact', async () => {
    const transport = createCaptureTransport(dir);
    const subject = 'Solidarité ✊ — تضامن مع الممرضات';
    const text = 'نطالب وزير العمل باحترام حقوق الممرضات.\nمع التحية، آنا';
    await transport.send(
      mail({ subject, text, from: { name: 'آنا سوزا عبر Outcry', address: from.address } }),
    );
    const [summary] = await listCapturedMail(dir);
    expect(summary!.subject).toBe(subject);
    expect(summary!.from?.name).toBe('آنا سوزا عبر Outcry');
    const read = await readCapturedMail(dir, summary!.id);
    expect(read!.subject).toBe(subject);
    expect(read!.text.trim()).toBe(text);
  });

  it('answers null for unknown, malformed and path-traversing ids', async () => {
    const transport = createCaptureTransport(dir);
    await transport.send(mail());
    // A file outside the capture directory that a traversal would reach.
    writeFileSync(join(root, 'secret.eml'), 'Subject: secret\n\nsecret');
    for (const id of [
      '20261123T090000000Z-000000000000',
      '../../etc/passwd',
      '../secret',
      '../../secret',
      '..%2f..%2fsecret',
      `${(await listCapturedMail(dir))[0]!.id}/../../secret`,
      '',
    ]) {
      expect(await readCapturedMail(dir, id)).toBeNull();
    }
  });

  it('lists an empty or missing directory as no mail and ignores foreign files', async () => {
    expect(await listCapturedMail(dir)).toEqual([]);
    const transport = createCaptureTransport(dir);
    await transport.send(mail());
    writeFileSync(join(dir, 'notes.txt'), 'not mail');
    writeFileSync(join(dir, '.20261123T090000000Z-aaaaaaaaaaaa.eml.tmp'), 'Subject: half');
    expect(await listCapturedMail(dir)).toHaveLength(1);
  });
});
