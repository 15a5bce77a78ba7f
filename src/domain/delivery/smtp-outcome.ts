// What an SMTP failure means for the message, its target address and the destination domain. Reads the
// basic reply code and the enhanced status code (RFC 3463) of the server's answer; pure, so every code in
// quality.md is tested without a server.

export interface SmtpFailure {
  /** The server's reply code when it answered (421, 450, 550, …). */
  responseCode?: number;
  /** The full reply text, which carries the enhanced code (`5.1.1`). */
  response?: string;
  /** The library's error code when there was no reply (ECONNECTION, ETIMEDOUT, …). */
  code?: string;
  /** The SMTP step in flight (CONN, MAIL FROM, RCPT TO, DATA, …). */
  command?: string;
  message?: string;
  /** No reply, and the whole message had already been handed to the connection. */
  afterData?: boolean;
}

export type SmtpOutcome =
  /** Try again later; the destination domain's shared timer backs off. */
  | { action: 'retry'; slowDown: boolean; reason: string }
  /** The mailbox does not exist: mark the address bounced, hold its other messages, alert editors. */
  | { action: 'bounce'; reason: string }
  /** A policy block: pause the whole destination domain, keep the message queued, alert editors. */
  | { action: 'pause-domain'; reason: string }
  /** The server may or may not have taken it: record and never resend blindly. */
  | { action: 'unknown'; reason: string }
  /** Permanent for this message only. */
  | { action: 'fail'; reason: string };

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

export function enhancedCode(
  text: string | undefined,
): { cls: number; subject: number; detail: number } | null {
  const m = text ? ENHANCED.exec(text) : null;
  return m ? { cls: Number(m[1]), subject: Number(m[2]), detail: Number(m[3]) } : null;
}

function reasonOf(f: SmtpFailure): string {
  const text = (f.response ?? f.message ?? f.code ?? 'unknown error').replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

export function classifySmtpFailure(f: SmtpFailure): SmtpOutcome {
  const reason = reasonOf(f);
  const code = f.responseCode;
  if (code === undefined) {
    // No reply. Once the whole message was handed over the server may have taken it; before, it cannot.
    return f.afterData ? { action: 'unknown', reason } : { action: 'retry', slowDown: false, reason };
  }
  const enhanced = enhancedCode(f.response);
  if (code >= 400 && code < 500) {
    const slowDown = code === 451 && enhanced?.subject === 7 && enhanced.detail === 500;
    return { action: 'retry', slowDown, reason };
  }
  // RFC 5321 §4.5.3.1.10: a 552 to RCPT means "too many recipients"; treat it like 452.
  if (code === 552 && (enhanced === null || enhanced.subject !== 7))
    return { action: 'retry', slowDown: false, reason };
  if (code >= 500) {
    if (enhanced?.cls === 5 && enhanced.subject === 1) return { action: 'bounce', reason };
    if (enhanced?.cls === 5 && enhanced.subject === 7) return { action: 'pause-domain', reason };
    if (!enhanced && code === 550 && (f.command ?? '').toUpperCase() === 'RCPT TO')
      return { action: 'bounce', reason };
    return { action: 'fail', reason };
  }
  return { action: 'unknown', reason };
}

/** Exponential backoff from `baseMs`, doubling per attempt, capped. `attempt` counts from 1. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}
