// A row of labelled figures (`<dl class="delivery-counts">`): each label over its number in the reader's
// digits. The delivery page's messages per target, the list overview and both import reports draw it.
import type { ComponentChildren } from 'preact';
import type { Translator } from '../../../i18n/translator.js';

export function Counts({
  tr,
  counts,
  before,
}: {
  tr: Translator;
  counts: { label: string; value: number }[];
  /** What stands before the figures (the sentence for none yet), inside the list. */
  before?: ComponentChildren;
}) {
  return (
    <dl class="delivery-counts">
      {before}
      {counts.map((c) => (
        <div key={c.label}>
          <dt>{c.label}</dt>
          <dd>{tr.number(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
