// Row types of people who log in (editors, translators, admins, partners) and their sessions.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  locale: Generated<string>;
  created_at: number;
  disabled_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  id: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}
