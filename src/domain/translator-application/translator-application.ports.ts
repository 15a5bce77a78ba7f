// Volunteers' applications to translate (the public "Help translate" form) and the editors' answer. db/
// implements the store; accepting runs the account invitation in the store's transaction, so the
// invitation, the translator's languages, the audit entry and the deletion of the application commit together.
import type { AccountStore, AuditRecorder } from '../account/account.ports.js';
import type { Clock } from '../shared/clock.js';
import type { RateLimiter } from '../signature/signature.ports.js';

export interface TranslatorApplication {
  id: number;
  name: string;
  email: string;
  /** Language tags, sorted. */
  languages: string[];
  note: string;
  /** The form's interface language: the invitation is written in it. */
  locale: string;
  createdAt: number;
}

export type NewTranslatorApplication = Omit<TranslatorApplication, 'id' | 'createdAt'> & {
  formNonce: string;
};

export interface TranslatorApplicationUnit {
  /** The application, locked against a colleague answering it at the same moment (PostgreSQL). */
  find(id: number): Promise<TranslatorApplication | undefined>;
  /** True when this call deleted it. */
  remove(id: number): Promise<boolean>;
  setTranslatorLanguages(userId: number, locales: readonly string[], by: number, now: number): Promise<void>;
  audit: AuditRecorder;
  /** The account stores in this same transaction (its `transaction` runs the work in it, not a new one). */
  accounts: AccountStore;
}

export interface TranslatorApplicationStore {
  /** Stores the application and its audit entry (which names no person); 'duplicate' for a form sent twice. */
  create(application: NewTranslatorApplication, now: number): Promise<'created' | 'duplicate'>;
  hasNonce(nonce: string): Promise<boolean>;
  list(): Promise<TranslatorApplication[]>;
  countWaiting(): Promise<number>;
  transaction<T>(work: (unit: TranslatorApplicationUnit) => Promise<T>): Promise<T>;
}

export interface ApplyDeps {
  clock: Clock;
  applications: TranslatorApplicationStore;
  rateLimiter: RateLimiter;
}
