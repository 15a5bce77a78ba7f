// Accounts (the people who log in): their states, the lifetimes of sessions and one-time tokens, and the rules for what
// they type (names, passwords, languages).
//
//   (admin invites) ──► invited ──(accepts: sets name + password)──► active ◄──(admin enables)──┐
//                                                                      │                      │
//                                                                      └──(admin disables)──► disabled
//
// Invited people have no password yet; disabled people keep their row (the audit log names them) but
// cannot log in and lose their sessions at once.
import { normaliseLine } from '../signature/text.js';
import type { Role } from './permissions.js';

export type UserStatus = 'invited' | 'active' | 'disabled';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Interface language of the editor area and of the mail they receive. */
  locale: string;
  status: UserStatus;
  createdAt: number;
  lastLoginAt: number | null;
}

/** The signed-in account doing something: who it is and what its role lets it do. */
export interface Actor {
  id: number;
  email: string;
  role: Role;
}

/** Who did a change, as the audit log records it. */
export type ActorRef = Pick<Actor, 'id' | 'email'>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A session ends after this long without a request… */
export const sessionIdleMs = 8 * hour;
/** …and at the latest this long after login, however busy. */
export const sessionMaxAgeMs = 14 * day;
/** last_seen_at is written at most this often, not on every request. */
export const sessionTouchIntervalMs = minute;

export const tokenPurposes = ['login', 'invite', 'reset'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  login: 15 * minute,
  invite: 7 * day,
  reset: hour,
};

export const passwordLimits = { min: 12, max: 200 } as const;
export const nameMax = 100;

export type PasswordError = 'PasswordRequired' | 'PasswordTooShort' | 'PasswordTooLong' | 'PasswordIsEmail';

export function checkPassword(password: string, email: string): PasswordError | undefined {
  if (password === '') return 'PasswordRequired';
  const length = [...password].length;
  if (length < passwordLimits.min) return 'PasswordTooShort';
  if (length > passwordLimits.max) return 'PasswordTooLong';
  if (password.trim().toLowerCase() === email.toLowerCase()) return 'PasswordIsEmail';
  return undefined;
}

export type NameError = 'NameRequired' | 'NameTooLong' | 'NameInvalid';

export function checkName(input: string): { ok: true; name: string } | { ok: false; error: NameError } {
  const result = normaliseLine(input, { max: nameMax, required: true });
  if (result.ok) return { ok: true, name: result.value };
  return {
    ok: false,
    error:
      result.error === 'Required'
        ? 'NameRequired'
        : result.error === 'TooLong'
          ? 'NameTooLong'
          : 'NameInvalid',
  };
}

/** Only what the audit log should keep of a person: never a password hash. */
export function auditView(user: Pick<User, 'email' | 'name' | 'role' | 'locale' | 'status'>) {
  return { email: user.email, name: user.name, role: user.role, locale: user.locale, status: user.status };
}

/** The person without anything secret their stored row may carry (a password hash). */
export function publicUser(user: User): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    status: user.status,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}
