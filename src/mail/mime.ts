// Builds the exact bytes of a message (MIME by nodemailer's composer) and DKIM-signs them, before any
// transport sees them. Signing here rather than inside nodemailer's SMTP pipeline means the captured demo
// mail carries the same signature as production mail, and lets the SMTP transport hand the server a
// finished message whose progress it can watch (see smtp.transport.ts: sent-or-not after a hang-up).
import type { Readable } from 'node:stream';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from './transport.js';
import { toNodemailerMessage } from './transport.js';

export interface DkimKey {
  domainName: string;
  keySelector: string;
  /** PEM. RSA-2048 or larger. */
  privateKey: string;
}

export interface BuiltMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  messageId: string;
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** One signer per key set, reused for every message (it holds no per-message state). */
export function createDkimSigner(keys: readonly DkimKey[]): ((raw: Buffer) => Promise<Buffer>) | undefined {
  if (keys.length === 0) return undefined;
  const dkim = new DKIM({ keys: keys.map((k) => ({ ...k })) });
  return (raw) => collect(dkim.sign(raw));
}

export async function buildMessage(
  mail: OutgoingMail,
  opts: { sign?: (raw: Buffer) => Promise<Buffer>; date?: Date; newline?: 'unix' } = {},
): Promise<BuiltMessage> {
  const options = toNodemailerMessage(mail);
  const mime = new MailComposer({ ...options, ...(opts.date ? { date: opts.date } : {}) }).compile();
  const envelope = mime.getEnvelope();
  const messageId = mime.messageId();
  mime.keepBcc = false;
  let raw = await new Promise<Buffer>((resolve, reject) =>
    mime.build((error, message) => (error ? reject(error) : resolve(message))),
  );
  if (opts.sign) raw = await opts.sign(raw);
  if (opts.newline === 'unix') raw = Buffer.from(raw.toString('utf8').replace(/\r\n/g, '\n'), 'utf8');
  return {
    raw,
    envelope: { from: envelope.from || '', to: envelope.to.map(String) },
    messageId,
  };
}
