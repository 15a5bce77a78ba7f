// Which language version of a mailing a recipient gets: their list's language when a translation of it is
// published, else the source with a note saying their language is missing (issue 18). The note is written
// in the recipient's language when the interface catalogs have it, else in the language of the text they
// are about to read. Pure: the sender passes the versions (MailingVersionReader) and the catalogs.
import type { MailingTexts } from './mailing-translation.js';

export const missingNoteKey = 'translations.mailing.missingNote';

/** What the note needs from the interface catalogs; i18n/translator.ts's `translatorFor` gives it. */
export interface NoteTranslator {
  readonly locale: string;
  t(key: typeof missingNoteKey, values: { language: string; source: string }): string;
  /** Whether the catalog has its own text for the key (an editor-area key may fall back to English). */
  has(key: typeof missingNoteKey): boolean;
  languageName(tag: string): string;
}

export interface PickedVersion {
  /** The locale of the texts sent. */
  locale: string;
  texts: MailingTexts;
  /** Null when the recipient gets their own language. */
  note: string | null;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

export function pickVersion(
  versions: ReadonlyMap<string, MailingTexts>,
  sourceLocale: string,
  recipientLocale: string,
  translatorFor: (locale: string) => NoteTranslator,
): PickedVersion {
  const own =
    versions.get(recipientLocale) === undefined
      ? [...versions.keys()].sort().find((l) => primary(l) === primary(recipientLocale))
      : recipientLocale;
  if (own !== undefined) return { locale: own, texts: versions.get(own)!, note: null };
  const source = versions.get(sourceLocale);
  if (!source) throw new Error(`mailing versions lack their source locale ${sourceLocale}`);
  const theirs = translatorFor(recipientLocale);
  // The whole note in one language: a catalog without its own text for the note (it is an editor-area key)
  // would give an English sentence with the language names in the recipient's language.
  const tr =
    primary(theirs.locale) === primary(recipientLocale) && theirs.has(missingNoteKey)
      ? theirs
      : translatorFor(sourceLocale);
  const note = tr.t(missingNoteKey, {
    language: tr.languageName(recipientLocale),
    source: tr.languageName(sourceLocale),
  });
  return { locale: sourceLocale, texts: source, note };
}
