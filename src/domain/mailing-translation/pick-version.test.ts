// The version each recipient gets: their language when it is published (a regional tag takes its
// language's version), else the source with a note written in their language when the interface has it,
// else in the language of the text they read. The catalogs are an edge here: a two-language fake.
import { describe, expect, it } from 'vitest';
import { missingNoteKey, type NoteTranslator, pickVersion } from './pick-version.js';

const names: Record<string, Record<string, string>> = {
  en: { en: 'English', es: 'Spanish', de: 'German', ar: 'Arabic', fr: 'French' },
  ar: { en: 'الإنجليزية', ar: 'العربية' },
  // French has an interface catalog without the note (supporter strings only): the note falls back to English.
  fr: { en: 'anglais', fr: 'français' },
};
const catalogs = (locale: string): NoteTranslator => {
  const code = locale in names ? locale : 'en';
  return {
    locale: code,
    t: (key, v) => `${code === 'fr' ? 'en' : code}:${key}:${v.language}:${v.source}`,
    has: () => code !== 'fr',
    languageName: (tag) => names[code]![tag] ?? tag,
  };
};

const en = { subject: 'Erlan is free', preheader: 'Thanks', bodyMd: 'He is **free**.' };
const es = { subject: 'Erlan está libre', preheader: 'Gracias', bodyMd: 'Está **libre**.' };
const versions = new Map([
  ['en', en],
  ['es', es],
]);

describe('pickVersion', () => {
  it('gives recipients their language, or its version for a regional tag, with no note', () => {
    expect(pickVersion(versions, 'en', 'es', catalogs)).toEqual({ locale: 'es', texts: es, note: null });
    expect(pickVersion(versions, 'en', 'es-MX', catalogs)).toEqual({ locale: 'es', texts: es, note: null });
    expect(pickVersion(versions, 'en', 'en', catalogs).note).toBeNull();
  });

  it('gives the source with a note in their language, or in the source language when theirs has no catalog', () => {
    expect(pickVersion(versions, 'en', 'ar', catalogs)).toEqual({
      locale: 'en',
      texts: en,
      note: `ar:${missingNoteKey}:العربية:الإنجليزية`,
    });
    expect(pickVersion(versions, 'en', 'de', catalogs).note).toBe(`en:${missingNoteKey}:German:English`);
  });

  it('writes the whole note in English when their catalog lacks the note, never English words around French names', () => {
    expect(pickVersion(versions, 'en', 'fr', catalogs).note).toBe(`en:${missingNoteKey}:French:English`);
  });

  it('refuses versions without their source', () => {
    expect(() => pickVersion(new Map([['es', es]]), 'en', 'de', catalogs)).toThrow(/source locale en/);
  });
});
