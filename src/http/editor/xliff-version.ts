// What an uploaded file says about itself before the XLIFF parser sees it, read with plain string scans
// (no pattern can backtrack on a hostile file): the version on its root element, and whether the root is
// closed at the end (the parser is lenient, so a file cut short would read as fewer units).
const head = 4_000;

/** The `version` attribute of the `<xliff …>` element near the file's start, or undefined. */
export function xliffVersion(text: string): string | undefined {
  const start = text.slice(0, head);
  const open = start.indexOf('<xliff');
  if (open === -1 || !/\s/.test(start[open + 6] ?? '')) return undefined;
  const close = start.indexOf('>', open);
  const tag = start.slice(open, close === -1 ? start.length : close);
  const at = tag.search(/\sversion="/);
  if (at === -1) return undefined;
  const from = tag.indexOf('"', at) + 1;
  const to = tag.indexOf('"', from);
  return to === -1 ? undefined : tag.slice(from, to);
}

/** Whether an XLIFF 2.x file (2.0, 2.1, 2.2) is named on its root element. */
export function isXliff2(text: string, minors: readonly string[] = ['0', '1', '2']): boolean {
  const version = xliffVersion(text);
  return version !== undefined && minors.some((m) => version === `2.${m}`);
}

/** Whether the document ends by closing its root, as a whole file does. */
export function endsWithXliffRoot(text: string): boolean {
  return text.trimEnd().endsWith('</xliff>');
}
