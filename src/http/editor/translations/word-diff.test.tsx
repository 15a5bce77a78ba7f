// The word diff a stale translation's editor shows: only changed words marked, each side its own marks,
// hostile text escaped, CJK split into words, and a wholly different text shown whole.
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { maxEdits, WordDiff, wordDiff } from './word-diff.js';

const labels = { before: 'Before', after: 'Now' };
const sides = (html: string) => {
  const [before, after] = html.split('<p class="translation-diff__label">Now</p>');
  return { before: before!, after: after! };
};

describe('WordDiff', () => {
  it('marks only the words that changed: deletions before, insertions now', () => {
    const html = render(
      <WordDiff
        before="Erlan was sentenced to seven years in prison."
        after="Erlan was sentenced to five years in prison and fined."
        locale="en"
        labels={labels}
      />,
    );
    const { before, after } = sides(html);
    expect(before).toContain('Erlan was sentenced to <del>seven</del> years in prison.');
    expect(before).not.toContain('<ins');
    expect(after).toContain('Erlan was sentenced to <ins>five</ins> years in prison');
    expect(after).toMatch(/<ins>[^<]*and fined/);
    expect(after).not.toContain('<del');
  });

  it('escapes what the source says, markup included', () => {
    const html = render(
      <WordDiff
        before="Write to the minister."
        after={'Write to the <img src=x onerror="alert(1)"> minister & the "press".'}
        locale="en"
        labels={labels}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('&amp;');
  });

  it('splits languages written without spaces into words', () => {
    const runs = wordDiff('労働組合を支持します', '労働組合を強く支持します', 'ja');
    expect(runs?.after.filter((c) => c.added).map((c) => c.value)).toEqual(['強く']);
  });

  it('shows a wholly rewritten text whole rather than marking thousands of edits', () => {
    const words = (prefix: string) =>
      Array.from({ length: maxEdits + 50 }, (_, i) => `${prefix}${i}`).join(' ');
    expect(wordDiff(words('a'), words('b'), 'en')).toBeUndefined();
    const html = render(<WordDiff before={words('a')} after={words('b')} locale="en" labels={labels} />);
    expect(html).toContain(`<del>${words('a')}</del>`);
    expect(html).toContain(`<ins>${words('b')}</ins>`);
  });
});
