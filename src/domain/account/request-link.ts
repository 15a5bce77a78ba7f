// Asking for a login link or a password reset link by email. The answer is the same whether or not the
// address has an account (nobody learns who works here); the mail goes out only for active accounts, and
// at most a few per account and network in the throttle window so the form cannot be used to flood a
// mailbox.

import { tokenLifetimeMs } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { accountMail } from './account-mail.js';
import { accountEmail, isOver, throttleKeys, throttleLimits } from './throttle.js';

export type RequestLinkResult = { status: 'sent' } | { status: 'throttled' };

export async function requestLink(
  deps: AccountDeps,
  input: { purpose: 'login' | 'reset'; email: string; ipKey: string },
): Promise<RequestLinkResult> {
  const now = deps.clock.now();
  const email = accountEmail(input.email);
  const ipKey = throttleKeys.mailIp(input.ipKey);
  if (await isOver(deps.throttle, ipKey, throttleLimits.mailPerIp, now)) return { status: 'throttled' };
  await deps.throttle.record(ipKey, now);
  const accountKey = throttleKeys.mailAccount(email);
  if (await isOver(deps.throttle, accountKey, throttleLimits.mailPerAccount, now)) return { status: 'sent' };
  await deps.throttle.record(accountKey, now);

  const user = email === '' ? undefined : await deps.store.users.findByEmail(email);
  if (user?.status !== 'active') return { status: 'sent' };
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
  return { status: 'sent' };
}
