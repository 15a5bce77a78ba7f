// The source text's status and revision after the editor saves the texts form. Translations remember the
// revision they were made from, so the revision moves only when a translatable text really changed (a save
// of the goal or the link leaves every translation current); a save never takes the text back to a draft.
import type { TranslationStatus } from './campaign.js';
import type { SourceTexts, TextFields } from './edit-campaign.js';

const textKeys = [
  'headline',
  'backgroundMd',
  'defaultMessage',
  'targetSubject',
  'targetSalutation',
] as const satisfies readonly (keyof TextFields)[];

/** The translatable fields that differ between two versions of the source text. */
export function changedTexts(before: TextFields, after: TextFields): (keyof TextFields)[] {
  return textKeys.filter((key) => before[key] !== after[key]);
}

/**
 * A first source text starts published at revision 1. A later save keeps the status (or publishes when
 * asked) and bumps the revision when any translatable text changed.
 */
export function savedSourceState(
  current: Pick<SourceTexts, keyof TextFields | 'status' | 'revision'> | null,
  texts: TextFields,
  publish: boolean,
): { status: TranslationStatus; revision: number } {
  if (current === null) return { status: 'published', revision: 1 };
  const bump = changedTexts(current, texts).length > 0;
  return { status: publish ? 'published' : current.status, revision: current.revision + (bump ? 1 : 0) };
}
