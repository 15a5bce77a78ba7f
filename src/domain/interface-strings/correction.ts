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

export type CorrectionError = { code: 'Required' } | { code: 'TooLong'; max: number } | MessageProblem;

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
