// What the translation editor shows beside the source while someone translates a campaign: the closest
// paragraphs other campaigns have published in the language (translation-memory.ts) and the language's
// glossary terms the source uses.

import { type TranslationWork, translatableFields } from './translation.js';
import type { TranslationMemoryStore } from './translation.ports.js';
import {
  type FieldSuggestions,
  type GlossaryTerm,
  memoryCampaigns,
  suggestFor,
  termsIn,
} from './translation-memory.js';

export interface TranslationAids {
  suggestions: FieldSuggestions;
  terms: GlossaryTerm[];
}

export async function suggestTranslations(
  deps: { memory: TranslationMemoryStore },
  work: TranslationWork,
): Promise<TranslationAids> {
  if (work.locale === work.sourceLocale) return { suggestions: {}, terms: [] };
  const [examples, glossary] = await Promise.all([
    deps.memory.examples(work.locale, work.campaignId, memoryCampaigns),
    deps.memory.glossary(work.locale),
  ]);
  // Only examples translated from the same source language say how this source is put in the language.
  const comparable = examples.filter((e) => e.sourceLocale === work.sourceLocale);
  return {
    suggestions: suggestFor(work.source, comparable),
    terms: termsIn(
      translatableFields.map((f) => work.source[f]),
      glossary,
    ),
  };
}
