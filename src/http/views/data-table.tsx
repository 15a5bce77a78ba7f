// A table of figures or records with one row of column headings (the mailings, the statistics, the dev
// mailbox, the tables of TableSection): the heading cells are the same everywhere, so each table lists only
// its headings and its rows.
import type { ComponentChildren } from 'preact';

export function DataTable(p: {
  class: string;
  /** The column headings, in order; each is a header cell for its column. */
  columns: ComponentChildren[];
  /** The rows. */
  children: ComponentChildren;
}) {
  return (
    <table class={p.class}>
      <thead>
        <tr>
          {p.columns.map((c, i) => (
            <th scope="col" key={i}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{p.children}</tbody>
    </table>
  );
}
