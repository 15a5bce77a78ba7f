// Splits the interface strings in two: what a supporter sees (public pages, forms, errors, the mails a
// supporter receives, the fixed parts of a letter to a target), which every served language carries, and
// the editor area, which only the editor languages carry (the others show it in English, key by key).
import { editorLocales, sourceLocale } from './locales.js';

export type Namespace = 'supporter' | 'editor';
export const namespaces: readonly Namespace[] = ['supporter', 'editor'];

/**
 * A key belongs to the supporter namespace when its first dotted segment is one of these; every other key
 * is the editor area's. A new public page's keys go under one of these prefixes (or a new prefix added
 * here, which makes every catalog lack its keys until they are drafted: `npm run i18n:todo`).
 */
export const supporterPrefixes: readonly string[] = [
  'site',
  'layout',
  'home',
  'campaign',
  'error',
  'form',
  'thanks',
  'confirm',
  'privacy',
  'counter',
  'archive',
  'letter',
  'status',
  'request',
  'helpTranslate',
  'verification',
  'verify',
  'myData',
  'petition',
  'petitionPrint',
  'list',
  'preferences',
  'unsubscribe',
  'address',
  'mail',
];

const supporter = new Set(supporterPrefixes);

export function namespaceOf(key: string): Namespace {
  const dot = key.indexOf('.');
  return supporter.has(dot < 0 ? key : key.slice(0, dot)) ? 'supporter' : 'editor';
}

/** The namespaces a language's catalog must hold in full. */
export function namespacesFor(locale: string): readonly Namespace[] {
  return locale === sourceLocale || editorLocales.includes(locale) ? namespaces : ['supporter'];
}

/** The keys of the source catalog a language's catalog must hold, in the source's order. */
export function keysFor(locale: string, sourceKeys: Iterable<string>): string[] {
  const wanted = namespacesFor(locale);
  return [...sourceKeys].filter((key) => wanted.includes(namespaceOf(key)));
}
