// A section of an editor page that holds one wide table (a report by language, the list of report links): its
// heading, a sentence in place of the table when there are no rows, and the table in a box that scrolls
// sideways on a phone, so that the page itself never does.
import type { ComponentChildren } from 'preact';
import { DataTable } from '../data-table.js';

export function TableSection(p: {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  /** Shown instead of the table: the sentence for no rows, or false when there are rows. */
  empty: string | false;
  /** The column headings, in order. */
  columns: ComponentChildren[];
  /** The rows. */
  children: ComponentChildren;
}) {
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.empty !== false ? (
        <p>{p.empty}</p>
      ) : (
        <div class="table-scroll">
          <DataTable class="table" columns={p.columns}>
            {p.children}
          </DataTable>
        </div>
      )}
    </section>
  );
}
