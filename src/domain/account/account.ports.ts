// What the account use cases need from storage, mail and crypto; db/ and security/ implement these.
// Use cases that change several things (a user, a token, an audit entry, a mail in the outbox) run them
// in one transaction through `AccountStore.transaction`, so a rollback leaves no mail and no audit behind.
import type { TokenPurpose, User } from './account.js';
import type { Role } from './permissions.js';

export interface UserRecord extends User {
  passwordHash: string | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  locale?: string;
  passwordHash?: string;
  disabledAt?: number | null;
  lastLoginAt?: number;
}

export interface UserStore {
  findById(id: number): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  /** A person invited by an admin: no name and no password until they accept. */
  createInvited(input: { email: string; role: Role; locale: string }, now: number): Promise<number>;
  update(id: number, changes: UserChanges): Promise<void>;
  list(): Promise<User[]>;
}

export interface SessionRecord {
  /** SHA-256 of the token in the cookie. */
  id: string;
  userId: number;
  csrfSecret: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, now: number): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of a person except `keep` (the one making the request); returns how many. */
  deleteForUser(userId: number, keep?: string): Promise<number>;
  countForUser(userId: number, now: number): Promise<number>;
  purgeExpired(now: number, idleMs: number): Promise<number>;
}

/** A one-time link's token as stored: only its hash, whose it is, what for, until when, and who made it. */
export interface NewAccountToken {
  userId: number;
  purpose: TokenPurpose;
  hash: string;
  expiresAt: number;
  createdBy: number | null;
}

export interface AccountTokenStore {
  create(input: NewAccountToken, now: number): Promise<void>;
  /** Marks every unused token of that purpose as used (a newer link replaces older ones). */
  invalidate(userId: number, purpose: TokenPurpose, now: number): Promise<void>;
  /** Valid, unused and unexpired: its user. Changes nothing (the GET of a link). */
  peek(hash: string, purpose: TokenPurpose, now: number): Promise<{ userId: number } | undefined>;
  /** Uses the token up; at most one caller ever gets the user back. */
  consume(hash: string, purpose: TokenPurpose, now: number): Promise<{ userId: number } | undefined>;
}

export interface AuditEntry {
  /** Null for the system (a scheduled job, the command line). */
  actor: { id: number; email: string } | null;
  /** `entity.verb` in the past tense: `user.invited`, `user.role_changed`, `campaign.launched`. */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  now: number;
}

export interface AuditRecorder {
  record(entry: AuditEntry): Promise<void>;
}

export interface AuditEvent {
  id: number;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: number;
}

export interface AuditFilter {
  actorId?: number;
  entityType?: string;
  entityId?: string;
}

export interface AuditReader {
  list(filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditEvent[]>;
  count(filter: AuditFilter): Promise<number>;
  entityTypes(): Promise<string[]>;
}

export interface Outbox {
  enqueue(jobs: { kind: string; payload: unknown }[], now: number): Promise<void>;
}

/** The stores bound to one transaction. */
export interface AccountUnit {
  users: UserStore;
  sessions: SessionStore;
  tokens: AccountTokenStore;
  audit: AuditRecorder;
  outbox: Outbox;
}

export interface AccountStore extends AccountUnit {
  transaction<T>(work: (unit: AccountUnit) => Promise<T>): Promise<T>;
}

/** Counts failed logins and mail requests per key in a time window (keys are hashed by the adapter). */
export interface LoginThrottle {
  count(key: string, sinceMs: number): Promise<number>;
  record(key: string, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** With no stored hash, spends the same time on a dummy hash and answers false (no timing oracle). */
  verify(stored: string | null, password: string): Promise<boolean>;
}

/** Random tokens for links and sessions; only `hash(token)` is ever stored. */
export interface SecretTokens {
  create(): { token: string; hash: string };
  hash(token: string): string;
  /** A fresh per-session secret for CSRF tokens. */
  secret(): string;
}

/** Everything the account use cases are given. */
export interface AccountDeps {
  store: AccountStore;
  passwords: PasswordHasher;
  tokens: SecretTokens;
  throttle: LoginThrottle;
  clock: { now(): number };
}
