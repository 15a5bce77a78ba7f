// Asking for a login link or a password reset link by email. The answer is the same whether or not the
// address has an account (nobody learns who works here), and so is the work: the request only counts
// itself against the throttle and puts one `issue-account-link` job in the outbox, for any address. The
// worker then looks the address up (issueLink) and mails a link only to an active account, at most a few
// per account and network in the throttle window so the form cannot be used to flood a mailbox.

import { tokenLifetimeMs } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { accountMail } from './account-mail.js';
import { accountEmail, isOver, throttleKeys, throttleLimits } from './throttle.js';

export type RequestLinkResult = { status: 'sent' } | { status: 'throttled' };

export type LinkPurpose = 'login' | 'reset';

/** The outbox job that turns a request into a link, in the worker. */
export const issueAccountLinkJob = 'issue-account-link';

export interface IssueLinkPayload {
  purpose: LinkPurpose;
  /** As the account key: trimmed, NFC, lower case. */
  email: string;
}

export async function requestLink(
  deps: Pick<AccountDeps, 'store' | 'throttle' | 'clock'>,
  input: { purpose: LinkPurpose; email: string; ipKey: string },
): Promise<RequestLinkResult> {
  const now = deps.clock.now();
  const email = accountEmail(input.email);
  const ipKey = throttleKeys.mailIp(input.ipKey);
  if (await isOver(deps.throttle, ipKey, throttleLimits.mailPerIp, now)) return { status: 'throttled' };
  await deps.throttle.record(ipKey, now);
  const accountKey = throttleKeys.mailAccount(email);
  if (email === '' || (await isOver(deps.throttle, accountKey, throttleLimits.mailPerAccount, now))) {
    return { status: 'sent' };
  }
  await deps.throttle.record(accountKey, now);
  const payload: IssueLinkPayload = { purpose: input.purpose, email };
  await deps.store.outbox.enqueue([{ kind: issueAccountLinkJob, payload }], now);
  return { status: 'sent' };
}

/** In the worker: a fresh link for an active account (its older unused ones stop working); else nothing. */
export async function issueLink(
  deps: Pick<AccountDeps, 'store' | 'clock'> & { tokens: Pick<AccountDeps['tokens'], 'create'> },
  input: IssueLinkPayload,
): Promise<void> {
  const user = await deps.store.users.findByEmail(input.email);
  if (user?.status !== 'active') return;
  const now = deps.clock.now();
  const { token, hash } = deps.tokens.create();
  await deps.store.transaction(async (unit) => {
    await unit.tokens.invalidate(user.id, input.purpose, now);
    await unit.tokens.create(
      {
        userId: user.id,
        purpose: input.purpose,
        hash,
        expiresAt: now + tokenLifetimeMs[input.purpose],
        createdBy: null,
      },
      now,
    );
    await unit.outbox.enqueue(
      [
        accountMail({
          kind: input.purpose,
          to: { name: user.name, address: user.email },
          locale: user.locale,
          token,
        }),
      ],
      now,
    );
  });
}
