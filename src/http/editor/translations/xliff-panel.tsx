// The side-by-side editor's "work offline" box: download the source with the current draft as XLIFF 2.0,
// upload the translated file back as the draft, and, after an upload, what the file did to each field.
import type { FieldOutcome, ImportReport } from '../../../domain/translation/import-translation-file.js';
import type { TranslatableField } from '../../../domain/translation/translation.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { Csrf, FileField, Notice, SubmitButton } from '../../views/form-fields.js';

/** After an upload: the report, or why the file was refused (already in words). */
export type XliffState = { report: ImportReport; saved: boolean } | { error: string };

const outcomeKeys: Record<FieldOutcome, StringKey> = {
  imported: 'translations.xliff.outcome.imported',
  unchanged: 'translations.xliff.outcome.unchanged',
  empty: 'translations.xliff.outcome.empty',
  markup: 'translations.xliff.outcome.markup',
  Required: 'translations.error.required',
  TooLong: 'translations.error.tooLong',
  InvalidCharacters: 'translations.error.invalidCharacters',
};

export function XliffPanel(p: {
  tr: Translator;
  csrf: string;
  action: string;
  fieldLabel: (field: TranslatableField) => string;
  state?: XliffState | undefined;
}) {
  const t = p.tr.t;
  const state = p.state;
  return (
    <section class="editor-panel" id="xliff" aria-labelledby="xliff-title">
      <h2 id="xliff-title">{t('translations.xliff.title')}</h2>
      <p class="help">{t('translations.xliff.help')}</p>
      {state && 'error' in state && <Notice kind="error">{state.error}</Notice>}
      {state && 'report' in state && (
        <div class="xliff-report" role="status">
          <p>
            <strong>{state.saved ? t('translations.done.saved') : t('translations.xliff.nothing')}</strong>
          </p>
          {state.report.staleFrom !== null && (
            <p class="edit-stale" role="note">
              {t('translations.xliff.staleSource')}
            </p>
          )}
          <dl class="edit-stale__diff">
            {Object.entries(state.report.fields).map(([field, outcome]) => (
              <div key={field} data-field={field}>
                <dt class="edit-stale__label">{p.fieldLabel(field as TranslatableField)}</dt>
                <dd class="edit-stale__value">{t(outcomeKeys[outcome])}</dd>
              </div>
            ))}
          </dl>
          {state.report.unknown.length > 0 && (
            <p>
              {t('translations.xliff.unknown', {
                units: state.report.unknown
                  .slice(0, 20)
                  .map((u) => u.slice(0, 80))
                  .join(', '),
              })}
            </p>
          )}
        </div>
      )}
      <p>
        <a class="button button--secondary" href={`${p.action}/xliff`} download>
          {t('translations.xliff.download')}
        </a>
      </p>
      <form
        method="post"
        action={`${p.action}/xliff#xliff`}
        enctype="multipart/form-data"
        class="editor-form"
        novalidate
      >
        <Csrf token={p.csrf} />
        <FileField
          id="file"
          label={t('translations.xliff.file')}
          accept=".xlf,.xliff,application/xliff+xml"
        />
        <SubmitButton kind="secondary">{t('translations.xliff.upload')}</SubmitButton>
      </form>
    </section>
  );
}
