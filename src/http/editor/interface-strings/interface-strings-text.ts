// What the interface strings' pages say about a refused correction, in the reader's language, and where
// a language's board lives.
import type { CorrectionError } from '../../../domain/interface-strings/correction.js';
import type { Translator } from '../../../i18n/translator.js';

export type CorrectionErrorText = CorrectionError;

export const stringsPath = (locale: string) => `/editor/interface-strings/${encodeURIComponent(locale)}`;

export function errorText(tr: Translator, e: CorrectionError): string {
  switch (e.code) {
    case 'Required':
      return tr.t('interfaceStrings.error.required');
    case 'TooLong':
      return tr.t('interfaceStrings.error.tooLong', { max: e.max });
    case 'InvalidCharacters':
      return tr.t('translations.error.invalidCharacters');
    case 'InvalidIcu':
      return tr.t('interfaceStrings.error.invalidIcu');
    case 'Placeholders':
      return tr.t('interfaceStrings.error.placeholders', { expected: e.expected || '—' });
    case 'Tags':
      return tr.t('interfaceStrings.error.tags', { expected: e.expected || '—' });
    case 'PluralCategories':
      return tr.t('interfaceStrings.error.plural', { categories: e.categories });
  }
}
