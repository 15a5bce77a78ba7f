// Looks at an emailed link without using it up: the GET of a login, invitation or reset link only shows a
// page with a button or a form (mail scanners fetch links; they must not log anyone in).
import { publicUser, type TokenPurpose, type User } from './account.js';
import type { AccountDeps } from './account.ports.js';

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
  if (!user) return undefined;
  const expected = purpose === 'invite' ? 'invited' : 'active';
  return user.status === expected ? publicUser(user) : undefined;
}
