// A reviewer of the language (its coordinators, editors, admins) adds a term to its glossary, or changes
// how the language renders it.
import type { Clock } from '../shared/clock.js';
import { normaliseLine } from '../signature/text.js';
import type { TranslationMemoryStore } from './translation.ports.js';
import { mayReviewIn, type TranslationViewer } from './translation-steps.js';

export const glossaryLimits = { term: 200, rendering: 200, note: 500 } as const;

export type GlossaryField = keyof typeof glossaryLimits;
export type GlossaryFieldError = 'Required' | 'TooLong' | 'InvalidCharacters';

export type SaveTermResult =
  | { status: 'saved' }
  | { status: 'invalid'; errors: Partial<Record<GlossaryField, GlossaryFieldError>> }
  | { status: 'forbidden' };

export async function saveGlossaryTerm(
  deps: { memory: TranslationMemoryStore; clock: Pick<Clock, 'now'> },
  viewer: TranslationViewer,
  input: { locale: string; term: string; rendering: string; note: string },
): Promise<SaveTermResult> {
  if (!mayReviewIn(viewer, input.locale)) return { status: 'forbidden' };
  const errors: Partial<Record<GlossaryField, GlossaryFieldError>> = {};
  const values: Partial<Record<GlossaryField, string>> = {};
  for (const field of ['term', 'rendering', 'note'] as const) {
    const r = normaliseLine(input[field], { max: glossaryLimits[field], required: field !== 'note' });
    if (r.ok) values[field] = r.value;
    else errors[field] = r.error;
  }
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
  await deps.memory.saveTerm({
    locale: input.locale,
    term: values.term!,
    rendering: values.rendering!,
    note: values.note || null,
    actorId: viewer.id,
    now: deps.clock.now(),
  });
  return { status: 'saved' };
}
