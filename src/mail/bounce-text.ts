// The text side of reading bounces, pure and bounded: the fields of an RFC 3464 delivery-status part (a
// header-syntax text that mailparser hands over as an attachment), and a fallback for the free-text bounces
// many servers still send ("550 5.1.1 <x>: User unknown" under a "failure notice"). The MIME structure is
// mailparser's job (bounce-parse.ts); nothing here decodes MIME.
import type { BounceAction, BounceRecipient } from '../domain/delivery/record-bounce.js';

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

/** `rfc822; <Minister@Example.org>` → `minister@example.org`; null when no address is there. */
export function dsnAddress(value: string | undefined): string | null {
  if (!value) return null;
  const bare = value.replace(/^\s*[a-z0-9-]+\s*;/i, '').trim();
  const m = /<?([^\s<>;,"]+@[^\s<>;,"]+?)>?$/.exec(bare);
  return m ? m[1]!.replace(/\.$/, '').toLowerCase() : null;
}

const enhancedCode = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const basicCode = /(?<![\d.])([245]\d\d)(?=[ -]|$)/;
/** A line that reports a failure: a 4.x.x/5.x.x code, or a 4xx/5xx reply followed by words. */
const failureLine = /(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.])|(?<![\w.-])[45]\d\d(?=[ -][A-Za-z<#])/;

/** Phrases servers use for "no such mailbox" when they give no enhanced code. */
const noMailbox =
  /user unknown|unknown user|no such (user|mailbox|recipient|address|account)|mailbox (unavailable|not found|does not exist|disabled)|(account|address|mailbox|user) (does not|doesn't) exist|recipient (not found|unknown|rejected)|recipient address rejected|invalid (recipient|mailbox|address)|unknown (recipient|mailbox|address|local part)|address (not found|unknown)|not a valid mailbox|unrouteable address|no mailbox here/i;
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
    if (noMailbox.test(diagnostic)) return '5.1.1';
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
  return /<[^<>\s]{1,250}>/.exec(value)?.[0] ?? null;
}

/** `<outcry.12.ab@x>` from a header block (text/rfc822-headers, or a returned message), or null. */
export function messageIdOf(headers: string): string | null {
  const end = headers.search(/\r?\n\r?\n/);
  for (const group of fieldGroups(end >= 0 ? headers.slice(0, end) : headers).slice(0, 1)) {
    const m = /<[^<>\s]{1,250}>/.exec(group.get('message-id') ?? '');
    if (m) return m[0];
  }
  return null;
}

/** Where a free-text bounce starts quoting the message it returns. */
const returnedMarker =
  /^.*(below this line is a copy of the message|this is a copy of the message|original message follows|message that (you sent|was sent) follows|-+ ?original message ?-+|unsent message below|returned message|the headers of the message follow|message headers follow).*$/im;

const addressPattern = /<?([a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)>?/gi;

function addressesIn(line: string): string[] {
  return [...line.matchAll(addressPattern)]
    .map((m) => m[1]!.toLowerCase())
    .filter((a) => !/^(mailer-daemon|postmaster|bounces\+)/.test(a));
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
  const text = input.text.slice(0, maxText);
  const marker = returnedMarker.exec(text);
  const report = marker ? text.slice(0, marker.index) : text;
  const returned = marker ? text.slice(marker.index + marker[0].length).replace(/^\s*\n/, '') : '';
  const lines = report.split(/\r?\n/).map((l) => l.slice(0, maxLine));
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

/** The signs of a bounce written by a mail server: its sender, its headers, its subject. */
export function looksLikeBounce(m: { from: string; subject: string; failedRecipients: string[] }): boolean {
  if (m.failedRecipients.length > 0) return true;
  if (/^(mailer-?daemon|postmaster|mail-?daemon|mail\.?delivery)@/i.test(m.from)) return true;
  return /undeliver|delivery (status notification|failure|has failed|failed|problem|delayed|incomplete)|returned (mail|to sender)|failure notice|mail delivery failed|could not be delivered|non-?delivery|delayed mail|warning: message/i.test(
    m.subject,
  );
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
