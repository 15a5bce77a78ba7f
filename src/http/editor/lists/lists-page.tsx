import { can } from '../../../domain/account/permissions.js';
import type { ImportOutcome, ImportReport } from '../../../domain/list-admin/import-subscribers.js';
import { consentSourceMax } from '../../../domain/list-admin/import-subscribers.js';
import { importLimits } from '../../../domain/list-admin/subscriber-csv.js';
import type { ListsOverview } from '../../../domain/list-admin/view-lists.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { Counts } from '../../views/editor/counts.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, FileField, Notice, SelectField, SubmitButton, TextArea } from '../../views/form-fields.js';

export const outcomeKeys: Record<ImportOutcome, StringKey> = {
  added: 'editor.lists.outcome.added',
  joined: 'editor.lists.outcome.joined',
  already_on_list: 'editor.lists.outcome.already_on_list',
  skipped_unsubscribed: 'editor.lists.outcome.skipped_unsubscribed',
  skipped_suppressed: 'editor.lists.outcome.skipped_suppressed',
  erased: 'editor.lists.outcome.erased',
  invalid_email: 'editor.lists.outcome.invalid_email',
  invalid_row: 'editor.lists.outcome.invalid_row',
  duplicate: 'editor.lists.outcome.duplicate',
};

const sourceKeys: Record<'signature' | 'signup' | 'import', StringKey> = {
  signature: 'editor.lists.source.signature',
  signup: 'editor.lists.source.signup',
  import: 'editor.lists.source.import',
};

/** Rows of a report shown on the page; the download has them all. */
export const reportRowsShown = 200;

export interface ImportFormState {
  locale: string;
  consentSource: string;
  /** Already translated. */
  error?: string | undefined;
  field?: 'consentSource' | 'file' | undefined;
}

export interface ListsPageProps extends EditorPageBase {
  overview: ListsOverview;
  form: ImportFormState;
  report?: { report: ImportReport; token: string } | undefined;
}

/** "Spanish (es)": the editor's language names the list, the tag tells lists of one language apart. */
export const listName = (tr: Translator, locale: string) => `${tr.languageName(locale)} (${locale})`;

function Lists({ p }: { p: ListsPageProps }) {
  const { tr } = p;
  const t = tr.t;
  const mayExport = can(p.user.role, 'supporters:export');
  if (p.overview.lists.length === 0) return <p>{t('editor.lists.none')}</p>;
  return (
    <ul class="editor-list">
      {p.overview.lists.map((l) => (
        <li key={l.locale} class="editor-list__item">
          <h3>{listName(tr, l.locale)}</h3>
          <Counts
            tr={tr}
            counts={[
              { label: t('editor.lists.subscribed'), value: l.subscribed },
              { label: t('editor.lists.pending'), value: l.pending },
              { label: t('editor.lists.unsubscribed'), value: l.unsubscribed },
            ]}
          />
          <p class="editor-list__meta">
            {l.lastJoinedAt === null
              ? t('editor.lists.noJoins')
              : t('editor.lists.lastJoined', { date: tr.date(l.lastJoinedAt, 'medium') })}
          </p>
          {mayExport && l.subscribed > 0 && (
            <p>
              <a href={`/editor/lists/${encodeURIComponent(l.locale)}/export.csv`} download>
                {t('editor.lists.export', { list: isolate(listName(tr, l.locale)) })}
              </a>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function Recent({ p }: { p: ListsPageProps }) {
  const { tr } = p;
  const t = tr.t;
  if (p.overview.recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('editor.lists.recent')}</h2>
      <ul class="editor-list">
        {p.overview.recent.map((r, i) => (
          <li key={i} class="editor-list__item">
            <span>
              <bdi dir="ltr">{r.email}</bdi>
            </span>
            <span class="editor-list__meta">
              {listName(tr, r.locale)} · {t(sourceKeys[r.source])} · {tr.date(r.joinedAt, 'medium')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An import's report: counts per outcome, the download, the first rows not added or joined. */
export function Report({
  p,
  report,
  token,
}: {
  p: Pick<ListsPageProps, 'tr' | 'csrf'>;
  report: ImportReport;
  token: string;
}) {
  const { tr } = p;
  const t = tr.t;
  const notable = report.rows.filter((r) => r.outcome !== 'added' && r.outcome !== 'joined');
  const shown = notable.slice(0, reportRowsShown);
  return (
    <section class="editor-panel import-report" aria-labelledby="report-heading" id="report">
      <h2 id="report-heading">
        {t('editor.lists.report.title', { list: isolate(listName(tr, report.locale)) })}
      </h2>
      <p>{t('editor.lists.report.rows', { count: report.rows.length })}</p>
      <Counts
        tr={tr}
        counts={(Object.keys(outcomeKeys) as ImportOutcome[])
          .filter((o) => report.counts[o] > 0 || o === 'added')
          .map((o) => ({ label: t(outcomeKeys[o]), value: report.counts[o] }))}
      />
      <form method="post" action="/editor/lists/import/report.csv">
        <Csrf token={p.csrf} />
        <input type="hidden" name="report" value={token} />
        <SubmitButton>{t('editor.lists.report.download')}</SubmitButton>
      </form>
      {shown.length > 0 && (
        <>
          <h3>{t('editor.lists.report.notAdded')}</h3>
          {notable.length > shown.length && (
            <p class="help">
              {t('editor.lists.report.more', { shown: shown.length, count: notable.length })}
            </p>
          )}
          <ul class="editor-list">
            {shown.map((r) => (
              <li key={r.row} class="editor-list__item">
                <span>
                  {t('editor.lists.report.row', { row: r.row })} ·{' '}
                  <strong>{t(outcomeKeys[r.outcome])}</strong>
                </span>
                <span class="editor-list__meta">
                  <bdi dir="ltr">{r.email || '—'}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ImportForm({ p }: { p: ListsPageProps }) {
  const { tr } = p;
  const t = tr.t;
  const collator = new Intl.Collator(tr.locale);
  const existing = new Set(p.overview.lists.map((l) => l.locale));
  const locales = new Set(p.overview.importLocales);
  // A list typed into a changed form or chosen before a failed import stays chosen.
  if (p.form.locale) locales.add(p.form.locale);
  const options = [...locales]
    .map((code) => ({ value: code, label: listName(tr, code) }))
    .sort(
      (a, b) =>
        Number(existing.has(b.value)) - Number(existing.has(a.value)) || collator.compare(a.label, b.label),
    );
  return (
    <section class="editor-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('editor.lists.import.title')}</h2>
      <p>{t('editor.lists.import.intro', { max: importLimits.maxRows })}</p>
      <pre dir="ltr">{'email,name,country\nana@example.org,Ana Souza,BR\nerlan@example.org,,KZ'}</pre>
      {p.form.error && !p.form.field && <Notice kind="error">{p.form.error}</Notice>}
      {/* The CSRF field comes first: the server reads no file before it (security/multipart.ts). */}
      <form method="post" action="/editor/lists/import" enctype="multipart/form-data" class="editor-form">
        <Csrf token={p.csrf} />
        <SelectField
          id="locale"
          label={t('editor.lists.import.list')}
          options={options}
          value={p.form.locale}
          required
        />
        <TextArea
          id="consentSource"
          label={t('editor.lists.import.consent')}
          help={t('editor.lists.import.consentHelp')}
          value={p.form.consentSource}
          rows={3}
          required
          maxLength={consentSourceMax}
          error={p.form.field === 'consentSource' ? p.form.error : undefined}
        />
        <FileField
          id="file"
          label={t('editor.lists.import.file')}
          accept=".csv,text/csv"
          error={p.form.field === 'file' ? p.form.error : undefined}
        />
        <SubmitButton>{t('editor.lists.import.button')}</SubmitButton>
      </form>
    </section>
  );
}

export function ListsPage(p: ListsPageProps) {
  const t = p.tr.t;
  return (
    <EditorPage page={p} title={t('editor.lists.title')} section="lists">
      <h1>{t('editor.lists.title')}</h1>
      {p.report && <Report p={p} report={p.report.report} token={p.report.token} />}
      <Lists p={p} />
      <p>
        <a href="/editor/lists/suppressed">{t('editor.lists.suppressed.link')}</a>
      </p>
      <Recent p={p} />
      <ImportForm p={p} />
    </EditorPage>
  );
}
