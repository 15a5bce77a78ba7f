// Production mail: pooled SMTP to the relay in SMTP_URL (smtp-pool.ts), built and DKIM-signed with the
// configured key before it goes (mime.ts), on mail build threads with `buildThreads` (build-threads.ts).
// Messages can be prepared ahead of their turn (prepared-mail.ts) so their bytes are ready when a
// connection is. Every failure comes back as an SmtpSendError that keeps the server's reply code, so
// delivery can tell a retryable 4xx (or a dropped connection) from a permanent 5xx.
// Every connection greets with the configured name (SMTP_HELO_NAME), and every address refused at RCPT
// is logged by its domain.
import { redactAddresses } from '../security/redact-addresses.js';
import { createBuildThreads } from './build-threads.js';
import { buildFromOptions, composerOptions, createDkimSigner, type DkimKey } from './mime.js';
import type { PreparedMail, PreparingTransport } from './prepared-mail.js';
import { PooledSendFailure, poolOptionsFromUrl, SmtpPool } from './smtp-pool.js';
import type { OutgoingMail, SendResult } from './transport.js';

export interface SmtpTransportOptions {
  /** One key, or several (each adds a DKIM-Signature header). */
  dkim?: DkimKey | DkimKey[];
  /** Reuse connections across messages (default true). */
  pool?: boolean;
  /** Open connections per process when pooled (default 5). */
  maxConnections?: number;
  /** Build and sign on this many mail build threads (build-threads.ts); 0 does both on the event loop. Default 0. */
  buildThreads?: number;
  /** The EHLO name (config SMTP_HELO_NAME); see SmtpPoolOptions.name. */
  heloName?: string;
  /** Told (at info level) of every address a server refused at RCPT, by its domain only. */
  logger?: RefusalLogger;
}

export interface RefusalLogger {
  info(obj: object, msg?: string): void;
}

/**
 * Logs each address a server refused at RCPT, naming its domain and the server's reply with every address
 * in it redacted: an operator sees which domains refuse and why, and the log holds no one's address.
 */
export function logRefusedRecipients(
  logger: RefusalLogger | undefined,
  refused: { rejected?: string[]; response?: string; responseCode?: number },
): void {
  if (!logger) return;
  for (const address of refused.rejected ?? []) {
    logger.info(
      {
        domain: address.slice(address.lastIndexOf('@') + 1).toLowerCase(),
        ...(refused.responseCode !== undefined ? { code: refused.responseCode } : {}),
        ...(refused.response ? { response: redactAddresses(refused.response).slice(0, 300) } : {}),
      },
      'recipient refused at RCPT',
    );
  }
}

/**
 * A send that did not go through. `responseCode` is set when the server replied (e.g. 421, 450, 550);
 * without it the connection failed before or during the transaction (`code` is then ECONNECTION,
 * ESOCKET, ETIMEDOUT, …) and the message may or may not have been delivered.
 */
export class SmtpSendError extends Error {
  responseCode?: number;
  /** The SMTP command in flight when the server refused (e.g. `RCPT TO`, `DATA`, `CONN`). */
  command?: string;
  /** The server's full reply line(s). */
  response?: string;
  /** Nodemailer's error code (EENVELOPE, EMESSAGE, ECONNECTION, ETIMEDOUT, …). */
  code?: string;
  /** Nodemailer's reading of the reply class: true for a 5xx other than 503. */
  permanent?: boolean;
  /** Recipients the server refused, when the error is about recipients. */
  rejected?: string[];
  /**
   * True when the whole message had been handed to the connection before it failed without a reply: the
   * server may have accepted it, so it must not be resent blindly. False when it cannot have been.
   */
  afterData?: boolean;

  constructor(message: string, fields: Partial<SmtpSendError> & { cause?: unknown } = {}) {
    super(message, { cause: fields.cause });
    this.name = 'SmtpSendError';
    if (fields.responseCode !== undefined) this.responseCode = fields.responseCode;
    if (fields.command !== undefined) this.command = fields.command;
    if (fields.response !== undefined) this.response = fields.response;
    if (fields.code !== undefined) this.code = fields.code;
    if (fields.permanent !== undefined) this.permanent = fields.permanent;
    if (fields.rejected !== undefined) this.rejected = fields.rejected;
    if (fields.afterData !== undefined) this.afterData = fields.afterData;
  }
}

interface NodemailerErrorShape {
  message?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
  code?: unknown;
  permanent?: unknown;
  rejected?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Copies the SMTP facts off whatever nodemailer threw; the original stays as `cause`. */
export function toSmtpSendError(error: unknown): SmtpSendError {
  if (error instanceof SmtpSendError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerErrorShape;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const rejected = Array.isArray(e.rejected) ? e.rejected.filter((r) => typeof r === 'string') : undefined;
  return new SmtpSendError(str(e.message) ?? String(error), {
    cause: error,
    responseCode,
    command: str(e.command),
    response: str(e.response),
    code: str(e.code),
    permanent: typeof e.permanent === 'boolean' ? e.permanent : undefined,
    rejected,
  });
}

/**
 * A pooled send that failed, as an SmtpSendError. Without a reply, what matters is whether the server had
 * the whole message: if it did, it may have accepted it.
 */
export function pooledSendError(error: unknown): SmtpSendError {
  const failure = toSmtpSendError(error instanceof PooledSendFailure ? error.original : error);
  if (failure.responseCode === undefined) {
    failure.afterData = error instanceof PooledSendFailure && error.handedOver;
  }
  return failure;
}

export function createSmtpTransport(url: string, opts: SmtpTransportOptions = {}): PreparingTransport {
  const pool = new SmtpPool(
    poolOptionsFromUrl(url, {
      maxConnections: opts.pool === false ? 1 : (opts.maxConnections ?? 5),
      // Relays cap messages per session; a fresh session now and then also spreads load.
      maxMessages: 1_000,
      reuse: opts.pool !== false,
      // Bounded waits: one stalled server must not hold a connection (and its domain's slot) for minutes.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      ...(opts.heloName ? { name: opts.heloName } : {}),
    }),
  );
  const keys = opts.dkim === undefined ? [] : [opts.dkim].flat();
  const threads = (opts.buildThreads ?? 0) > 0 ? createBuildThreads(keys, opts.buildThreads ?? 1) : undefined;
  const sign = threads ? undefined : createDkimSigner(keys);

  function prepare(mail: OutgoingMail): PreparedMail {
    // Validation errors (InvalidAddressError) are ours and reach the caller here, unwrapped.
    const options = composerOptions(mail);
    const job = threads?.build(options) ?? {
      built: buildFromOptions(options, sign),
      urgent() {},
      cancel() {},
      release() {},
    };
    // Observed by send(); a message discarded after a failed build must not be an unhandled rejection.
    job.built.catch(() => undefined);
    return {
      async send(): Promise<SendResult> {
        job.urgent();
        // A build that failed (or a thread that died twice) rejects here: nothing was sent.
        const built = await job.built;
        let info: Awaited<ReturnType<SmtpPool['send']>>;
        try {
          info = await pool.send(built.envelope, built.raw);
        } catch (error) {
          const failure = pooledSendError(error);
          if (failure.command?.toUpperCase() === 'RCPT TO') logRefusedRecipients(opts.logger, failure);
          throw failure;
        }
        // The server answered the whole message: its bytes are no longer needed (a retry builds anew).
        job.release();
        // Some of several recipients refused: the message went to the others.
        if (info.rejected.length > 0) logRefusedRecipients(opts.logger, info);
        return { messageId: built.messageId, ...info };
      },
      discard: () => job.cancel(),
    };
  }

  return {
    prepare,
    async send(mail: OutgoingMail): Promise<SendResult> {
      return prepare(mail).send();
    },
    async close(): Promise<void> {
      pool.close();
      await threads?.close();
    },
  };
}
