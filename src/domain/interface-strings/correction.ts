// The one check every correction of an interface string passes, typed on the board or uploaded in an XLIFF
// file: present, bounded, and what `i18n:check` accepts (valid ICU, the English placeholders and tags, every
// plural form the language needs). Decides what is stored: a text equal to the shipped one is no correction.
import type { InterfaceString } from './interface-string-state.js';
import type {
  InterfaceCatalogs,
  InterfaceOverrideChange,
  MessageProblem,
} from './interface-strings.ports.js';

export const correctionMax = 4_000;

export type CorrectionError =
  | { code: 'Required' }
  | { code: 'TooLong'; max: number }
  | { code: 'InvalidCharacters' }
  | MessageProblem;

/**
 * Control characters, line and paragraph separators and bidi embeddings, overrides and isolates: none is
 * typed by accident, and in a mail subject or a name a line break or an override is an attack.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const refused = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export type Correction =
  | { status: 'invalid'; errors: CorrectionError[] }
  | { status: 'unchanged' }
  | { status: 'change'; change: InterfaceOverrideChange };

export function prepareCorrection(
  catalogs: Pick<InterfaceCatalogs, 'check' | 'hash'>,
  locale: string,
  row: InterfaceString,
  typed: string,
  reviewed: boolean,
): Correction {
  // Browsers send line breaks as CRLF; the catalogs keep LF.
  const text = typed.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { status: 'invalid', errors: [{ code: 'Required' }] };
  if (text.length > correctionMax)
    return { status: 'invalid', errors: [{ code: 'TooLong', max: correctionMax }] };
  // A one-line English text (a button, a mail subject) stays one line.
  if (refused.test(text) || (text.includes('\n') && !row.english.includes('\n')))
    return { status: 'invalid', errors: [{ code: 'InvalidCharacters' }] };
  const problems = catalogs.check(locale, row.english, text);
  if (problems.length > 0) return { status: 'invalid', errors: problems };
  const message = text === row.shipped ? null : text;
  if (text === row.current && reviewed === row.reviewed) return { status: 'unchanged' };
  return {
    status: 'change',
    change: {
      locale,
      key: row.key,
      message,
      previousMessage: row.current,
      sourceHash: catalogs.hash(row.english),
      reviewed,
    },
  };
}
