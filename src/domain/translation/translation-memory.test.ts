// The translation memory's rules without storage: trigram similarity, paragraphs paired by position, the
// threshold, ranking and de-duplication of suggestions, and which glossary terms a text uses.
import { describe, expect, it } from 'vitest';
import type { TranslatableTexts } from './translation.js';
import {
  type GlossaryTerm,
  type MemoryExample,
  minSimilarity,
  paragraphs,
  similarity,
  suggestFor,
  termsIn,
} from './translation-memory.js';

const texts = (over: Partial<TranslatableTexts> = {}): TranslatableTexts => ({
  headline: '',
  backgroundMd: '',
  defaultMessage: '',
  targetSubject: '',
  targetSalutation: '',
  ...over,
});

const example = (slug: string, source: Partial<TranslatableTexts>, translation: Partial<TranslatableTexts>) =>
  ({
    campaignId: slug.length,
    slug,
    headline: `Headline of ${slug}`,
    sourceLocale: 'en',
    source: texts(source),
    translation: texts(translation),
  }) satisfies MemoryExample;

describe('similarity', () => {
  it('is 1 for the same words whatever the case and punctuation, 0 for nothing shared', () => {
    expect(similarity('Free Erlan Baltabay now!', 'free erlan baltabay, NOW')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', '')).toBe(0);
  });

  it('ranks a small edit close and another text far, in any script', () => {
    const near = similarity(
      'He was sentenced to seven years in prison.',
      'He was sentenced to five years in prison.',
    );
    const far = similarity(
      'He was sentenced to seven years in prison.',
      'The union calls for a boycott of the firm.',
    );
    expect(near).toBeGreaterThan(0.8);
    expect(far).toBeLessThan(minSimilarity);
    expect(similarity('أطلقوا سراح إرلان الآن', 'أطلقوا سراح إرلان فورا')).toBeGreaterThan(0.6);
  });
});

describe('suggestFor', () => {
  const source = texts({
    backgroundMd:
      'Erlan Baltabay was sentenced to seven years in prison.\n\nThe ILO has called for his release.',
    defaultMessage: 'Release Erlan Baltabay now.',
  });

  it('offers, per source paragraph, the published paragraph at the same place in another campaign', () => {
    const other = example(
      'other',
      {
        backgroundMd: 'A nurse was dismissed.\n\nThe ILO has called for her release.',
        defaultMessage: 'Reinstate the nurse.',
      },
      {
        backgroundMd: 'Une infirmière a été licenciée.\n\nL’OIT a demandé sa libération.',
        defaultMessage: 'Réintégrez l’infirmière.',
      },
    );
    const found = suggestFor(source, [other]);
    expect(found.backgroundMd).toHaveLength(1);
    const [ilo] = found.backgroundMd!;
    expect(ilo!.paragraph).toBe('The ILO has called for his release.');
    expect(ilo!.suggestions).toEqual([
      expect.objectContaining({
        source: 'The ILO has called for her release.',
        translation: 'L’OIT a demandé sa libération.',
        slug: 'other',
        headline: 'Headline of other',
      }),
    ]);
    expect(ilo!.suggestions[0]!.similarity).toBeGreaterThan(0.8);
    // Nothing close enough for the default message: the field gets no list at all.
    expect(found.defaultMessage).toBeUndefined();
  });

  it('pairs nothing in a field whose translation has another number of paragraphs', () => {
    const merged = example(
      'merged',
      { backgroundMd: 'The ILO has called for his release.\n\nAnother paragraph.' },
      { backgroundMd: 'L’OIT a demandé sa libération. Un autre paragraphe.' },
    );
    expect(suggestFor(source, [merged])).toEqual({});
  });

  it('ranks the closest first, keeps three, and shows one translation once', () => {
    const variants = ['his release.', 'his release now.', 'the release.', 'his freedom.', 'his release.'];
    const examples = variants.map((end, i) =>
      example(`c${i}`, { defaultMessage: `The ILO has called for ${end}` }, { defaultMessage: `fr ${end}` }),
    );
    const list = suggestFor(source, examples).backgroundMd![0]!.suggestions;
    expect(list.map((s) => s.translation)).toEqual([
      'fr his release.',
      'fr his release now.',
      'fr the release.',
    ]);
    expect(list[0]!.similarity).toBe(1);
  });
});

describe('paragraphs and glossary terms', () => {
  it('splits on blank lines and drops empty ones', () => {
    expect(paragraphs('One\r\n\r\n\r\nTwo\n  \nThree\n')).toEqual(['One', 'Two', 'Three']);
  });

  it('finds terms the text uses as whole words, in any case', () => {
    const term = (id: number, t: string): GlossaryTerm => ({
      id,
      locale: 'fr',
      term: t,
      rendering: t,
      note: null,
      updatedBy: null,
      updatedAt: 0,
    });
    const glossary = [
      term(1, 'trade union'),
      term(2, 'Freedom of Association'),
      term(3, 'union'),
      term(4, 'ILO C87'),
    ];
    const used = termsIn(['His Trade-Union activism', 'and freedom of association.'], glossary);
    expect(used.map((g) => g.id)).toEqual([1, 2, 3]);
  });
});
