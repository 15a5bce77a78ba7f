// What changed in a source field since a translation was made, word by word (jsdiff): the old text with
// its removed words in <del>, the new text with its added words in <ins>, side by side. Marked by strike-
// through and underline as well as colour, so the change shows without colour too; every word is text
// that Preact escapes. A very different text (more edits than `maxEdits`) is shown whole, unmarked.
import { diffArrays } from 'diff';
import type { ComponentChildren } from 'preact';

/** Beyond this many word edits a marked diff is no easier to read than the two texts, and costs more. */
export const maxEdits = 500;

export interface Run {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface WordDiffRuns {
  before: Run[];
  after: Run[];
}

/**
 * The runs each side shows; undefined when the texts differ too much to mark word by word. Words are cut as
 * the language cuts them (Intl.Segmenter: Thai, Japanese and Chinese have no spaces between words), and
 * spaces are tokens of their own, so each side reads exactly as its text (diffWords would lend the new
 * text's spacing to the old).
 */
export function wordDiff(before: string, after: string, locale: string): WordDiffRuns | undefined {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const words = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
  const changes = diffArrays(words(before), words(after), { maxEditLength: maxEdits });
  if (!changes) return undefined;
  const runs = changes.map((c) => ({ value: c.value.join(''), added: c.added, removed: c.removed }));
  return { before: runs.filter((c) => !c.added), after: runs.filter((c) => !c.removed) };
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((c, i) =>
        c.removed ? <del key={i}>{c.value}</del> : c.added ? <ins key={i}>{c.value}</ins> : c.value,
      )}
    </>
  );
}

/** One side of the change: its label above the text. */
function Side(p: { label: string; locale: string; children: ComponentChildren }) {
  return (
    <div>
      <p class="translation-diff__label">{p.label}</p>
      <p class="translation-diff__text" lang={p.locale} dir="auto">
        {p.children}
      </p>
    </div>
  );
}

/** One field's change: "Before" with deletions marked, "Now" with insertions marked. */
export function WordDiff(p: {
  before: string;
  after: string;
  locale: string;
  labels: { before: string; after: string };
}) {
  const runs = wordDiff(p.before, p.after, p.locale);
  return (
    <div class="translation-diff">
      <Side label={p.labels.before} locale={p.locale}>
        {runs ? <Runs runs={runs.before} /> : <del>{p.before}</del>}
      </Side>
      <Side label={p.labels.after} locale={p.locale}>
        {runs ? <Runs runs={runs.after} /> : <ins>{p.after}</ins>}
      </Side>
    </div>
  );
}
