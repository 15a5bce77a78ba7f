// A translator corrects one interface string of their language and may mark it reviewed (or marks the
// text as it stands reviewed). Stored, audited, layered over the shipped catalog; nothing is stored when
// the text fails the catalog check.
import type { Clock } from '../shared/clock.js';
import type { TranslationViewer } from '../translation/translation-steps.js';
import { type CorrectionError, prepareCorrection } from './correction.js';
import type { InterfaceCatalogs, InterfaceOverrideStore } from './interface-strings.ports.js';
import { viewInterfaceStrings } from './view-interface-strings.js';

export type CorrectResult =
  | { status: 'saved' | 'unchanged' }
  | { status: 'invalid'; errors: CorrectionError[] }
  | { status: 'not_found' | 'forbidden' };

export async function correctInterfaceString(
  deps: { catalogs: InterfaceCatalogs; overrides: InterfaceOverrideStore; clock: Pick<Clock, 'now'> },
  viewer: TranslationViewer,
  input: { locale: string; key: string; message: string; reviewed: boolean },
): Promise<CorrectResult> {
  const view = await viewInterfaceStrings(deps, viewer, input.locale);
  if (view.status !== 'ok') return view;
  const row = view.strings.find((s) => s.key === input.key);
  if (!row) return { status: 'not_found' };
  const correction = prepareCorrection(deps.catalogs, input.locale, row, input.message, input.reviewed);
  if (correction.status !== 'change') return correction;
  await deps.overrides.save([correction.change], viewer, deps.clock.now());
  return { status: 'saved' };
}
