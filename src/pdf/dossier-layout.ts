// Lays the dossier's signer list out on pages before anything is printed (decision 0030): each line's width
// is measured once by the browser's own text shaping, so the number of lines every signer takes is known,
// and the pages, their numbers ("3 / 224") and where each country starts follow from arithmetic. Knowing the
// pages in advance is what lets the renderer print a long list in small pieces and join them, with page
// numbers that run on across the pieces, instead of handing Chromium one giant page.

/** One signer's line as printed, with the lines its text takes in a column. */
export interface LaidRow {
  text: RowText;
  lines: number;
}

export interface RowText {
  /** The position in its country's list, as printed ("12."). */
  number: string;
  /** The name, or "a supporter from …" when the signer asked to appear without it. */
  name: string;
  anonymous: boolean;
  union: string | null;
  date: string;
}

/** A country's heading ("Belarus (420)") or a signer's line, placed in a column. */
export type Slot = { kind: 'heading'; text: string } | { kind: 'row'; row: LaidRow };

export interface ListPage {
  /** 1-based number of the page in the whole document. */
  number: number;
  /** Two columns, in reading order (first column first). */
  columns: Slot[][];
}

export interface ListSection {
  heading: string;
  rows: LaidRow[];
}

/** Geometry of a list page in lines of the body text. */
export interface PageGrid {
  /** Lines of body text one column holds. */
  linesPerColumn: number;
  /** Lines a country heading takes (its larger type and rule included). */
  headingLines: number;
  columns: number;
}

/** The plain text a row's width is measured on: exactly what the page prints. */
export function rowLine(text: RowText): string {
  return `${text.number} ${text.name}${text.union ? ` · ${text.union}` : ''} · ${text.date}`;
}

/**
 * How many lines a text of `width` takes in a column of `columnWidth` (both in the same unit). A line that
 * fits with a small margin is one line; a longer one wraps at spaces, which wastes up to a word per line, so
 * it is given lines for 85 % of the column each (a name in Chinese or Thai breaks anywhere and needs less).
 */
export function linesFor(width: number, columnWidth: number, max = 12): number {
  if (!(width > columnWidth * 0.97)) return 1;
  return Math.min(max, Math.ceil(width / (columnWidth * 0.85)));
}

/**
 * Fills columns top to bottom and pages one after another, starting at page `firstNumber`. A heading never
 * ends a column (it moves on with its first signer); a signer whose text is taller than a whole column is
 * given a column of its own rather than lost.
 */
export function paginate(sections: readonly ListSection[], grid: PageGrid, firstNumber: number): ListPage[] {
  const pages: ListPage[] = [];
  let columns: Slot[][] = [[]];
  let used = 0;
  const nextColumn = () => {
    if (columns.length === grid.columns) {
      pages.push({ number: firstNumber + pages.length, columns });
      columns = [[]];
    } else columns.push([]);
    used = 0;
  };
  const column = () => columns[columns.length - 1]!;
  for (const section of sections) {
    section.rows.forEach((row, i) => {
      const height = Math.min(row.lines, grid.linesPerColumn);
      const needed = (i === 0 ? grid.headingLines : 0) + height;
      if (used > 0 && used + needed > grid.linesPerColumn) nextColumn();
      if (i === 0) {
        column().push({ kind: 'heading', text: section.heading });
        used += grid.headingLines;
      }
      column().push({ kind: 'row', row: { ...row, lines: height } });
      used += height;
    });
  }
  if (columns.some((c) => c.length > 0)) pages.push({ number: firstNumber + pages.length, columns });
  return pages;
}
