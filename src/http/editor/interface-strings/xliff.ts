// A language's interface strings as XLIFF 2.0 for translators' own tools, and back (decision 0036). One
// <file> per namespace (supporter, editor), one <unit> per key with the English source, the text the site
// shows now as the target and the note for translators; the `xliff` package writes and reads the XML.

import js2xliff from 'xliff/js2xliff';
import xliff2js, { type XliffDocument } from 'xliff/xliff2js';
import type { InterfaceString } from '../../../domain/interface-strings/interface-string-state.js';
import { sourceLocale } from '../../../i18n/locales.js';
import { isXliff2 } from '../xliff-version.js';

export async function toXliff(locale: string, strings: readonly InterfaceString[]): Promise<string> {
  const resources: XliffDocument['resources'] = {};
  for (const s of strings) {
    resources[s.namespace] ??= {};
    resources[s.namespace]![s.key] = {
      source: s.english,
      target: s.current,
      ...(s.description ? { note: s.description } : {}),
    };
  }
  const xml = await js2xliff({ sourceLanguage: sourceLocale, targetLanguage: locale, resources });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

export type ReadXliff = { status: 'ok'; units: { key: string; target: string }[] } | { status: 'unreadable' };

/**
 * The units of an XLIFF 2.0 document whose target language is `locale`; anything else (XLIFF 1.2, another
 * language, not XML) is unreadable. A target holding inline markup rather than text is read as empty,
 * i.e. left unchanged: our strings carry none.
 */
export async function fromXliff(locale: string, xml: string): Promise<ReadXliff> {
  const text = xml.replace(/^\uFEFF/, '');
  // The version sits on the root element, near the start; only the start is searched.
  if (!isXliff2(text)) return { status: 'unreadable' };
  let doc: XliffDocument;
  try {
    doc = await xliff2js(text);
  } catch {
    return { status: 'unreadable' };
  }
  if (doc.targetLanguage !== locale || typeof doc.resources !== 'object' || doc.resources === null)
    return { status: 'unreadable' };
  const units: { key: string; target: string }[] = [];
  for (const file of Object.values(doc.resources)) {
    for (const [key, unit] of Object.entries(file ?? {})) {
      units.push({ key, target: typeof unit?.target === 'string' ? unit.target : '' });
    }
  }
  return { status: 'ok', units };
}
