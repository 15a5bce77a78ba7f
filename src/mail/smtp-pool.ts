// A small pool of SMTP connections (nodemailer's SMTPConnection) that sends messages we have already built
// and signed (mime.ts). nodemailer's own pooled transport would take the finished bytes too, but it runs
// every one through its Mailer pipeline again (plugins, a MIME node, header normalising, stream plumbing):
// measured on this machine, 3,700 msg/s through sendMail against 12,500 msg/s handing the same bytes to
// the connections directly. This module keeps only what delivery needs: a bounded set of connections,
// reuse after a refused message (RSET), one retry on a fresh connection when a reused one turns out to
// have been closed by the server before a byte was sent, and the facts of a failure: the reply code, or
// whether the whole message had been handed to the connection (a hang-up after that is "unknown").
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpPoolOptions {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /**
   * The name we greet with (EHLO). Without it nodemailer says `[127.0.0.1]` (or the machine's name), which
   * receiving servers score as suspicious: config SMTP_HELO_NAME, matching our A/AAAA and PTR records.
   */
  name?: string;
  /** Connections open at once. */
  maxConnections: number;
  /** Messages per connection before it is closed and a fresh one opened (servers cap sessions too). */
  maxMessages: number;
  /** Keep connections between messages; false opens one per message (tests, one-off sends). */
  reuse: boolean;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

export interface PooledSendResult {
  accepted: string[];
  rejected: string[];
  response: string;
}

/** What went wrong, with nodemailer's error as it was (the transport maps it to SmtpSendError). */
export class PooledSendFailure extends Error {
  constructor(
    readonly original: unknown,
    /** True when the whole message had been handed to the connection before it failed. */
    readonly handedOver: boolean,
    /** False when the connection never read a byte of the message. */
    readonly readAny: boolean,
  ) {
    super(original instanceof Error ? original.message : String(original));
  }
}

interface Connection {
  smtp: SMTPConnection;
  messages: number;
  alive: boolean;
}

type ErrorShape = { code?: unknown; responseCode?: unknown };
const shape = (e: unknown): ErrorShape => (typeof e === 'object' && e !== null ? (e as ErrorShape) : {});

/** A connection-level failure with no reply from the server (it closed, reset, or timed out). */
const isTransport = (e: unknown) =>
  shape(e).responseCode === undefined &&
  ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT'].includes(String(shape(e).code));

export class SmtpPool {
  private readonly idle: Connection[] = [];
  /** Connections opening, idle or sending. */
  private open = 0;
  private readonly waiters: Array<{ resolve(c: Connection): void; reject(e: unknown): void }> = [];
  private closed = false;

  constructor(private readonly options: SmtpPoolOptions) {}

  async send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<PooledSendResult> {
    // A reused connection the server already dropped fails before a byte is read: try once more, fresh.
    for (let attempt = 0; ; attempt++) {
      const conn = await this.acquire();
      const reused = conn.messages > 0;
      try {
        const result = await this.sendOn(conn, envelope, raw);
        conn.messages++;
        this.release(conn);
        return result;
      } catch (error) {
        const original = error instanceof PooledSendFailure ? error.original : error;
        const refusedMessage =
          ['EENVELOPE', 'EMESSAGE'].includes(String(shape(original).code)) &&
          shape(original).responseCode !== 421;
        if (refusedMessage && conn.alive) {
          // The server refused this message; the session is fine once reset.
          conn.messages++;
          conn.smtp.reset((resetError) => (resetError ? this.discard(conn) : this.release(conn)));
        } else {
          this.discard(conn);
        }
        const untouched = error instanceof PooledSendFailure && !error.readAny;
        if (attempt === 0 && reused && untouched && isTransport(original)) continue;
        throw error;
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const conn of this.idle.splice(0)) {
      conn.alive = false;
      this.open--;
      conn.smtp.quit();
    }
    for (const w of this.waiters.splice(0)) w.reject(new Error('SMTP pool closed'));
  }

  private sendOn(
    conn: Connection,
    envelope: { from: string; to: string[] },
    raw: Buffer,
  ): Promise<PooledSendResult> {
    return new Promise((resolve, reject) => {
      let readAny = false;
      let handedOver = false;
      // A one-chunk stream, so we know whether the connection read the message at all, and all of it.
      // The message and the end-of-data line go to the server in one write rather than two: nodemailer's
      // data stream writes them separately, and each write on a socket is a system call and a wake-up of
      // the server (measured: 5 % more messages a second on the mail bench).
      const socket = conn.smtp._socket;
      const body = new Readable({
        read() {
          readAny = true;
          if (socket) {
            socket.cork();
            setImmediate(() => socket.uncork());
          }
          this.push(raw);
          this.push(null);
        },
      });
      body.once('end', () => {
        handedOver = true;
      });
      const withSize = { ...envelope, size: raw.length };
      conn.smtp.send(withSize, body, (err, info) => {
        if (err) {
          reject(new PooledSendFailure(err, handedOver, readAny));
          return;
        }
        resolve({
          accepted: (info?.accepted ?? []).map(String),
          rejected: (info?.rejected ?? []).map(String),
          response: info?.response ?? '',
        });
      });
    });
  }

  private acquire(): Promise<Connection> {
    if (this.closed) return Promise.reject(new Error('SMTP pool closed'));
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.open < this.options.maxConnections) return this.connect();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(conn: Connection): void {
    if (!conn.alive || this.closed || !this.options.reuse || conn.messages >= this.options.maxMessages) {
      this.discard(conn);
      return;
    }
    const next = this.waiters.shift();
    if (next) next.resolve(conn);
    else this.idle.push(conn);
  }

  /** Closes a connection that is not idle (it was sending) and frees its place. */
  private discard(conn: Connection): void {
    if (conn.alive) {
      conn.alive = false;
      conn.smtp.close();
    }
    this.freed();
  }

  /** One connection fewer: a waiting sender may open a new one. */
  private freed(): void {
    this.open--;
    const next = this.waiters.shift();
    if (next) this.connect().then(next.resolve, next.reject);
  }

  private connect(): Promise<Connection> {
    this.open++;
    const o = this.options;
    const smtp = new SMTPConnection({
      host: o.host,
      port: o.port,
      secure: o.secure,
      ...(o.name ? { name: o.name } : {}),
      connectionTimeout: o.connectionTimeout,
      greetingTimeout: o.greetingTimeout,
      socketTimeout: o.socketTimeout,
    });
    const conn: Connection = { smtp, messages: 0, alive: false };
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        smtp.close();
        this.freed();
        // Nothing was sent: a refused or failed connection never hands a message over.
        reject(new PooledSendFailure(error, false, false));
      };
      const ready = () => {
        settled = true;
        conn.alive = true;
        resolve(conn);
      };
      // Errors while a message is in flight also reach its send callback; errors on an idle connection
      // (the server hung up between messages) just retire it.
      smtp.on('error', (error) => {
        if (!settled) return fail(error);
        this.retire(conn);
      });
      smtp.once('end', () => {
        if (!settled)
          return fail(
            Object.assign(new Error('Connection closed before the greeting'), { code: 'ECONNECTION' }),
          );
        this.retire(conn);
      });
      smtp.connect((error) => {
        if (error) return fail(error);
        if (!o.auth || !smtp.allowsAuth) return ready();
        smtp.login({ credentials: o.auth }, (loginError) => (loginError ? fail(loginError) : ready()));
      });
    });
  }

  /** A connection the server closed or broke: gone from the idle list now, or when its send returns. */
  private retire(conn: Connection): void {
    if (!conn.alive) return;
    conn.alive = false;
    const i = this.idle.indexOf(conn);
    if (i >= 0) {
      this.idle.splice(i, 1);
      this.freed();
    }
  }
}

/** Pool settings from an `smtp://user:pass@host:port` or `smtps://…` URL. */
export function poolOptionsFromUrl(
  url: string,
  rest: Omit<SmtpPoolOptions, 'host' | 'port' | 'secure' | 'auth'>,
): SmtpPoolOptions {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  if (!secure && u.protocol !== 'smtp:') throw new Error(`SMTP_URL must start with smtp:// or smtps://`);
  return {
    ...rest,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
  };
}
