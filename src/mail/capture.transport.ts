// Demo and development mail: every message is written as an .eml file under MAIL_CAPTURE_DIR and
// shown in the editor area like a local mail catcher, so nothing leaves the machine by default.
// Files are written atomically (tmp + rename) so a reader never sees half a message.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressObject, EmailAddress, ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { buildMessage, createDkimSigner, type DkimKey } from './mime.js';
import type { Address, MailTransport, OutgoingMail, SendResult } from './transport.js';

export interface CapturedMailSummary {
  id: string;
  date: Date;
  from: Address | null;
  to: Address[];
  subject: string;
  size: number;
}

export interface CapturedMail extends CapturedMailSummary {
  cc: Address[];
  replyTo: Address | null;
  text: string;
  html: string | null;
  /** Header lines in order, unfolded, values as on the wire (encoded words are not decoded). */
  headers: [string, string][];
  raw: string;
}

// `20261123T090000123Z-0a1b2c3d4e5f`: sorts by capture time; the only shape an id may take, so a
// caller-supplied id can never name another path.
const ID = /^\d{8}T\d{9}Z-[0-9a-f]{12}$/;
const FILE = /^(\d{8}T\d{9}Z-[0-9a-f]{12})\.eml$/;

export function isCapturedMailId(id: string): boolean {
  return ID.test(id);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function idTime(id: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id);
  if (!m) return new Date(0);
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
}

export function createCaptureTransport(
  dir: string,
  opts: { now?: () => number; dkim?: DkimKey | DkimKey[] } = {},
): MailTransport {
  const now = opts.now ?? Date.now;
  // Signed like production mail, so the demo shows (and tests verify) the real DKIM header.
  const sign = createDkimSigner(opts.dkim === undefined ? [] : [opts.dkim].flat());
  // Ids are strictly increasing within a process even when two mails share a millisecond.
  let last = 0;

  return {
    async send(mail: OutgoingMail): Promise<SendResult> {
      last = Math.max(now(), last + 1);
      const built = await buildMessage(mail, { date: new Date(last), ...(sign ? { sign } : {}) });
      const id = `${stamp(last)}-${randomBytes(6).toString('hex')}`;
      // Captured mail holds login links and supporters' addresses: this user's only.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tmp = join(dir, `.${id}.eml.tmp`);
      try {
        await writeFile(tmp, built.raw, { flag: 'wx', mode: 0o600 });
        await rename(tmp, join(dir, `${id}.eml`));
      } catch (error) {
        await unlink(tmp).catch(() => undefined);
        throw error;
      }
      return {
        messageId: built.messageId,
        accepted: built.envelope.to,
        rejected: [],
        response: `250 captured ${id}`,
      };
    },
    async close(): Promise<void> {},
  };
}

function addresses(obj: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const visit = (list: EmailAddress[]) => {
    for (const a of list) {
      if (a.address) out.push({ name: a.name, address: a.address });
      else if (a.group) visit(a.group);
    }
  };
  for (const o of obj === undefined ? [] : Array.isArray(obj) ? obj : [obj]) visit(o.value);
  return out;
}

function summary(id: string, parsed: ParsedMail, size: number): CapturedMailSummary {
  return {
    id,
    date: parsed.date ?? idTime(id),
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    size,
  };
}

const HEADER_READ_LIMIT = 64 * 1024;

/** Reads only the header block of a file: listing must stay cheap with a big body or many files. */
async function readHeaderBlock(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_READ_LIMIT);
    const { bytesRead } = await handle.read(buf, 0, HEADER_READ_LIMIT, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const end = text.search(/\r?\n\r?\n/);
    return `${end === -1 ? text : text.slice(0, end)}\n\n`;
  } finally {
    await handle.close();
  }
}

/** Captured mail, newest first. A missing directory is an empty mailbox. */
export async function listCapturedMail(
  dir: string,
  opts: { limit?: number } = {},
): Promise<CapturedMailSummary[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = names
    .map((n) => FILE.exec(n)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .reverse()
    .slice(0, Math.max(0, opts.limit ?? 50));
  const out: CapturedMailSummary[] = [];
  for (const id of ids) {
    const path = join(dir, `${id}.eml`);
    try {
      const [head, info] = await Promise.all([readHeaderBlock(path), stat(path)]);
      out.push(summary(id, await simpleParser(head), info.size));
    } catch (error) {
      // Deleted between readdir and read (someone cleaned the folder): skip it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return out;
}

function headerLines(parsed: ParsedMail): [string, string][] {
  return parsed.headerLines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    const name = colon === -1 ? key : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1);
    return [name, value.replace(/\r?\n[ \t]+/g, ' ').trim()];
  });
}

/** One captured message, parsed; null for an unknown or malformed id. */
export async function readCapturedMail(dir: string, id: string): Promise<CapturedMail | null> {
  if (!isCapturedMailId(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(join(dir, `${id}.eml`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = await simpleParser(raw);
  return {
    ...summary(id, parsed, raw.length),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo)[0] ?? null,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: headerLines(parsed),
    raw: raw.toString('utf8'),
  };
}
