// Turns a login-link or reset-link request into a link, here in the worker: the request itself did the same
// work for every address, and only now is the address looked up (domain/account/request-link.ts).
import { z } from 'zod';
import type { AccountDeps } from '../../domain/account/account.ports.js';
import { issueLink } from '../../domain/account/request-link.js';
import { confirmationTokens } from '../../security/confirmation-token.js';
import { PermanentJobError } from '../worker.js';

const payloadSchema = z.object({ purpose: z.enum(['login', 'reset']), email: z.string().max(400) });

export type IssueLinkDeps = Pick<AccountDeps, 'store' | 'clock'>;

export function issueAccountLinkTask(deps: { accounts: IssueLinkDeps }) {
  const tokens = { create: () => confirmationTokens.confirmationToken() };
  return async (payload: unknown): Promise<void> => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('invalid issue-account-link payload');
    await issueLink({ ...deps.accounts, tokens }, parsed.data);
  };
}
