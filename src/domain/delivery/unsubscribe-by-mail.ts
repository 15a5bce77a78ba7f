// The mailto door of List-Unsubscribe (RFC 2369): every mailing names `unsubscribe+<list token>@<our
// domain>`, and any mail that arrives there takes the person the token names off every list (their consent
// withdrawn, via 'mailto'). The token's MAC is the authority, as for the one-click link: subject and body
// are not read, and mailing twice is harmless.
import type { SupporterMailStore } from './supporter-bounce.js';

export type UnsubscribeByMailResult =
  | { status: 'unsubscribed'; supporterId: number; listsLeft: number }
  | { status: 'ignored'; supporterId: number; reason: 'unknown_supporter' };

export async function unsubscribeByMail(
  deps: { supporterMail: SupporterMailStore; clock: { now(): number } },
  input: { supporterId: number },
): Promise<UnsubscribeByMailResult> {
  const done = await deps.supporterMail.unsubscribeByMail({
    supporterId: input.supporterId,
    now: deps.clock.now(),
  });
  return done
    ? { status: 'unsubscribed', supporterId: input.supporterId, listsLeft: done.listsLeft }
    : { status: 'ignored', supporterId: input.supporterId, reason: 'unknown_supporter' };
}
