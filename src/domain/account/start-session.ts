// Opens a session for someone who just proved who they are (password, emailed link, accepted invitation,
// reset password). Runs inside the caller's transaction: the session, the login time and the audit entry
// commit together with whatever the caller used up (a one-time token).
import { sessionIdleMs, sessionMaxAgeMs, type User } from './account.js';
import type { AccountUnit, SecretTokens } from './account.ports.js';

export type LoginMethod = 'password' | 'link' | 'invitation' | 'reset';

export interface NewSession {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  expiresAt: number;
  user: User;
}

export async function startSession(
  unit: AccountUnit,
  tokens: SecretTokens,
  user: User,
  method: LoginMethod,
  now: number,
): Promise<NewSession> {
  const { token, hash } = tokens.create();
  const expiresAt = now + sessionMaxAgeMs;
  await unit.sessions.purgeExpired(now, sessionIdleMs);
  await unit.sessions.create({
    id: hash,
    userId: user.id,
    csrfSecret: tokens.secret(),
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
  });
  await unit.users.update(user.id, { lastLoginAt: now });
  await unit.audit.record({
    actor: { id: user.id, email: user.email },
    action: 'session.started',
    entityType: 'user',
    entityId: user.id,
    after: { method },
    now,
  });
  return { token, expiresAt, user: { ...user, lastLoginAt: now } };
}
