// The text side of reading bounces, pure and bounded: the fields of an RFC 3464 delivery-status part (a
// header-syntax text that mailparser hands over as an attachment), and a fallback for the free-text bounces
// many servers still send ("550 5.1.1 <x>: User unknown" under a "failure notice"). The MIME structure is
// mailparser's job (bounce-parse.ts); nothing here decodes MIME. Anyone can mail a bounce address, so the
// text is hostile: lines are bounded before they are read, and every search is a loop or a pattern that
// cannot backtrack (test/regex-audit.test.ts checks them all).
import type { BounceAction, BounceRecipient } from '../domain/delivery/record-bounce.js';
import { oneOf, trimEndWhile } from '../domain/shared/trim.js';

/** Text beyond this is not read: the facts of a bounce are at its top. */
const maxText = 64 * 1024;
const maxLine = 2_000;

/**
 * Groups of `Name: value` fields separated by blank lines, with folded lines joined (RFC 5322 syntax, as
 * RFC 3464 uses it). Names are lower-cased; the first occurrence of a name in a group wins.
 */
export function fieldGroups(body: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | null = null;
  for (const line of body.slice(0, maxText).split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.size > 0) groups.push(current);
      current = new Map();
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      if (last !== null) current.set(last, `${current.get(last)} ${line.trim()}`.slice(0, maxLine));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    if (current.has(name)) {
      last = null;
      continue;
    }
    current.set(
      name,
      line
        .slice(colon + 1)
        .trim()
        .slice(0, maxLine),
    );
    last = name;
  }
  if (current.size > 0) groups.push(current);
  return groups;
}

/** What ends an address in report syntax. */
const isAddressEnd = (c: string) => /^[\s<>;,"]$/.test(c);

/**
 * `rfc822; <Minister@Example.org>` → `minister@example.org`; null when no address is there. The address is
 * the last word of the value, read back from its end once.
 */
export function dsnAddress(value: string | undefined): string | null {
  if (!value || value.length > maxLine) return null;
  const bare = value.replace(/^\s*[a-z0-9-]+\s*;/i, '').trim();
  const end = bare.endsWith('>') ? bare.length - 1 : bare.length;
  let start = end;
  while (start > 0 && !isAddressEnd(bare[start - 1]!)) start--;
  const address = bare.slice(start, end);
  const at = address.indexOf('@', 1);
  if (at < 1 || at >= address.length - 1) return null;
  return address.replace(/\.$/, '').toLowerCase();
}

/**
 * The first `<…>` of 1–250 characters with no space or angle bracket inside (a Message-ID), or null. One
 * pass: a scan that stops at `<` starts the next candidate there.
 */
function angleId(value: string): string | null {
  let open = value.indexOf('<');
  while (open >= 0) {
    let close = open + 1;
    while (close < value.length && close - open <= 251 && !/^[<>\s]$/.test(value[close]!)) close++;
    if (value[close] === '>' && close - open > 1 && close - open <= 251) return value.slice(open, close + 1);
    open = value.indexOf('<', close);
  }
  return null;
}

const enhancedCode = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const basicCode = /(?<![\d.])([245]\d\d)(?=[ -]|$)/;
/** A line that reports a failure: a 4.x.x/5.x.x code, or a 4xx/5xx reply followed by words. */
const failureLine = /(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.])|(?<![\w.-])[45]\d\d(?=[ -][A-Za-z<#])/;

/** Every phrase `first second` for each first and second word. */
const phrases = (first: string[], second: string[]) => first.flatMap((a) => second.map((b) => `${a} ${b}`));
/** Whether the text holds one of the (lower-case) phrases: a plain search, nothing to backtrack. */
const mentions = (text: string, list: readonly string[]) => {
  const lower = text.toLowerCase();
  return list.some((p) => lower.includes(p));
};

/** Phrases servers use for "no such mailbox" when they give no enhanced code. */
const noMailbox = [
  'user unknown',
  'unknown user',
  ...phrases(['no such'], ['user', 'mailbox', 'recipient', 'address', 'account']),
  ...phrases(['mailbox'], ['unavailable', 'not found', 'does not exist', 'disabled']),
  ...phrases(['account', 'address', 'mailbox', 'user'], ['does not exist', "doesn't exist"]),
  ...phrases(['recipient'], ['not found', 'unknown', 'rejected']),
  'recipient address rejected',
  ...phrases(['invalid'], ['recipient', 'mailbox', 'address']),
  ...phrases(['unknown'], ['recipient', 'mailbox', 'address', 'local part']),
  ...phrases(['address'], ['not found', 'unknown']),
  'not a valid mailbox',
  'unrouteable address',
  'no mailbox here',
];
/** … and for a block by policy. */
const policyBlock = /blocked|blacklist|block ?list|spamhaus|\bspam\b|policy|reputation|not allowed|denied/i;

/**
 * The enhanced code a report means: its Status unless that is only `x.0.0` and the server's own words say
 * more (`Status: 5.0.0` with `550 5.1.1 …`, or `550 User unknown`).
 */
export function refineStatus(status: string | null, diagnostic: string | null): string | null {
  const given = status ? enhancedCode.exec(status) : null;
  const said = diagnostic ? enhancedCode.exec(diagnostic) : null;
  if (given && (given[2] !== '0' || given[3] !== '0')) return given.slice(1, 4).join('.');
  if (said && (!given || said[1] === given[1])) return said.slice(1, 4).join('.');
  const basic = diagnostic ? basicCode.exec(diagnostic) : null;
  const cls = given?.[1] ?? basic?.[1]?.[0];
  if (cls === '5' && diagnostic) {
    if (mentions(diagnostic, noMailbox)) return '5.1.1';
    if (policyBlock.test(diagnostic)) return '5.7.1';
  }
  if (given) return given.slice(1, 4).join('.');
  return cls ? `${cls}.0.0` : null;
}

const actions: readonly BounceAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function actionOf(value: string | undefined, status: string | null): BounceAction | null {
  const word = value
    ?.trim()
    .toLowerCase()
    .split(/[\s;(]/)[0];
  const found = actions.find((a) => a === word);
  if (found) return found;
  const cls = status?.[0];
  return cls === '5' ? 'failed' : cls === '4' ? 'delayed' : cls === '2' ? 'delivered' : null;
}

/** The per-recipient blocks of a delivery-status part (the first group is about the message). */
export function dsnRecipients(body: string): BounceRecipient[] {
  const out: BounceRecipient[] = [];
  for (const group of fieldGroups(body)) {
    if (!group.has('final-recipient') && !group.has('action') && !group.has('status')) continue;
    const diagnostic = group.get('diagnostic-code') ?? null;
    const status = refineStatus(group.get('status') ?? null, diagnostic);
    const action = actionOf(group.get('action'), status);
    if (!action) continue;
    out.push({
      action,
      status,
      diagnostic,
      finalRecipient: dsnAddress(group.get('final-recipient')),
      originalRecipient: dsnAddress(group.get('original-recipient')),
    });
    if (out.length >= 100) break;
  }
  return out;
}

/** The Message-ID some reporters put among the per-message fields (Gmail's `X-Original-Message-ID`). */
export function dsnMessageId(body: string): string | null {
  const first = fieldGroups(body)[0];
  const value = first?.get('x-original-message-id') ?? first?.get('original-message-id') ?? '';
  return angleId(value);
}

/** The header fields of a returned message or a text/rfc822-headers part (the part before its body). */
export function headerFields(message: string): Map<string, string> | undefined {
  const end = message.search(/\r?\n\r?\n/);
  return fieldGroups(end >= 0 ? message.slice(0, end) : message)[0];
}

/** `<outcry.12.ab@x>` from a header block (text/rfc822-headers, or a returned message), or null. */
export function messageIdOf(headers: string): string | null {
  return angleId(headerFields(headers)?.get('message-id') ?? '');
}

/** Lines where a free-text bounce starts quoting the message it returns. */
const returnedMarkers = [
  'below this line is a copy of the message',
  'this is a copy of the message',
  'original message follows',
  'message that you sent follows',
  'message that was sent follows',
  'unsent message below',
  'returned message',
  'the headers of the message follow',
  'message headers follow',
];

function isReturnedMarker(line: string): boolean {
  if (mentions(line, returnedMarkers)) return true;
  // `-----Original Message-----`, `--- original message ---`
  const lower = line.toLowerCase();
  const at = lower.indexOf('original message');
  if (at < 0) return false;
  const before = lower.slice(Math.max(0, at - 2), at).replace(/ $/, '');
  const after = lower.slice(at + 16, at + 18).replace(/^ /, '');
  return before.endsWith('-') && after.startsWith('-');
}

const localPart = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/i;
const domainName = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

/** The addresses written in a line: its words (split at anything no address holds) that are addresses. */
function addressesIn(line: string): string[] {
  const out: string[] = [];
  for (const word of line.split(/[^a-z0-9.!#$%&'*+/=?^_`{|}~@-]+/i)) {
    const at = word.indexOf('@');
    if (at < 1 || word.indexOf('@', at + 1) >= 0) continue;
    const domain = trimEndWhile(word.slice(at + 1), oneOf('.-'));
    if (!localPart.test(word.slice(0, at)) || domain.length > 253 || !domainName.test(domain)) continue;
    const address = `${word.slice(0, at)}@${domain}`.toLowerCase();
    if (!/^(mailer-daemon|postmaster|bounces\+)/.test(address)) out.push(address);
  }
  return out;
}

/**
 * The failure a free-text bounce reports: the first line carrying an SMTP code, its address from
 * X-Failed-Recipients or the nearest address above it. Null when the text carries no code: then it is not
 * read as a bounce at all.
 */
export function textBounce(input: { text: string; failedRecipients: string[] }): {
  recipient: BounceRecipient;
  originalMessageId: string | null;
} | null {
  const all = input.text.slice(0, maxText).split(/\r?\n/);
  const marker = all.findIndex((l) => isReturnedMarker(l.slice(0, maxLine)));
  const lines = (marker >= 0 ? all.slice(0, marker) : all).map((l) => l.slice(0, maxLine));
  const report = lines.join('\n');
  const returned =
    marker >= 0
      ? all
          .slice(marker + 1)
          .join('\n')
          .replace(/^\s*\n/, '')
      : '';
  const at = lines.findIndex((l) => failureLine.test(l));
  if (at < 0) return null;
  const diagnostic = lines[at]!.trim();
  const status = refineStatus(null, diagnostic);
  if (!status) return null;
  let recipient = input.failedRecipients[0]?.trim().toLowerCase() ?? null;
  for (let i = at; recipient === null && i >= 0 && i >= at - 10; i--) {
    recipient = addressesIn(lines[i]!)[0] ?? null;
  }
  const permanentWords =
    /permanent|giving up|given up|gave up|too long|could not be delivered|no (further|more) attempts|expired/i;
  // A 4xx the relay gave up on is a failure; otherwise it is still trying.
  const action: BounceAction = status[0] === '5' || permanentWords.test(report) ? 'failed' : 'delayed';
  return {
    recipient: { action, status, diagnostic, finalRecipient: recipient, originalRecipient: null },
    originalMessageId: returned ? messageIdOf(returned.trimStart()) : null,
  };
}

/** What the subjects of bounces say. */
const bounceSubjects = [
  'undeliver',
  ...phrases(
    ['delivery'],
    ['status notification', 'failure', 'has failed', 'failed', 'problem', 'delayed', 'incomplete'],
  ),
  ...phrases(['returned'], ['mail', 'to sender']),
  'failure notice',
  'mail delivery failed',
  'could not be delivered',
  'nondelivery',
  'non-delivery',
  'delayed mail',
  'warning: message',
];

/** The signs of a bounce written by a mail server: its sender, its headers, its subject. */
export function looksLikeBounce(m: { from: string; subject: string; failedRecipients: string[] }): boolean {
  if (m.failedRecipients.length > 0) return true;
  if (/^(mailer-?daemon|postmaster|mail-?daemon|mail\.?delivery)@/i.test(m.from)) return true;
  return mentions(m.subject.slice(0, maxLine), bounceSubjects);
}

/** RFC 3834 and the common vendor headers of out-of-office and other automatic replies. */
export function looksLikeAutoReply(m: {
  subject: string;
  autoSubmitted: string;
  precedence: string;
  vendorFlag: boolean;
}): boolean {
  if (m.vendorFlag) return true;
  if (m.autoSubmitted && m.autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (/^(auto_reply|auto-reply)$/i.test(m.precedence.trim())) return true;
  return /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|abwesenheit|absence|r[ée]ponse automatique|respuesta autom[áa]tica|autosvar)\b/i.test(
    m.subject.trim(),
  );
}
