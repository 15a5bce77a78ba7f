// When saving the texts form moves the source text's revision (translations then show "source changed")
// and its status.
import { describe, expect, it } from 'vitest';
import type { TextFields } from './edit-campaign.js';
import { changedTexts, savedSourceState } from './source-revision.js';

const texts: TextFields = {
  headline: 'Free Erlan Baltabay',
  backgroundMd: 'Erlan is a trade unionist.',
  defaultMessage: 'Release him now.',
  targetSubject: 'Release Erlan Baltabay',
  targetSalutation: 'Dear Minister,',
};

describe('savedSourceState', () => {
  it('starts a first source text published, at revision 1, publish asked or not', () => {
    expect(savedSourceState(null, texts, false)).toEqual({ status: 'published', revision: 1 });
    expect(savedSourceState(null, texts, true)).toEqual({ status: 'published', revision: 1 });
  });

  it('bumps the revision when any translatable text changed, and keeps the status', () => {
    const current = { ...texts, status: 'draft' as const, revision: 4 };
    for (const key of Object.keys(texts) as (keyof TextFields)[]) {
      expect(savedSourceState(current, { ...texts, [key]: `${texts[key]}!` }, false), key).toEqual({
        status: 'draft',
        revision: 5,
      });
    }
  });

  it('keeps the revision when no translatable text changed, so translations stay current', () => {
    const current = { ...texts, status: 'in_review' as const, revision: 2 };
    expect(savedSourceState(current, { ...texts }, false)).toEqual({ status: 'in_review', revision: 2 });
  });

  it('publishes when asked, and never takes a published text back to a draft', () => {
    const draft = { ...texts, status: 'draft' as const, revision: 3 };
    expect(savedSourceState(draft, texts, true)).toEqual({ status: 'published', revision: 3 });
    const published = { ...texts, status: 'published' as const, revision: 3 };
    expect(savedSourceState(published, { ...texts, headline: 'New' }, false)).toEqual({
      status: 'published',
      revision: 4,
    });
  });
});

describe('changedTexts', () => {
  it('names the translatable fields that differ, and ignores everything else', () => {
    const before = { ...texts, photoAlt: 'Erlan at a rally' };
    const after = { ...texts, photoAlt: 'Another alt text', targetSalutation: 'Dear Madam,' };
    expect(changedTexts(before, after)).toEqual(['targetSalutation']);
    expect(changedTexts(texts, texts)).toEqual([]);
  });
});
