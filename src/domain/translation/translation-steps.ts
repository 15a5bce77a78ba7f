// The one path every translated text takes, whatever it translates (a campaign's texts, a mailing): read
// the typed fields, decide what save / submit / publish / send back do to the status (the diagram in
// translation.ts), check who is asking, refuse a form filled from an older copy, then write with an audit
// entry. Each kind names its fields and limits (a TextSpec) and its storage (a StepPort); the rules are here.
import type { Role } from '../account/permissions.js';
import { can } from '../account/permissions.js';
import type { TranslationStatus } from '../campaign/campaign.js';
import { normaliseLine, normaliseText } from '../signature/text.js';
import {
  type LanguageGrant,
  type LanguageStanding,
  ownWork,
  type PublishContext,
  type Standings,
  standingsOf,
} from './language-standing.js';
import type { TranslationAction } from './translation.ports.js';

export type Texts<F extends string> = Record<F, string>;

/** The person at work: translators are limited to their languages (null: every language). */
export interface TranslationViewer {
  id: number;
  email: string;
  role: Role;
  languages: readonly string[] | null;
  /**
   * A translator's standing in each of their languages (a language left out: plain translator); null for
   * editors and admins, who review every language whatever this says.
   */
  standings?: Standings | null;
}

/** The viewer for an account: a translator with the languages given to them, anyone else unlimited. */
export function translationViewer(
  user: { id: number; email: string; role: Role },
  grants: readonly LanguageGrant[],
): TranslationViewer {
  const { id, email, role } = user;
  if (!languagesLimited(role)) return { id, email, role, languages: null, standings: null };
  return { id, email, role, languages: grants.map((g) => g.locale).sort(), standings: standingsOf(grants) };
}

/** Outdated when the source moved past the revision the translation was made from (0: made from the first). */
export function isStale(t: { sourceRevision: number }, sourceRevision: number): boolean {
  return Math.max(t.sourceRevision, 1) < sourceRevision;
}

export function mayTranslate(viewer: TranslationViewer, locale: string): boolean {
  if (!can(viewer.role, 'translations:edit')) return false;
  return viewer.languages === null || viewer.languages.includes(locale);
}

/** The viewer's standing in a language: reviewer (editors, admins), a translator's own, or none. */
export function standingIn(viewer: TranslationViewer, locale: string): LanguageStanding | 'reviewer' | null {
  if (can(viewer.role, 'translations:review')) return 'reviewer';
  if (!mayTranslate(viewer, locale)) return null;
  const own = viewer.standings;
  return own && Object.hasOwn(own, locale) ? own[locale]! : 'translator';
}

/** Reviews the language: publishes, sends back, saves without a status change, keeps its glossary. */
export function mayReviewIn(viewer: TranslationViewer, locale: string): boolean {
  const standing = standingIn(viewer, locale);
  return standing === 'reviewer' || standing === 'coordinator';
}

/** Publishes this translation: a reviewer of the language, or a trusted translator their own work. */
export function mayPublish(
  viewer: TranslationViewer,
  locale: string,
  translation: PublishContext | null,
): boolean {
  if (mayReviewIn(viewer, locale)) return true;
  return standingIn(viewer, locale) === 'trusted' && ownWork(translation, viewer.email);
}

/** Editors' and admins' languages are every language; translators' those an admin gave them. */
export function languagesLimited(role: Role): boolean {
  return !can(role, 'translations:review');
}

/** The translatable fields of one kind of text, their length limits, and which are one line. */
export interface TextSpec<F extends string> {
  fields: readonly F[];
  limits: Record<F, number>;
  oneLine: readonly F[];
}

export type FieldError = 'Required' | 'TooLong' | 'InvalidCharacters';
export type FieldErrors<F extends string> = Partial<Record<F, FieldError>>;

/** What every stored translation has besides its texts. */
export interface StepState {
  status: TranslationStatus;
  /** Bumped by every save; the form carries it, so a save made on an older copy is refused. */
  revision: number;
  sourceRevision: number;
  reviewNote: string | null;
  /** Who last saved it (the address of their account); null when unknown. */
  updatedBy?: string | null;
}

/** One text in one language: the source and the translation, if any. */
export interface Work<F extends string> {
  locale: string;
  sourceLocale: string;
  source: Texts<F> & { revision: number };
  translation: (Texts<F> & StepState) | null;
  /** The translated thing takes no more changes (a mailing already sent): every step is refused. */
  closed?: boolean;
}

export const reviewNoteMax = 2_000;

/** The button pressed, with what the form sent. */
export type StepInput<F extends string> =
  | {
      intent: 'save' | 'submit' | 'publish';
      token: string;
      markUpdated: boolean;
      texts: Texts<F>;
      /** A save whose changed texts go back to draft whoever saves (an uploaded file is never live at once). */
      asDraft?: boolean;
    }
  | { intent: 'send-back'; token: string; note: string };

export type StepResult<F extends string, W> =
  | { status: 'saved'; translationStatus: TranslationStatus }
  | { status: 'unchanged' }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'invalid'; errors: FieldErrors<F>; noteMissing?: boolean }
  /** Not possible in the translation's present state (send back what is not in review, a sent mailing). */
  | { status: 'wrong_state' }
  | { status: 'stale'; current: W };

/** The checked write a kind's storage performs: only while the stored work still gives `expectedToken`. */
export interface StepWrite<F extends string> {
  expectedToken: string;
  texts: Texts<F>;
  status: TranslationStatus;
  sourceRevision: number;
  /** The translation now matches the source at sourceRevision (a kind that keeps snapshots takes one). */
  upToDate: boolean;
  reviewNote: string | null;
  action: TranslationAction;
  /** What the audit entry records: the changed fields and the status, before and after. */
  audit: { before: unknown; after: unknown };
  actor: { id: number; email: string };
  now: number;
}

export interface StepPort<F extends string, W extends Work<F>> {
  /** Undefined when there is no such text (or it has no source yet). */
  load(): Promise<W | undefined>;
  write(work: W, change: StepWrite<F>): Promise<'saved' | 'stale'>;
}

/** The form's token: the translation's revision and the source revision the form showed. */
export function tokenOf(work: {
  source: { revision: number };
  translation: { revision: number } | null;
}): string {
  return `${work.translation?.revision ?? 0}.${work.source.revision}`;
}

export function pickTexts<F extends string>(spec: TextSpec<F>, from: Texts<F>): Texts<F> {
  return Object.fromEntries(spec.fields.map((k) => [k, from[k]])) as Texts<F>;
}

export const sameTexts = <F extends string>(spec: TextSpec<F>, a: Texts<F>, b: Texts<F>): boolean =>
  spec.fields.every((k) => a[k] === b[k]);

/**
 * The typed texts, normalised like the source's. A draft may be incomplete; a translation sent for review
 * or published needs every field its source has (an empty source field needs none).
 */
export function readTexts<F extends string>(
  spec: TextSpec<F>,
  input: Texts<F>,
  source: Texts<F>,
  complete: boolean,
): { texts: Texts<F>; errors: FieldErrors<F> } {
  const errors: FieldErrors<F> = {};
  const texts = {} as Texts<F>;
  for (const key of spec.fields) {
    const required = complete && source[key].trim() !== '';
    const raw = input[key];
    const r = spec.oneLine.includes(key)
      ? normaliseLine(raw, { max: spec.limits[key], required })
      : normaliseText(raw, { max: spec.limits[key] });
    if (r.ok) texts[key] = r.value;
    else if (r.error === 'Required' && !required) texts[key] = '';
    else {
      errors[key] = r.error as FieldError;
      texts[key] = raw;
    }
  }
  return { texts, errors };
}

/**
 * Who may take a step: reviewers of the language publish and send back, trusted translators publish their
 * own work, translators save and submit in their languages.
 */
export function mayTakeStep(
  viewer: TranslationViewer,
  intent: StepInput<string>['intent'],
  work: Pick<Work<string>, 'locale' | 'translation'>,
) {
  const t = work.translation;
  if (intent === 'send-back') return mayReviewIn(viewer, work.locale);
  if (intent === 'publish')
    return mayPublish(viewer, work.locale, t && { status: t.status, updatedBy: t.updatedBy ?? null });
  return mayTranslate(viewer, work.locale);
}

/** Whoever may publish a translation may keep it published: their saves leave the status as it is. */
export function keepsStatus<F extends string>(viewer: TranslationViewer, work: Work<F>): boolean {
  return mayTakeStep(viewer, 'publish', work);
}

interface Plan<F extends string> {
  texts: Texts<F>;
  status: TranslationStatus;
  reviewNote: string | null;
  action: TranslationAction;
  /** Write even when nothing else changed (a submit, a publish, a send back is an event of its own). */
  event: boolean;
}

/** What the step does to the translation, or why it cannot. */
export function planStep<F extends string>(
  spec: TextSpec<F>,
  viewer: TranslationViewer,
  work: Work<F>,
  input: StepInput<F>,
): Plan<F> | Exclude<StepResult<F, never>, { status: 'saved' | 'stale' }> {
  const t = work.translation;
  if (work.closed) return { status: 'wrong_state' };
  if (input.intent === 'send-back') {
    // Back to its translator as a draft, the texts as submitted, with a note saying what to change.
    if (t === null || t.status !== 'in_review') return { status: 'wrong_state' };
    const note = normaliseText(input.note, { max: reviewNoteMax });
    if (!note.ok) return { status: 'invalid', errors: {}, noteMissing: true };
    return {
      texts: pickTexts(spec, t),
      status: 'draft',
      reviewNote: note.value,
      action: 'translation.sent_back',
      event: true,
    };
  }
  const { texts, errors } = readTexts(spec, input.texts, work.source, input.intent !== 'save');
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
  if (input.intent === 'publish') {
    return { texts, status: 'published', reviewNote: null, action: 'translation.published', event: true };
  }
  if (input.intent === 'submit') {
    // Submitting a published translation with nothing changed is a no-op; the reviewer's note is cleared.
    const stale = t !== null && isStale(t, work.source.revision);
    if (t?.status === 'published' && sameTexts(spec, t, texts) && !(stale && input.markUpdated)) {
      return { status: 'unchanged' };
    }
    return { texts, status: 'in_review', reviewNote: null, action: 'translation.submitted', event: true };
  }
  // A save by someone who may publish it keeps the status; anyone else's changed text on a published one
  // goes back to draft.
  const changed = t === null || !sameTexts(spec, t, texts);
  const status =
    t === null
      ? 'draft'
      : changed && (input.asDraft || (t.status === 'published' && !keepsStatus(viewer, work)))
        ? 'draft'
        : t.status;
  return { texts, status, reviewNote: t?.reviewNote ?? null, action: 'translation.saved', event: false };
}

export async function runStep<F extends string, W extends Work<F>>(
  spec: TextSpec<F>,
  port: StepPort<F, W>,
  now: () => number,
  viewer: TranslationViewer,
  input: StepInput<F>,
): Promise<StepResult<F, W>> {
  const work = await port.load();
  if (!work || work.locale === work.sourceLocale) return { status: 'not_found' };
  if (!mayTakeStep(viewer, input.intent, work)) return { status: 'forbidden' };
  const decided = planStep(spec, viewer, work, input);
  if (!('action' in decided)) return decided;
  if (input.token !== tokenOf(work)) return { status: 'stale', current: work };

  const t = work.translation;
  const markUpdated = input.intent !== 'send-back' && input.markUpdated;
  const upToDate = t === null || !isStale(t, work.source.revision) || markUpdated;
  const sourceRevision = upToDate ? work.source.revision : t.sourceRevision;
  const changedFields = spec.fields.filter((k) => t === null || t[k] !== decided.texts[k]);
  const moved = t === null || t.status !== decided.status || t.sourceRevision !== sourceRevision;
  if (!decided.event && changedFields.length === 0 && !moved) return { status: 'unchanged' };

  const pick = (from: Texts<F> | null) =>
    Object.fromEntries(changedFields.map((k) => [k, from ? from[k] : null]));
  const outcome = await port.write(work, {
    expectedToken: input.token,
    texts: decided.texts,
    status: decided.status,
    sourceRevision,
    upToDate,
    reviewNote: decided.reviewNote,
    action: decided.action,
    audit: {
      before: {
        locale: work.locale,
        status: t?.status ?? 'missing',
        sourceRevision: t?.sourceRevision ?? null,
        ...pick(t),
      },
      after: {
        locale: work.locale,
        status: decided.status,
        sourceRevision,
        ...pick(decided.texts),
        ...(decided.reviewNote ? { note: decided.reviewNote } : {}),
      },
    },
    actor: { id: viewer.id, email: viewer.email },
    now: now(),
  });
  if (outcome === 'saved') return { status: 'saved', translationStatus: decided.status };
  const current = await port.load();
  return current ? { status: 'stale', current } : { status: 'not_found' };
}
