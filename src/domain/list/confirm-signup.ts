// The button behind a sign-up's confirmation link. Only its POST lands here: a link scanner fetching the
// URL subscribes nobody. A link is good for as long as a signature's (CONFIRM_EXPIRY_DAYS) from the
// moment the box was ticked.
import type { Clock } from '../shared/clock.js';
import type { ConfirmSignupOutcome, ListStore } from './list.ports.js';

export const confirmTokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

export async function confirmSignup(
  deps: { lists: Pick<ListStore, 'confirmSignup'>; tokens: { hash(token: string): string }; clock: Clock },
  input: { token: string; expiresAfterMs: number },
): Promise<ConfirmSignupOutcome> {
  if (!confirmTokenPattern.test(input.token)) return { status: 'unknown' };
  return deps.lists.confirmSignup(deps.tokens.hash(input.token), deps.clock.now(), input.expiresAfterMs);
}
