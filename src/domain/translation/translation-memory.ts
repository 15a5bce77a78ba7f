// Translation memory (decision 0026): while a volunteer translates a campaign, each source paragraph shows
// the closest paragraphs other campaigns already have published in the same language, with how similar
// their source was. Similarity is the Dice coefficient over character trigrams: linear in the texts'
// length, indifferent to word order and small edits ("seven years" / "five years"), the same in every
// script, and cheap enough to compare every paragraph with a bounded set of candidates (`memoryCampaigns`
// campaigns, newest first) on each page view. Paragraphs are paired with their translation by position,
// only in fields whose source and translation have the same number of paragraphs.
import { type TranslatableField, type TranslatableTexts, translatableFields } from './translation.js';

/** How many published campaigns of the language are searched, newest first. */
export const memoryCampaigns = 200;
/** Suggestions below this similarity help less than they distract. */
export const minSimilarity = 0.5;
export const suggestionsPerParagraph = 3;

/** A campaign's published version in the language, beside its source text. */
export interface MemoryExample {
  campaignId: number;
  slug: string;
  /** The campaign's headline in the language, to say where a suggestion comes from. */
  headline: string;
  sourceLocale: string;
  source: TranslatableTexts;
  translation: TranslatableTexts;
}

export interface Suggestion {
  /** 0..1 */
  similarity: number;
  source: string;
  translation: string;
  slug: string;
  headline: string;
}

export interface ParagraphSuggestions {
  paragraph: string;
  suggestions: Suggestion[];
}

export type FieldSuggestions = Partial<Record<TranslatableField, ParagraphSuggestions[]>>;

/** Paragraphs as Markdown and plain text separate them: by blank lines. */
export function paragraphs(text: string): string[] {
  // Line by line rather than one pattern: a blank-line pattern over pasted text can backtrack.
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const p = current.join('\n').trim();
    if (p !== '') out.push(p);
    current = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return out;
}

/** Case, punctuation and spacing do not make two paragraphs different; letters and digits of any script do. */
function trigrams(text: string): Map<string, number> {
  const chars = [
    ...` ${text
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
      .trim()} `,
  ];
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const g = chars[i]! + chars[i + 1]! + chars[i + 2]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [g, n] of b) {
    sizeB += n;
    shared += Math.min(n, a.get(g) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/** 1 for the same words, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

interface Candidate {
  grams: Map<string, number>;
  source: string;
  translation: string;
  slug: string;
  headline: string;
}

function candidatesOf(examples: MemoryExample[]): Candidate[] {
  const out: Candidate[] = [];
  for (const ex of examples) {
    for (const field of translatableFields) {
      const from = paragraphs(ex.source[field]);
      const to = paragraphs(ex.translation[field]);
      if (from.length === 0 || from.length !== to.length) continue;
      from.forEach((source, i) => {
        out.push({
          grams: trigrams(source),
          source,
          translation: to[i]!,
          slug: ex.slug,
          headline: ex.headline,
        });
      });
    }
  }
  return out;
}

/** For each field of the source, each paragraph with the closest published translations of others. */
export function suggestFor(source: TranslatableTexts, examples: MemoryExample[]): FieldSuggestions {
  const candidates = candidatesOf(examples);
  const out: FieldSuggestions = {};
  if (candidates.length === 0) return out;
  for (const field of translatableFields) {
    const found: ParagraphSuggestions[] = [];
    for (const paragraph of paragraphs(source[field])) {
      const grams = trigrams(paragraph);
      const seen = new Set<string>();
      const suggestions = candidates
        .map((c) => ({ c, score: dice(grams, c.grams) }))
        .filter((s) => s.score >= minSimilarity)
        .sort((x, y) => y.score - x.score)
        // The same translation from two campaigns is one suggestion.
        .filter((s) => !seen.has(s.c.translation) && seen.add(s.c.translation))
        .slice(0, suggestionsPerParagraph)
        .map(({ c, score }) => ({
          similarity: score,
          source: c.source,
          translation: c.translation,
          slug: c.slug,
          headline: c.headline,
        }));
      if (suggestions.length > 0) found.push({ paragraph, suggestions });
    }
    if (found.length > 0) out[field] = found;
  }
  return out;
}

/** One language's rendering of a source term, kept by the language's reviewers. */
export interface GlossaryTerm {
  id: number;
  locale: string;
  term: string;
  rendering: string;
  note: string | null;
  updatedBy: string | null;
  updatedAt: number;
}

/** The glossary terms a source text uses (whole words, any case), for the editor to show beside it. */
export function termsIn(texts: string[], glossary: GlossaryTerm[]): GlossaryTerm[] {
  const haystack = ` ${texts
    .join(' ')
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')} `;
  return glossary.filter((g) => {
    const needle = g.term
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
      .trim();
    return needle !== '' && haystack.includes(` ${needle} `);
  });
}
