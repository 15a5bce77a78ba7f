// Turns a login-link or reset-link request into a link, here in the worker: the request itself did the same
// work for every address, and only now is the address looked up (domain/account/request-link.ts).
import type { AccountDeps } from '../../domain/account/account.ports.js';
import { issueLink } from '../../domain/account/request-link.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';

export type IssueLinkDeps = Pick<AccountDeps, 'store' | 'clock' | 'tokens'>;

export function issueAccountLinkTask(deps: { accounts: IssueLinkDeps }) {
  return async (input: unknown): Promise<void> => {
    await issueLink(deps.accounts, payloadOf(jobKinds.issueAccountLink, input));
  };
}
