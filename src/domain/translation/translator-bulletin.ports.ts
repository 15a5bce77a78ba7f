// What the translators' bulletin needs from storage: who gets it, and the one write that records a bulletin
// with its mail in the outbox (decision 0037).
import type { BulletinTranslator } from './translator-bulletin.js';

/** One bulletin as the job sends it: to whom, what it listed, its mail, and the last one it follows. */
export interface BulletinSent {
  userId: number;
  previousSentAt: number | null;
  items: string[];
  mail: { kind: string; payload: unknown };
  now: number;
}

export interface TranslatorBulletinStore {
  /**
   * Active translator accounts with languages, and active editors and admins (who review every language),
   * who have not turned the bulletin off.
   */
  translators(): Promise<BulletinTranslator[]>;
  /**
   * Records the bulletin (time and items) and puts its mail in the outbox in one transaction, only while
   * the translator's last bulletin is still `previousSentAt` (two workers never send it twice).
   */
  recordSent(sent: BulletinSent): Promise<boolean>;
  /** Whether the account gets the bulletin (true until turned off). */
  wanted(userId: number): Promise<boolean>;
  setWanted(userId: number, wanted: boolean, now: number): Promise<void>;
}
