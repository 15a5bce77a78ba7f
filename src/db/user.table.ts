// Row types of people who log in (editors, translators, admins, partners), their sessions and the one-time
// tokens of their emailed links.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  /** Null until an invited person chooses a password. */
  password_hash: string | null;
  locale: Generated<string>;
  created_at: number;
  disabled_at: number | null;
  last_login_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  user_id: number;
  /** Per-session secret the CSRF tokens of its forms are derived from. */
  csrf_secret: Generated<string>;
  created_at: number;
  /** Absolute end, however active the session is. */
  expires_at: number;
  last_seen_at: number;
}

export interface AccountTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: string;
  /** SHA-256 of the token in the link. */
  token_hash: string;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  /** HMAC of the throttle key (network or account), never the raw address. */
  key_hash: string;
  created_at: number;
}
