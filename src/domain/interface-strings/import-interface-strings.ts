// Strings a translator brings back from their own tool (an XLIFF file): each one checked like a correction
// typed on the board, the valid ones stored together (not marked reviewed: the file says nothing about
// who checked them), and a line per string saying what happened to it.
import type { Clock } from '../shared/clock.js';
import type { TranslationViewer } from '../translation/translation-steps.js';
import { type CorrectionError, prepareCorrection } from './correction.js';
import type {
  InterfaceCatalogs,
  InterfaceOverrideChange,
  InterfaceOverrideStore,
} from './interface-strings.ports.js';
import { viewInterfaceStrings } from './view-interface-strings.js';

export type ImportLine =
  | { key: string; result: 'stored' | 'unchanged' | 'unknown' }
  | { key: string; result: 'refused'; errors: CorrectionError[] };

export type ImportResult = { status: 'done'; lines: ImportLine[] } | { status: 'not_found' | 'forbidden' };

/** Most units one upload may carry: every key of a catalog with room to spare. */
export const importMaxUnits = 5_000;

export async function importInterfaceStrings(
  deps: { catalogs: InterfaceCatalogs; overrides: InterfaceOverrideStore; clock: Pick<Clock, 'now'> },
  viewer: TranslationViewer,
  locale: string,
  units: readonly { key: string; target: string }[],
): Promise<ImportResult> {
  const view = await viewInterfaceStrings(deps, viewer, locale);
  if (view.status !== 'ok') return view;
  const rows = new Map(view.strings.map((s) => [s.key, s]));
  const lines: ImportLine[] = [];
  const changes: InterfaceOverrideChange[] = [];
  const seen = new Set<string>();
  for (const unit of units.slice(0, importMaxUnits)) {
    const row = rows.get(unit.key);
    if (!row || seen.has(unit.key)) {
      lines.push({ key: unit.key, result: 'unknown' });
      continue;
    }
    seen.add(unit.key);
    // A unit the translator left without a target is not a request to empty the string.
    if (unit.target.trim() === '') {
      lines.push({ key: unit.key, result: 'unchanged' });
      continue;
    }
    const keepReview = unit.target.replace(/\r\n?/g, '\n') === row.current && row.reviewed;
    const c = prepareCorrection(deps.catalogs, locale, row, unit.target, keepReview);
    if (c.status === 'invalid') lines.push({ key: unit.key, result: 'refused', errors: c.errors });
    else if (c.status === 'unchanged') lines.push({ key: unit.key, result: 'unchanged' });
    else {
      changes.push(c.change);
      lines.push({ key: unit.key, result: 'stored' });
    }
  }
  if (changes.length > 0) await deps.overrides.save(changes, viewer, deps.clock.now());
  return { status: 'done', lines };
}
