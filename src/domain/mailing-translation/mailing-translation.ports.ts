// What the mailing translation use cases and the sender need from storage: the board's mailings with their
// language versions, one mailing in one language, the checked and audited write, and the versions to send.
import type { BoardTranslation } from '../translation/translation.ports.js';
import type { StepWrite } from '../translation/translation-steps.js';
import type {
  MailingField,
  MailingStatus,
  MailingTexts,
  MailingTranslationWork,
} from './mailing-translation.js';

export interface BoardMailing {
  id: number;
  subject: string;
  status: MailingStatus;
  sourceLocale: string;
  sourceRevision: number;
  translations: BoardTranslation[];
}

export interface MailingTranslationStore {
  /** Mailings not cancelled, and not sent before `sentSince`, newest first. */
  board(sentSince: number): Promise<BoardMailing[]>;
  /** The languages of the lists (locales in list_members) and every language some translator has. */
  listLanguages(): Promise<string[]>;
  /** Undefined when there is no such mailing. */
  work(mailingId: number, locale: string): Promise<MailingTranslationWork | undefined>;
  /** Writes the version and its audit entry in one transaction, only while `expectedToken` still holds. */
  write(
    at: { mailingId: number; locale: string },
    change: StepWrite<MailingField>,
  ): Promise<'saved' | 'stale'>;
}

/** The texts a sender may use: published translations, and the source under its own locale. */
export interface MailingVersionReader {
  mailingVersions(mailingId: number): Promise<Map<string, MailingTexts>>;
}
