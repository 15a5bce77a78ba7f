// `outcry bounce [recipient]`: one received message on standard input, as a mail server's pipe transport or
// a .forward hands it over. The recipient argument (the envelope recipient, e.g. Postfix's ${recipient})
// names the message (a target letter's or a mailing recipient's bounce address, a mailing's mailto
// unsubscribe address, or the feedback-loop address `bounces@…` for complaints); without it the message's
// Delivered-To, X-Original-To or To do, and a complaint names its recipient itself. Exit codes are the
// ones mail servers understand (sysexits.h): 0 processed or ignored, 67 (EX_NOUSER) not one of our bounce
// addresses, 75 (EX_TEMPFAIL) the database or the configuration is not usable now: the server keeps the
// message and tries again. main.ts gives it the services over the configured database.
import type { Readable } from 'node:stream';
import { type Config, serverConfig } from '../config/config.js';
import type { Clock } from '../domain/shared/clock.js';
import { bounceMaxBytes } from '../mail/bounce-parse.js';
import {
  describeResult,
  ourAddresses,
  type ReceiveBounceDeps,
  receiveBounce,
} from '../mail/bounce-receive.js';
import type { WithServices } from './services.js';

export const exitOk = 0;
export const exitNoUser = 67;
export const exitTempFail = 75;

/** A bounce that takes longer than this is given back to the mail server to retry. */
const timeoutMs = 60_000;

export interface BounceIo {
  stdin: Readable;
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export interface BounceServices {
  bounces: ReceiveBounceDeps['bounces'];
  supporterMail: ReceiveBounceDeps['supporterMail'];
  clock: Clock;
}

/** The services over the configured database; opening it throws when it cannot be reached. */
export type BounceServicesFor = (config: Config) => WithServices<BounceServices>;

const usage = 'Usage: outcry bounce [envelope-recipient] < message.eml';

/** Reads at most `limit` + 1 bytes and drains the rest, so the writer never blocks on a full pipe. */
async function readLimited(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (kept > limit) continue;
    chunks.push(buf);
    kept += buf.length;
  }
  return Buffer.concat(chunks);
}

async function run(args: string[], io: BounceIo, servicesFor: BounceServicesFor): Promise<number> {
  const recipients = args.filter((a) => !a.startsWith('-')).slice(0, 1);
  let config: Config;
  try {
    config = serverConfig(io.env);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return exitTempFail;
  }
  // An address that is not ours needs no database, and its message need not be read at all.
  if (recipients.length > 0 && ourAddresses(recipients, config.APP_SECRET).length === 0) {
    io.stdin.resume();
    io.err(`${recipients[0]}: not a bounce address of ours`);
    return exitNoUser;
  }
  const raw = await readLimited(io.stdin, bounceMaxBytes);

  try {
    return await servicesFor(config)(
      async ({ bounces, supporterMail, clock }) => {
        const outcome = await receiveBounce(
          { bounces, supporterMail, clock, secret: config.APP_SECRET },
          { raw, recipients },
        );
        switch (outcome.status) {
          case 'not_ours':
            io.err('no bounce address of ours in the envelope recipient or the headers');
            return exitNoUser;
          case 'too_large':
            io.out(`ignored: larger than ${bounceMaxBytes} bytes`);
            return exitOk;
          default:
            for (const r of outcome.results) io.out(describeResult(r));
            return exitOk;
        }
      },
      (pending) => {
        io.err(`the database has ${pending.length} pending migration(s): run \`outcry migrate\``);
        return exitTempFail;
      },
    );
  } catch (error) {
    io.err(`bounce not recorded, try again later: ${error instanceof Error ? error.message : String(error)}`);
    return exitTempFail;
  }
}

export async function runBounce(
  args: string[],
  io: BounceIo,
  servicesFor: BounceServicesFor,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage);
    return exitOk;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      io.err(`no answer within ${timeoutMs / 1000} s: try again later`);
      resolve(exitTempFail);
      // A connection that never answers would keep the process alive: the mail server must hear 75 now.
      setTimeout(() => process.exit(exitTempFail), 2_000).unref();
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([run(args, io, servicesFor), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The process's own standard streams. */
export function processIo(): BounceIo {
  return {
    stdin: process.stdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
}
