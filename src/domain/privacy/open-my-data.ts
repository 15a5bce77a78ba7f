// The my-data link's button: uses the link once and opens a short session in its place, so the pages that
// follow (downloads, withdrawals, erasure) need no token in their URLs and the mailed link is spent.
import type { Clock } from '../shared/clock.js';
import { myDataSessionMs } from './my-data-mail.js';
import type { PrivacyStore } from './privacy.ports.js';

export interface OpenMyDataDeps {
  privacy: Pick<PrivacyStore, 'openLink'>;
  tokens: { confirmationToken(): { token: string; hash: string }; hash(token: string): string };
  clock: Clock;
}

export async function openMyData(
  deps: OpenMyDataDeps,
  linkToken: string,
): Promise<{ status: 'opened'; sessionToken: string } | { status: 'invalid' }> {
  const now = deps.clock.now();
  const session = deps.tokens.confirmationToken();
  const outcome = await deps.privacy.openLink(
    deps.tokens.hash(linkToken),
    { tokenHash: session.hash, expiresAt: now + myDataSessionMs },
    now,
  );
  return outcome === 'opened' ? { status: 'opened', sessionToken: session.token } : { status: 'invalid' };
}
