// The review board of one language's interface strings: filters (state, area, search), then a page of
// strings, each with its key, English and the note for translators on one side and the language's text in a
// form on the other (saved as a correction, or saved and marked reviewed). Below: the downloads (catalog
// and review record for the repository, XLIFF 2.0) and the XLIFF upload with its per-string report.
import type { ImportLine } from '../../../domain/interface-strings/import-interface-strings.js';
import type {
  InterfaceString,
  StringFilter,
} from '../../../domain/interface-strings/interface-string-state.js';
import { directionOf, sourceLocale } from '../../../i18n/locales.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, FileField, Notice, SelectField, SubmitButton, TextField } from '../../views/form-fields.js';
import { type CorrectionErrorText, errorText, stringsPath } from './interface-strings-text.js';

export const pageSize = 50;

export interface BoardForm {
  key: string;
  message: string;
  errors: CorrectionErrorText[];
}

export function InterfaceStringsPage(
  p: EditorPageBase & {
    locale: string;
    strings: InterfaceString[];
    total: number;
    filter: StringFilter;
    page: number;
    notice?: StringKey | undefined;
    form?: BoardForm | undefined;
    report?: ImportLine[] | undefined;
    importError?: string | undefined;
  },
) {
  const { tr } = p;
  const t = tr.t;
  const language = tr.languageName(p.locale);
  const title = t('interfaceStrings.title', { language });
  const base = stringsPath(p.locale);
  const query = (page: number) =>
    `${base}?${new URLSearchParams({ state: p.filter.state, ns: p.filter.namespace, q: p.filter.search, page: String(page) })}`;
  const pages = Math.max(1, Math.ceil(p.total / pageSize));
  return (
    <EditorPage page={p} title={title} section="translations">
      <BackLink href="/editor/interface-strings">{t('interfaceStrings.index.title')}</BackLink>
      <h1>{title}</h1>
      <p class="help">{t('interfaceStrings.intro')}</p>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {p.report && <ImportReport tr={tr} lines={p.report} />}
      <form method="get" action={base} class="editor-form editor-filters">
        <SelectField
          id="state"
          label={t('interfaceStrings.filter.state')}
          value={p.filter.state}
          options={[
            { value: 'all', label: t('interfaceStrings.filter.all') },
            { value: 'not-reviewed', label: t('interfaceStrings.state.notReviewed') },
            { value: 'reviewed', label: t('interfaceStrings.state.reviewed') },
            { value: 'overridden', label: t('interfaceStrings.state.corrected') },
          ]}
        />
        <SelectField
          id="ns"
          label={t('interfaceStrings.filter.area')}
          value={p.filter.namespace}
          options={[
            { value: 'all', label: t('interfaceStrings.filter.all') },
            { value: 'supporter', label: t('interfaceStrings.area.supporter') },
            { value: 'editor', label: t('interfaceStrings.area.editor') },
          ]}
        />
        <TextField
          id="q"
          label={t('interfaceStrings.filter.search')}
          value={p.filter.search}
          dir="auto"
          maxLength={200}
        />
        <SubmitButton>{t('editor.audit.filter')}</SubmitButton>
      </form>
      <p aria-live="polite">{t('interfaceStrings.count', { count: p.total })}</p>
      {p.strings.map((s) => (
        <StringRow
          key={s.key}
          tr={tr}
          locale={p.locale}
          s={s}
          csrf={p.csrf}
          back={query(p.page)}
          form={p.form?.key === s.key ? p.form : undefined}
        />
      ))}
      {pages > 1 && (
        <nav class="pager" aria-label={t('editor.audit.pages')}>
          {p.page > 1 && <a href={query(p.page - 1)}>{t('held.previous')}</a>}{' '}
          <span>{t('held.page', { page: p.page, pages })}</span>{' '}
          {p.page < pages && <a href={query(p.page + 1)}>{t('held.next')}</a>}
        </nav>
      )}
      <section class="editor-panel" aria-labelledby="files">
        <h2 id="files">{t('interfaceStrings.files.title')}</h2>
        <ul>
          <li>
            <a href={`${base}/catalog.json`} download={`${p.locale}.json`}>
              {t('interfaceStrings.files.catalog', { file: isolate(`src/i18n/locales/${p.locale}.json`) })}
            </a>
          </li>
          <li>
            <a href={`${base}/review.json`} download={`${p.locale}.json`}>
              {t('interfaceStrings.files.review', { file: isolate(`src/i18n/review/${p.locale}.json`) })}
            </a>
          </li>
          <li>
            <a href={`${base}/strings.xlf`} download={`outcry-${p.locale}.xlf`}>
              {t('interfaceStrings.files.xliff')}
            </a>
          </li>
        </ul>
        {/* The CSRF field comes first: the server reads no file before it (security/multipart.ts). */}
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="editor-form">
          <Csrf token={p.csrf} />
          <FileField
            id="file"
            label={t('interfaceStrings.files.upload')}
            accept=".xlf,.xliff,application/xliff+xml"
            error={p.importError}
            help={t('interfaceStrings.files.uploadHelp')}
          />
          <SubmitButton>{t('interfaceStrings.files.uploadButton')}</SubmitButton>
        </form>
      </section>
    </EditorPage>
  );
}

function StringRow(p: {
  tr: Translator;
  locale: string;
  s: InterfaceString;
  csrf: string;
  back: string;
  form: BoardForm | undefined;
}) {
  const { tr, s } = p;
  const t = tr.t;
  const id = `k-${s.key.replaceAll('.', '-')}`;
  const state = s.reviewed ? t('interfaceStrings.state.reviewed') : t('interfaceStrings.state.notReviewed');
  const error = p.form?.errors.map((e) => errorText(tr, e)).join(' ');
  return (
    <section
      class="editor-panel translation-pair interface-string"
      id={id}
      aria-labelledby={`${id}-key`}
      data-key={s.key}
    >
      <div>
        <h2 class="interface-string__key" id={`${id}-key`}>
          <code>{s.key}</code>
        </h2>
        <p class="editor-list__meta">
          {state}
          {s.overridden && s.override && (
            <>
              {' · '}
              {t('interfaceStrings.state.correctedBy', {
                name: isolate(s.override.updatedBy ?? '—'),
                date: tr.date(s.override.updatedAt, 'medium'),
              })}
            </>
          )}
        </p>
        <p class="translation-source__label">{tr.languageName(sourceLocale)}</p>
        <p class="translation-source__text" lang={sourceLocale} dir={directionOf(sourceLocale)}>
          {s.english}
        </p>
        {s.description && (
          <p class="help" lang={sourceLocale} dir={directionOf(sourceLocale)}>
            {s.description}
          </p>
        )}
      </div>
      <form method="post" action={`${stringsPath(p.locale)}#${id}`} class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="key" value={s.key} />
        <input type="hidden" name="back" value={p.back} />
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for={`${id}-text`}>{tr.languageName(p.locale)}</label>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <textarea
            id={`${id}-text`}
            name="message"
            rows={Math.min(8, Math.max(2, Math.ceil(s.current.length / 60)))}
            lang={p.locale}
            dir={directionOf(p.locale)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            autofocus={error ? true : undefined}
          >
            {p.form?.message ?? s.current}
          </textarea>
        </div>
        <SubmitButton name="intent" value="review">
          {t('interfaceStrings.saveReviewed')}
        </SubmitButton>{' '}
        <SubmitButton kind="secondary" name="intent" value="save">
          {t('interfaceStrings.save')}
        </SubmitButton>
      </form>
    </section>
  );
}

function ImportReport({ tr, lines }: { tr: Translator; lines: ImportLine[] }) {
  const t = tr.t;
  const count = (r: ImportLine['result']) => lines.filter((l) => l.result === r).length;
  const notable = lines.filter((l) => l.result === 'refused' || l.result === 'unknown');
  const results: Record<'unknown' | 'refused', StringKey> = {
    unknown: 'interfaceStrings.import.unknown',
    refused: 'interfaceStrings.import.refused',
  };
  return (
    <section class="editor-panel" aria-labelledby="import-report">
      <h2 id="import-report">{t('interfaceStrings.import.title')}</h2>
      <p>
        {t('interfaceStrings.import.summary', {
          stored: count('stored'),
          unchanged: count('unchanged'),
          refused: count('refused') + count('unknown'),
        })}
      </p>
      {notable.length > 0 && (
        <table class="table">
          <tbody>
            {notable.map((l) => (
              <tr key={l.key}>
                <th scope="row">
                  <code>{l.key}</code>
                </th>
                <td>
                  {t(results[l.result as keyof typeof results])}
                  {l.result === 'refused' && `: ${l.errors.map((e) => errorText(tr, e)).join(' ')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
