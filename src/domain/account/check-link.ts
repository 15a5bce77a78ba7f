// Looks at an emailed link without using it up: the GET of a login, invitation or reset link only shows a
// page with a button or a form (mail scanners fetch links; they must not log anyone in). `useLink` is the
// POST's side: the token is used up, in the caller's transaction, by the same rule of whose link it is.
import { publicUser, type TokenPurpose, type User } from './account.js';
import type { AccountDeps, AccountUnit, UserRecord } from './account.ports.js';
import type { NewSession } from './start-session.js';

/** A form posted from an emailed link: logged in, refused with the form's errors, or the link is spent. */
export type LinkFormResult<Invalid> =
  | { status: 'ok'; session: NewSession }
  | ({ status: 'invalid' } & Invalid)
  | { status: 'expired' };

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

export function isTokenShaped(token: string): boolean {
  return tokenPattern.test(token);
}

export async function checkLink(
  deps: Pick<AccountDeps, 'store' | 'tokens' | 'clock'>,
  purpose: TokenPurpose,
  token: string,
): Promise<User | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const found = await deps.store.tokens.peek(deps.tokens.hash(token), purpose, deps.clock.now());
  const user = found && (await deps.store.users.findById(found.userId));
  return user && user.status === linkHolderStatus(purpose) ? publicUser(user) : undefined;
}

/** An invitation is for someone still invited; a login or reset link for an active account. */
function linkHolderStatus(purpose: TokenPurpose): User['status'] {
  return purpose === 'invite' ? 'invited' : 'active';
}

/** Uses the link up: its holder, or undefined when it was used, expired, or its account changed since. */
export async function useLink(
  unit: Pick<AccountUnit, 'tokens' | 'users'>,
  tokenHash: string,
  purpose: TokenPurpose,
  now: number,
): Promise<UserRecord | undefined> {
  const used = await unit.tokens.consume(tokenHash, purpose, now);
  const user = used && (await unit.users.findById(used.userId));
  return user && user.status === linkHolderStatus(purpose) ? user : undefined;
}
