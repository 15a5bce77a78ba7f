// A language's interface strings for the review board and the exports: the shipped catalog with the stored
// corrections laid over it, for translators of the language and for editors and admins (every language).
import type { TranslationViewer } from '../translation/translation-steps.js';
import { mayTranslate } from '../translation/translation-steps.js';
import { type InterfaceString, layStrings } from './interface-string-state.js';
import type { InterfaceCatalogs, InterfaceOverrideStore } from './interface-strings.ports.js';

export type InterfaceStringsView =
  | { status: 'ok'; strings: InterfaceString[] }
  | { status: 'not_found' }
  | { status: 'forbidden' };

export async function viewInterfaceStrings(
  deps: { catalogs: InterfaceCatalogs; overrides: Pick<InterfaceOverrideStore, 'list'> },
  viewer: TranslationViewer,
  locale: string,
): Promise<InterfaceStringsView> {
  const strings = deps.catalogs.strings(locale);
  if (!strings) return { status: 'not_found' };
  if (!mayTranslate(viewer, locale)) return { status: 'forbidden' };
  const overrides = await deps.overrides.list(locale);
  return { status: 'ok', strings: layStrings(strings, overrides, deps.catalogs.hash) };
}
