// Reads one received message into a BounceReport (domain/delivery/record-bounce.ts): mailparser takes the
// MIME apart (delivery-status parts kept as attachments, returned messages never parsed), bounce-text.ts
// reads the report's fields, or the free text of a non-standard bounce. Untrusted input from anyone: sizes
// and part counts are bounded, and whatever cannot be read is "not a bounce", never an exception.
import { type HeaderValue, type ParsedMail, type StructuredHeader, simpleParser } from 'mailparser';
import type { BounceRecipient, BounceReport } from '../domain/delivery/record-bounce.js';
import {
  dsnAddress,
  dsnMessageId,
  dsnRecipients,
  fieldGroups,
  headerFields,
  looksLikeAutoReply,
  looksLikeBounce,
  messageIdOf,
  textBounce,
} from './bounce-text.js';

/** A bounce larger than this is refused (SMTP) or ignored (pipe): ours are small text letters. */
export const bounceMaxBytes = 5 * 1024 * 1024;

const deliveryStatusTypes = new Set(['message/delivery-status', 'message/global-delivery-status']);
const headerTypes = new Set([
  'text/rfc822-headers',
  'message/rfc822',
  'message/global',
  'message/global-headers',
]);

/** A header's value as plain text (mailparser parses some headers into objects). */
export function headerText(value: HeaderValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(', ');
  if (value instanceof Date) return value.toISOString();
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('value' in value && typeof value.value === 'string') return value.value;
  return '';
}

/** A target letter's (`bounces+12-…`) or a mailing recipient's (`bounces+r12-…`) VERP address. */
const verpShape = /^bounces\+r?\d{1,15}-[a-z0-9_-]{12}@[a-z0-9.-]{1,253}$/i;
/** A mailing's mailto unsubscribe address (`unsubscribe+<list token>@…`, security/list-token.ts). */
const unsubscribeShape = /^unsubscribe\+\d{1,15}\.[a-z0-9_-]{22}@[a-z0-9.-]{1,253}$/i;

/**
 * Every `bounces+…` or `unsubscribe+…` address in the envelope headers a delivery agent adds (and in To),
 * in that order.
 */
export function verpCandidates(parsed: Pick<ParsedMail, 'headerLines'>): string[] {
  const order = ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to', 'to'];
  const out: string[] = [];
  for (const key of order) {
    for (const h of parsed.headerLines) {
      if (h.key !== key) continue;
      // The words of the line (split where no address character is), each tested whole: no backtracking.
      for (const word of h.line.split(/[^a-z0-9_.+@-]+/i)) {
        if ((verpShape.test(word) || unsubscribeShape.test(word)) && !out.includes(word)) out.push(word);
      }
    }
  }
  return out.slice(0, 20);
}

export async function parseMessage(raw: Buffer): Promise<ParsedMail | null> {
  if (raw.length > bounceMaxBytes) return null;
  try {
    return await simpleParser(raw, {
      keepDeliveryStatus: true,
      ignoreEmbedded: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      checksumAlgo: false,
      maxHtmlLengthToParse: 512 * 1024,
      maxHeadSize: 256 * 1024,
      maxChildNodes: 64,
    });
  } catch {
    return null;
  }
}

/** What a received message reports, read from its parsed form. */
export function readBounce(parsed: ParsedMail): BounceReport {
  const h = parsed.headers;
  const contentType = h.get('content-type') as StructuredHeader | undefined;
  const reportType = (contentType?.params?.['report-type'] ?? '').toLowerCase();

  let originalMessageId: string | null = null;
  const recipients: BounceRecipient[] = [];
  for (const a of parsed.attachments.slice(0, 20)) {
    const type = a.contentType.toLowerCase();
    if (deliveryStatusTypes.has(type)) {
      const body = a.content.subarray(0, 256 * 1024).toString('utf8');
      recipients.push(...dsnRecipients(body));
      originalMessageId ??= dsnMessageId(body);
    } else if (headerTypes.has(type) && originalMessageId === null)
      originalMessageId = messageIdOf(a.content.subarray(0, 256 * 1024).toString('utf8'));
  }
  if (recipients.length > 0) return { kind: 'report', format: 'dsn', recipients, originalMessageId };
  if (reportType === 'feedback-report') return readComplaint(parsed);
  // Read receipts (disposition-notification) and other reports are not bounces.
  if (reportType && reportType !== 'delivery-status') return { kind: 'other', why: `a ${reportType} report` };

  const from = parsed.from?.value[0]?.address ?? '';
  const subject = parsed.subject ?? '';
  const failedRecipients = headerText(h.get('x-failed-recipients'))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.includes('@'));
  const bounce = looksLikeBounce({ from, subject, failedRecipients });
  const vendorFlag = ['x-autoreply', 'x-autorespond', 'x-auto-reply', 'x-autoresponder'].some((k) =>
    h.has(k),
  );
  if (
    !bounce &&
    looksLikeAutoReply({
      subject,
      autoSubmitted: headerText(h.get('auto-submitted')),
      precedence: headerText(h.get('precedence')),
      vendorFlag,
    })
  )
    return { kind: 'auto-reply' };
  if (!bounce) return { kind: 'other', why: 'no delivery report and no sign of a bounce' };

  const found = textBounce({ text: parsed.text ?? '', failedRecipients });
  if (!found) return { kind: 'other', why: 'a bounce without a status code' };
  return {
    kind: 'report',
    format: 'text',
    recipients: [found.recipient],
    originalMessageId: originalMessageId ?? found.originalMessageId,
  };
}

/**
 * An RFC 5965 feedback report: its type, and the envelope sender of the message complained about (our VERP
 * address names the mailing recipient), from the report's Original-Mail-From and from the Return-Path of
 * the original's headers, which most providers include even when they redact the person's address.
 */
function readComplaint(parsed: ParsedMail): BounceReport {
  let feedbackType: string | null = null;
  let originalMessageId: string | null = null;
  const senders: string[] = [];
  for (const a of parsed.attachments.slice(0, 20)) {
    const type = a.contentType.toLowerCase();
    const text = a.content.subarray(0, 256 * 1024).toString('utf8');
    if (type === 'message/feedback-report') {
      const fields = fieldGroups(text)[0];
      feedbackType ??= fields?.get('feedback-type')?.trim().toLowerCase().slice(0, 40) || null;
      const from = dsnAddress(fields?.get('original-mail-from'));
      if (from) senders.push(from);
    } else if (headerTypes.has(type)) {
      const returnPath = dsnAddress(headerFields(text)?.get('return-path'));
      if (returnPath) senders.push(returnPath);
      originalMessageId ??= messageIdOf(text);
    }
  }
  return {
    kind: 'complaint',
    feedbackType,
    originalSenders: [...new Set(senders)].slice(0, 10),
    originalMessageId,
  };
}

/** Parses and reads one raw message; anything unreadable is reported as not a bounce. */
export async function parseBounce(raw: Buffer): Promise<BounceReport> {
  const parsed = await parseMessage(raw);
  if (!parsed) {
    return {
      kind: 'other',
      why: raw.length > bounceMaxBytes ? 'larger than the bounce size limit' : 'unreadable message',
    };
  }
  return readBounce(parsed);
}
