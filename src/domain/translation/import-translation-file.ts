// A translated file (XLIFF, read by http/editor/translations/xliff-file.ts) saved as the campaign's draft in
// its language: checked against the campaign and language it claims, field by field (known fields only,
// plain text, the same normalisation and length limits as the side-by-side form), and saved through the
// same step as the form's Save, so who may do it and the audit entry are the same; what it changes is
// always a draft, whoever uploads it (a reviewer's file is not live until they press Publish).
// A file made from an older source revision is accepted but flagged: its text may not cover what changed.
import {
  campaignTextSpec,
  sourceTexts,
  type TranslatableField,
  type TranslatableTexts,
  type TranslationViewer,
  translatableFields,
} from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation } from './translation-change.js';
import { type FieldError, readTexts, tokenOf } from './translation-steps.js';

/** What a translation file says, as the file adapter read it. */
export interface TranslationFile {
  sourceLocale: string;
  locale: string;
  slug: string;
  sourceRevision: number;
  /** Unit id → target text; null when the target is not plain text (inline markup). */
  targets: Record<string, string | null>;
}

export type FieldOutcome = 'imported' | 'unchanged' | 'empty' | 'markup' | FieldError;

export interface ImportReport {
  fields: Partial<Record<TranslatableField, FieldOutcome>>;
  /** Units that name no field of a campaign translation: ignored. */
  unknown: string[];
  /** The file was made from this older source revision (the source has changed since). */
  staleFrom: number | null;
}

export type ImportResult =
  | { status: 'imported'; report: ImportReport }
  | { status: 'nothing'; report: ImportReport }
  | { status: 'wrong_file'; problem: 'campaign' | 'language' | 'sourceLanguage' | 'revision' }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'stale' };

const isField = (key: string): key is TranslatableField =>
  (translatableFields as readonly string[]).includes(key);

export async function importTranslationFile(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  at: { slug: string; locale: string },
  file: TranslationFile,
): Promise<ImportResult> {
  const work = await deps.translations.work(at.slug, at.locale);
  if (!work || work.locale === work.sourceLocale) return { status: 'not_found' };
  if (file.slug !== work.slug) return { status: 'wrong_file', problem: 'campaign' };
  if (file.locale.toLowerCase() !== work.locale.toLowerCase())
    return { status: 'wrong_file', problem: 'language' };
  if (file.sourceLocale.toLowerCase() !== work.sourceLocale.toLowerCase()) {
    return { status: 'wrong_file', problem: 'sourceLanguage' };
  }
  if (file.sourceRevision < 1 || file.sourceRevision > work.source.revision) {
    return { status: 'wrong_file', problem: 'revision' };
  }

  const current: TranslatableTexts = work.translation
    ? sourceTexts(work.translation)
    : { headline: '', backgroundMd: '', defaultMessage: '', targetSubject: '', targetSalutation: '' };
  const report: ImportReport = {
    fields: {},
    unknown: Object.keys(file.targets).filter((k) => !isField(k)),
    staleFrom: file.sourceRevision < work.source.revision ? file.sourceRevision : null,
  };
  const typed = { ...current };
  for (const field of translatableFields) {
    const target = Object.hasOwn(file.targets, field) ? file.targets[field] : undefined;
    if (target === undefined) continue;
    if (target === null) report.fields[field] = 'markup';
    else if (target.trim() === '') report.fields[field] = 'empty';
    else typed[field] = target;
  }
  // The form's checks, field by field: a field that fails keeps its stored text and says why.
  const { texts, errors } = readTexts(campaignTextSpec, typed, work.source, false);
  for (const field of translatableFields) {
    if (report.fields[field] !== undefined || !Object.hasOwn(file.targets, field)) continue;
    const error = errors[field];
    if (error) {
      report.fields[field] = error;
      texts[field] = current[field];
    } else report.fields[field] = texts[field] === current[field] ? 'unchanged' : 'imported';
  }
  if (!Object.values(report.fields).includes('imported')) return { status: 'nothing', report };

  const madeFrom = report.staleFrom === null ? {} : { madeFrom: report.staleFrom };
  const result = await changeTranslation(
    deps,
    viewer,
    { ...at, ...madeFrom },
    {
      intent: 'save',
      token: tokenOf(work),
      markUpdated: false,
      texts,
      asDraft: true,
    },
  );
  switch (result.status) {
    case 'saved':
    case 'unchanged':
      return { status: 'imported', report };
    case 'forbidden':
    case 'not_found':
    case 'stale':
      return { status: result.status };
    default:
      // The fields were checked above and a save is possible in every state: not reached, but never a 500.
      return { status: 'nothing', report };
  }
}
