// Builds the exact bytes of a message (MIME by nodemailer's composer) and DKIM-signs them, before any
// transport sees them. Signing here rather than inside nodemailer's SMTP pipeline means the captured demo
// mail carries the same signature as production mail, and lets the SMTP transport hand the server a
// finished message whose progress it can watch (see smtp.transport.ts: sent-or-not after a hang-up).
// The same code runs on the event loop and on mail build threads (build-threads.ts): validation and the
// composer's options are always made on the loop, so every path gives the same bytes for the same message.
import { createPrivateKey } from 'node:crypto';
import type { Readable } from 'node:stream';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from './transport.js';
import { lockedDown, toNodemailerMessage } from './transport.js';

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

export interface BuildOptions {
  /** The Date header; the time of building when not given. */
  date?: Date;
  /** The shared part of multipart boundaries (random when not given): lets tests compare builds byte for byte. */
  baseBoundary?: string;
}

/** The composer's input: plain data only, so it can be handed to a build thread as it is. */
export type ComposerOptions = ConstructorParameters<typeof MailComposer>[0] & {};

/**
 * Validates a message (InvalidAddressError before anything is built) and turns it into the composer's
 * options. Both build paths start from this, so a thread never sees an unchecked header.
 */
export function composerOptions(mail: OutgoingMail, opts: BuildOptions = {}): ComposerOptions {
  return {
    ...(toNodemailerMessage(mail) as ComposerOptions),
    ...lockedDown,
    ...(opts.date ? { date: opts.date } : {}),
    ...(opts.baseBoundary ? { baseBoundary: opts.baseBoundary } : {}),
  };
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The header fields every signature covers: nodemailer's list (RFC 6376 §5.4's, with the List-* fields)
 * plus RFC 8058's `List-Unsubscribe-Post`, which must be signed for a one-click unsubscribe to count, and
 * the other headers supporter mailings carry. A field a message lacks is simply not listed in `h=`.
 */
export const dkimSignedHeaders = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'Content-Language',
  'Resent-Date',
  'Resent-From',
  'Resent-Sender',
  'Resent-To',
  'Resent-Cc',
  'Resent-Message-ID',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
  'Precedence',
].join(':');

/**
 * One signer per key set, reused for every message (it holds no per-message state). Each PEM is parsed
 * once here: nodemailer hands the key to `crypto.Sign#sign` (dkim/sign.js), which parsed a PEM string again
 * for every signature, ~450 µs of the ~1.1 ms an RSA-2048 signature cost (decision 0020, "CPU per message").
 */
export function createDkimSigner(keys: readonly DkimKey[]): ((raw: Buffer) => Promise<Buffer>) | undefined {
  if (keys.length === 0) return undefined;
  const parsed = keys.map((k) => ({
    ...k,
    // A KeyObject is what Sign#sign takes best; nodemailer's types only know the PEM string it passes on.
    privateKey: createPrivateKey(k.privateKey) as unknown as string,
  }));
  const dkim = new DKIM({ keys: parsed, headerFieldNames: dkimSignedHeaders });
  return (raw) => collect(dkim.sign(raw));
}

/** Compose, build, sign: on the event loop, and in each mail build thread (build-thread.entry.ts). */
export async function buildFromOptions(
  options: ComposerOptions,
  sign?: (raw: Buffer) => Promise<Buffer>,
): Promise<BuiltMessage> {
  const mime = new MailComposer(options).compile();
  const envelope = mime.getEnvelope();
  const messageId = mime.messageId();
  mime.keepBcc = false;
  let raw = await new Promise<Buffer>((resolve, reject) =>
    mime.build((error, message) => (error ? reject(error) : resolve(message))),
  );
  if (sign) raw = await sign(raw);
  return {
    raw,
    envelope: { from: envelope.from || '', to: envelope.to.map(String) },
    messageId,
  };
}

export async function buildMessage(
  mail: OutgoingMail,
  opts: BuildOptions & { sign?: (raw: Buffer) => Promise<Buffer> } = {},
): Promise<BuiltMessage> {
  return buildFromOptions(composerOptions(mail, opts), opts.sign);
}
