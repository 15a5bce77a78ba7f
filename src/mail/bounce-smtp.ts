// The optional SMTP door for bounces (BOUNCE_SMTP_PORT, in the worker role): a small smtp-server that
// takes mail only for our own addresses (VERP, mailto unsubscribe, the feedback-loop address; 550 5.1.1 for
// any other recipient, so it is never a relay and never a mailbox), size-limited, and hands each message
// to receiveBounce. A storage failure answers 451 so the sending server tries again later; nothing a
// stranger sends can crash it.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { bounceMaxBytes } from './bounce-parse.js';
import { describeResult, ourAddresses, type ReceiveBounceDeps, receiveBounce } from './bounce-receive.js';

export interface BounceListenerLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BounceListener {
  readonly port: number;
  /** Stops taking connections, lets messages being recorded finish, then closes. */
  close(): Promise<void>;
}

/** Recipients in one transaction: a bounce names one message; a relay may batch a few. */
const maxRecipients = 50;

function reply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

const silent: BounceListenerLogger = { info: () => {}, error: () => {} };

export async function startBounceListener(
  deps: ReceiveBounceDeps & { logger?: BounceListenerLogger },
  opts: { port: number; host: string; maxBytes?: number },
): Promise<BounceListener> {
  const logger = deps.logger ?? silent;
  const maxBytes = opts.maxBytes ?? bounceMaxBytes;
  const inFlight = new Set<Promise<void>>();

  function handle(stream: SMTPServerDataStream, recipients: string[], done: (err?: Error | null) => void) {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped (smtp-server marks the stream), never kept.
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', () => done(reply(451, '4.3.0 Error reading the message, try again later')));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > maxBytes) {
        done(reply(552, '5.3.4 Message too big for a bounce'));
        return;
      }
      const work = receiveBounce(deps, { raw: Buffer.concat(chunks), recipients })
        .then((outcome) => {
          // Ids and outcomes only: a recipient here can be an unsubscribe address, whose token is a secret.
          logger.info(
            outcome.status === 'done'
              ? { status: outcome.status, results: outcome.results.map(describeResult) }
              : { status: outcome.status },
            'bounce received by SMTP',
          );
          done(null);
        })
        .catch((error: unknown) => {
          logger.error({ err: error, recipients: recipients.length }, 'recording a bounce failed');
          done(reply(451, '4.3.0 Temporary failure, try again later'));
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
    });
  }

  const server = new SMTPServer({
    logger: false,
    banner: 'bounces only',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    maxClients: 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onRcptTo(address, session, callback) {
      if (ourAddresses([address.address], deps.secret).length === 0) {
        callback(reply(550, '5.1.1 No such mailbox here'));
        return;
      }
      if (session.envelope.rcptTo.length >= maxRecipients) {
        callback(reply(452, '4.5.3 Too many recipients'));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      handle(
        stream,
        session.envelope.rcptTo.map((r) => r.address),
        callback,
      );
    },
  });
  // Connection-level failures (a peer resetting mid-transaction) are the peer's story: log, go on.
  server.on('error', (error: Error) => logger.error({ err: error }, 'bounce listener connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.allSettled([...inFlight]);
      })();
      return closing;
    },
  };
}
