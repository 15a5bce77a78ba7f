// What the translators' digest needs from storage: who gets it, and the one write that records a digest
// with its mail in the outbox (decision 0037).
import type { DigestTranslator } from './translation-digest.js';

export interface TranslationDigestStore {
  /** Active translator accounts with languages who have not turned the digest off. */
  translators(): Promise<DigestTranslator[]>;
  /**
   * Records the digest (time and items) and puts its mail in the outbox in one transaction, only while
   * the translator's last digest is still `previousSentAt` (two workers never send it twice).
   */
  recordSent(
    userId: number,
    previousSentAt: number | null,
    items: string[],
    mail: { kind: string; payload: unknown },
    now: number,
  ): Promise<boolean>;
  /** Whether the account gets the digest (true until turned off). */
  wanted(userId: number): Promise<boolean>;
  setWanted(userId: number, wanted: boolean, now: number): Promise<void>;
}
