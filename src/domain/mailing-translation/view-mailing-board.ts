// The Mailings section of the translators' board: every mailing still being prepared, sending, or sent in
// the last 30 days, by language, with the same cells as campaigns. The columns are the languages of the
// lists and of the translators (a translator sees their own languages only).
import type { TranslationViewer } from '../translation/translation.js';
import { type BoardCell, boardCells, boardLanguages } from '../translation/view-translation-board.js';
import type { MailingTranslationDeps } from './change-mailing-translation.js';
import { type MailingStatus, sentShownFor } from './mailing-translation.js';

export interface MailingBoardRow {
  id: number;
  subject: string;
  status: MailingStatus;
  sourceLocale: string;
  cells: BoardCell[];
}

export interface MailingBoard {
  languages: string[];
  rows: MailingBoardRow[];
}

export async function viewMailingBoard(
  deps: MailingTranslationDeps,
  viewer: TranslationViewer,
): Promise<MailingBoard> {
  const store = deps.mailingTranslations;
  const mailings = await store.board(deps.clock.now() - sentShownFor);
  const languages = boardLanguages(
    viewer,
    viewer.languages !== null
      ? []
      : [
          ...(await store.listLanguages()),
          ...mailings.flatMap((m) => [m.sourceLocale, ...m.translations.map((t) => t.locale)]),
        ],
  );
  const rows = mailings.map((m) => ({
    id: m.id,
    subject: m.subject,
    status: m.status,
    sourceLocale: m.sourceLocale,
    cells: boardCells(languages, m.sourceLocale, m.sourceRevision, m.translations),
  }));
  return { languages, rows };
}
