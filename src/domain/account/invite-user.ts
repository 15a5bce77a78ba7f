// An admin invites someone by email with a role. The person gets a link (valid a week) to choose their
// name and password. Inviting an address again while the invitation is open sends a fresh link and
// replaces the old one; an address that already has an account is refused.
import { parseEmail } from '../signature/email-address.js';
import { type Actor, tokenLifetimeMs } from './account.js';
import type { AccountDeps } from './account.ports.js';
import { accountMail } from './account-mail.js';
import type { Role } from './permissions.js';
import { accountEmail } from './throttle.js';

export type InviteError = 'EmailRequired' | 'EmailInvalid' | 'EmailTooLong';

export type InviteResult =
  | { status: 'invited'; userId: number; again: boolean }
  | { status: 'invalid'; error: InviteError }
  | { status: 'exists' };

export async function inviteUser(
  deps: Pick<AccountDeps, 'store' | 'tokens' | 'clock'>,
  actor: Actor & { name: string },
  input: { email: string; role: Role; locale: string },
): Promise<InviteResult> {
  const parsed = parseEmail(input.email);
  if (!parsed.ok) return { status: 'invalid', error: parsed.error };
  const email = accountEmail(parsed.email.address);
  const now = deps.clock.now();
  const { token, hash } = deps.tokens.create();
  return deps.store.transaction(async (unit) => {
    const existing = await unit.users.findByEmail(email);
    if (existing && existing.status !== 'invited') return { status: 'exists' } as const;
    let userId: number;
    if (existing) {
      userId = existing.id;
      await unit.users.update(userId, { role: input.role, locale: input.locale });
      await unit.tokens.invalidate(userId, 'invite', now);
    } else {
      userId = await unit.users.createInvited({ email, role: input.role, locale: input.locale }, now);
    }
    await unit.tokens.create(
      { userId, purpose: 'invite', hash, expiresAt: now + tokenLifetimeMs.invite, createdBy: actor.id },
      now,
    );
    await unit.outbox.enqueue(
      [
        accountMail({
          kind: 'invite',
          to: { name: '', address: email },
          locale: input.locale,
          token,
          invitedBy: actor.name,
          role: input.role,
        }),
      ],
      now,
    );
    await unit.audit.record({
      actor,
      action: 'user.invited',
      entityType: 'user',
      entityId: userId,
      ...(existing ? { before: { role: existing.role, locale: existing.locale } } : {}),
      after: { email, role: input.role, locale: input.locale },
      now,
    });
    return { status: 'invited', userId, again: existing !== undefined } as const;
  });
}
