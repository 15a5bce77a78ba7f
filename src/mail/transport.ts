// The one port the rest of Outcry sends mail through (SMTP in production, a capture directory in demo
// and development, a real SMTP sink in tests), plus the header-safety rules every transport shares:
// supporter-typed names and subjects must never be able to add a header or a recipient.
import type { SendMailOptions } from 'nodemailer';
import type { Attachment } from 'nodemailer/lib/mailer';

export interface Address {
  name: string;
  address: string;
}

export interface OutgoingMail {
  from: Address;
  to: Address[];
  cc?: Address[];
  replyTo?: Address;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers such as List-Unsubscribe. Address headers (To, Cc, Bcc, …) are refused here. */
  headers?: Record<string, string>;
  messageId?: string;
  /** SMTP envelope sender, e.g. a VERP bounce address */
  envelopeFrom?: string;
  /**
   * `text` and `html` already MIME-encoded (encoded-part.ts), built as they are instead of encoding the
   * strings again: for mail sent to many people from one template. They must carry the same text.
   */
  encoded?: EncodedParts;
}

/** A message's text and HTML parts, each whole: its Content-Type and transfer-encoding headers, a blank
 * line and the encoded body. */
export interface EncodedParts {
  text: string;
  html?: string;
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): Promise<void>;
}

/** Thrown before anything is sent when an address (or a header name) could smuggle in a header. */
export class InvalidAddressError extends Error {
  readonly code = 'InvalidAddress';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`Invalid ${field}: ${JSON.stringify(value.slice(0, 100))}`);
    this.name = 'InvalidAddressError';
  }
}

// Line breaks in every form a mail or web stack may honour, plus NUL.
const LINE_BREAKS = /[\r\n\0\u0085\u2028\u2029]+/g;

/**
 * Makes text safe for a header value: every run of line-break characters (CR, LF, NUL, NEL, LS, PS)
 * becomes one space, so `"x\r\nBcc: a@b"` stays a single harmless line (`"x Bcc: a@b"`).
 */
export function headerSafe(s: string): string {
  return s.replace(LINE_BREAKS, ' ');
}

// Whitespace, control characters and the characters that separate or delimit addresses in a header.
// A real mailbox never needs them; quoted local parts that would are not worth the risk.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const ADDRESS_FORBIDDEN = /[\s\0-\x1f\x7f\u0085<>,;"]/;

/** Returns the address unchanged, or throws InvalidAddressError when it is not a plain mailbox. */
export function assertSafeAddress(address: string, field = 'address'): string {
  if (typeof address !== 'string') throw new InvalidAddressError(field, String(address));
  const at = address.lastIndexOf('@');
  if (address.length > 254 || ADDRESS_FORBIDDEN.test(address) || at < 1 || at === address.length - 1) {
    throw new InvalidAddressError(field, String(address));
  }
  return address;
}

function safeAddress(a: Address, field: string): { name: string; address: string } {
  return { name: headerSafe(a.name).trim(), address: assertSafeAddress(a.address, field) };
}

// RFC 5322 field names: printable ASCII except the colon.
const HEADER_NAME = /^[!-9;-~]+$/;
// Headers that carry addresses or structure are set through their own fields only: nodemailer builds
// the SMTP envelope from To/Cc/Bcc headers, so letting them through `headers` would add recipients.
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'return-path',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

function safeHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new InvalidAddressError('header name', name);
    }
    out[name] = headerSafe(value);
  }
  return out;
}

// Either side: printable ASCII but `<`, `>` and `@`, so there is one way to split an id.
const MESSAGE_ID = /^<[!-;=?A-~]+@[!-;=?A-~]+>$/;

const rawPart = (raw: string): Attachment => ({ raw });

/**
 * Validates and converts a message into nodemailer's options. Addresses stay `{ name, address }`
 * objects all the way, so nodemailer encodes names itself and never re-parses a string we built.
 */
export function toNodemailerMessage(mail: OutgoingMail): SendMailOptions {
  const to = mail.to.map((a) => safeAddress(a, 'to'));
  const cc = (mail.cc ?? []).map((a) => safeAddress(a, 'cc'));
  if (to.length === 0) throw new InvalidAddressError('to', '');
  if (mail.messageId !== undefined && !MESSAGE_ID.test(mail.messageId)) {
    throw new InvalidAddressError('messageId', mail.messageId);
  }
  const message: SendMailOptions = {
    from: safeAddress(mail.from, 'from'),
    to,
    subject: headerSafe(mail.subject),
    // A finished part goes in as `raw`: the composer frames it and encodes nothing.
    text: mail.encoded ? rawPart(mail.encoded.text) : mail.text,
  };
  if (cc.length) message.cc = cc;
  if (mail.replyTo) message.replyTo = safeAddress(mail.replyTo, 'replyTo');
  if (mail.encoded) {
    if (mail.encoded.html !== undefined) message.html = rawPart(mail.encoded.html);
  } else if (mail.html !== undefined) message.html = mail.html;
  if (mail.messageId !== undefined) message.messageId = mail.messageId;
  const headers = safeHeaders(mail.headers);
  if (headers) message.headers = headers;
  if (mail.envelopeFrom !== undefined) {
    // An explicit envelope replaces the derived one entirely, so it lists the recipients again.
    message.envelope = {
      from: assertSafeAddress(mail.envelopeFrom, 'envelopeFrom'),
      to: [...to, ...cc].map((a) => a.address),
    };
  }
  return message;
}

/** Transport options that keep nodemailer from ever reading a local file or fetching a URL. */
export const lockedDown = { disableFileAccess: true, disableUrlAccess: true } as const;
