// A language's glossary: its terms alphabetically, each with how the language renders it; reviewers get a
// form to add or change a term (the same term again replaces its rendering) and a remove button per term.
import type { GlossaryField, GlossaryFieldError } from '../../../domain/translation/save-glossary-term.js';
import { glossaryLimits } from '../../../domain/translation/save-glossary-term.js';
import type { GlossaryTerm } from '../../../domain/translation/translation-memory.js';
import { directionOf, sourceLocale } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, ErrorSummary, Notice, SubmitButton, TextField } from '../../views/form-fields.js';
import { glossaryPath } from './translation-aids.js';

const fields = ['term', 'rendering', 'note'] as const satisfies readonly GlossaryField[];

const errorKeys: Record<GlossaryFieldError, StringKey> = {
  Required: 'translations.glossary.required',
  TooLong: 'translations.error.tooLong',
  InvalidCharacters: 'translations.error.invalidCharacters',
};

export interface GlossaryForm {
  values: Record<GlossaryField, string>;
  errors: Partial<Record<GlossaryField, GlossaryFieldError>>;
}

export function GlossaryPage(
  p: EditorPageBase & {
    locale: string;
    terms: GlossaryTerm[];
    canEdit: boolean;
    notice?: StringKey | undefined;
    form: GlossaryForm;
  },
) {
  const { tr, form } = p;
  const t = tr.t;
  const language = tr.languageName(p.locale);
  const title = t('translations.glossary.title', { language });
  const labels: Record<GlossaryField, string> = {
    term: t('translations.glossary.term', { language: tr.languageName(sourceLocale) }),
    rendering: t('translations.glossary.rendering', { language }),
    note: t('translations.glossary.note'),
  };
  /** The term is in the campaigns' source language, its rendering in this one; a note in either. */
  const lang: Record<GlossaryField, string | undefined> = {
    term: sourceLocale,
    rendering: p.locale,
    note: undefined,
  };
  const wrong = fields.filter((f) => form.errors[f]);
  const err = (f: GlossaryField) => {
    const code = form.errors[f];
    return code && t(errorKeys[code], { max: glossaryLimits[f] });
  };
  return (
    <EditorPage page={p} title={title} section="translations">
      <BackLink href="/editor/translations">{t('translations.editor.back')}</BackLink>
      <h1>{title}</h1>
      <p>{t('translations.glossary.intro', { language })}</p>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {p.terms.length === 0 ? (
        <p>
          <em>{t('translations.glossary.empty')}</em>
        </p>
      ) : (
        <table class="table glossary-table">
          <thead>
            <tr>
              <th scope="col">{labels.term}</th>
              <th scope="col">{labels.rendering}</th>
              {p.canEdit && (
                <th scope="col">
                  <span class="dash-sr-only">{t('translations.glossary.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {p.terms.map((g) => (
              <tr key={g.id}>
                <td lang={sourceLocale} dir={directionOf(sourceLocale)}>
                  {g.term}
                </td>
                <td lang={p.locale} dir={directionOf(p.locale)}>
                  {g.rendering}
                  {g.note && <p class="help">{g.note}</p>}
                </td>
                {p.canEdit && (
                  <td>
                    <form method="post" action={`${glossaryPath(p.locale)}/remove`}>
                      <Csrf token={p.csrf} />
                      <input type="hidden" name="id" value={String(g.id)} />
                      <SubmitButton kind="secondary">
                        {t('translations.glossary.remove')}
                        <span class="dash-sr-only"> {g.term}</span>
                      </SubmitButton>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.canEdit && (
        <form method="post" action={`${glossaryPath(p.locale)}#term`} class="editor-form" novalidate>
          <Csrf token={p.csrf} />
          <ErrorSummary
            title={t('translations.error.summary', { count: wrong.length })}
            errors={wrong.map((f) => ({ field: f, text: err(f) ?? '' }))}
          />
          {fields.map((f) => (
            <TextField
              key={f}
              id={f}
              label={labels[f]}
              value={form.values[f]}
              error={err(f)}
              lang={lang[f]}
              dir="auto"
              maxLength={glossaryLimits[f]}
              autocomplete="off"
              autofocus={wrong[0] === f}
            />
          ))}
          <SubmitButton>{t('translations.glossary.save')}</SubmitButton>
        </form>
      )}
    </EditorPage>
  );
}
