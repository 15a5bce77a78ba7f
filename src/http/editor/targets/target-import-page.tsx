import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import { type CsvProblem, type CsvReport, csvLimits } from '../../../domain/campaign/target-csv.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { countryList } from '../../views/country-names.js';
import { Counts } from '../../views/editor/counts.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { megabytes } from '../../views/editor/labels.js';
import { RosterPage } from '../../views/editor/roster-page.js';
import { Csrf, FileField, Notice, SubmitButton, TextArea } from '../../views/form-fields.js';
import { languageLabel, targetErrorText } from './target-form.js';

const problemKeys: Record<CsvProblem['error'], StringKey> = {
  Empty: 'targets.import.problem.Empty',
  TooLarge: 'targets.import.problem.TooLarge',
  NotUtf8: 'targets.import.problem.NotUtf8',
  MissingColumns: 'targets.import.problem.MissingColumns',
  DuplicateColumn: 'targets.import.problem.DuplicateColumn',
  Malformed: 'targets.import.problem.Malformed',
  NoRows: 'targets.import.problem.NoRows',
  TooManyRows: 'targets.import.problem.TooManyRows',
};

const columnWords: Record<string, string> = {
  name: 'name',
  organisation: 'organisation',
  email: 'email',
  locale: 'language',
  timeZone: 'time zone',
};

export function problemText(tr: Translator, problem: CsvProblem): string {
  return tr.t(problemKeys[problem.error], {
    size: megabytes(tr, csvLimits.maxBytes),
    columns: 'columns' in problem ? tr.list(problem.columns.map((c) => columnWords[c] ?? c)) : '',
    column: 'column' in problem ? problem.column : '',
    line: 'line' in problem ? problem.line : 0,
    rows: 'rows' in problem ? problem.rows : 0,
    max: csvLimits.maxRows,
  });
}

const example = `name,organisation,email,language,time zone
Minister of Labour,Ministry of Labour,minister@labour.example.org,ru,Asia/Almaty
Press office,Ministry of Labour,press@labour.example.org,en,Asia/Almaty`;

export interface ImportPageProps extends EditorPageBase {
  campaign: RosterCampaign;
  /** What was pasted, shown again so it can be corrected in place. */
  pasted?: string;
  error?: string | undefined;
  report?: { report: CsvReport; token: string } | undefined;
}

function Report({ p, report, token }: { p: ImportPageProps; report: CsvReport; token: string }) {
  const { tr } = p;
  const t = tr.t;
  const errors = report.rows.filter((r) => r.status === 'error');
  const duplicates = report.rows.filter((r) => r.status === 'duplicate');
  const ok = report.rows.filter((r) => r.status === 'ok');
  return (
    <section class="editor-panel import-report" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('targets.import.report')}</h2>
      <p class="help">{t('targets.import.nothingSaved')}</p>
      <Counts
        tr={tr}
        counts={[
          { label: t('targets.import.count.ok'), value: ok.length },
          { label: t('targets.import.count.errors'), value: errors.length },
          { label: t('targets.import.count.duplicates'), value: duplicates.length },
        ]}
      />
      {report.ignoredColumns.length > 0 && (
        <p class="help">{t('targets.import.ignored', { columns: tr.list(report.ignoredColumns) })}</p>
      )}
      {report.good.length > 0 ? (
        <form method="post" action={`/editor/campaigns/${p.campaign.slug}/targets/import/confirm`}>
          <Csrf token={p.csrf} />
          <input type="hidden" name="rows" value={token} />
          <SubmitButton>{t('targets.import.button', { count: report.good.length })}</SubmitButton>
        </form>
      ) : (
        <Notice kind="error">{t('targets.import.noneGood')}</Notice>
      )}
      {errors.length > 0 && (
        <>
          <h3>{t('targets.import.errorsHeading')}</h3>
          <ul class="import-rows import-rows--error">
            {errors.map((r) =>
              r.status === 'error' ? (
                <li key={r.row}>
                  {r.errors.map((e) => (
                    <p key={e.field}>
                      {t('targets.import.rowError', {
                        row: r.row,
                        problem: targetErrorText(
                          tr,
                          e.field,
                          e.error,
                          e.field === 'row' || e.field === 'hourlyCap' ? '' : r.shown[e.field],
                        ),
                      })}
                    </p>
                  ))}
                  <p class="import-rows__shown">
                    <bdi dir="auto">{r.shown.name}</bdi> · <bdi dir="ltr">{r.shown.email}</bdi>
                  </p>
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h3>{t('targets.import.duplicatesHeading')}</h3>
          <ul class="import-rows">
            {duplicates.map((r) =>
              r.status === 'duplicate' ? (
                <li key={r.row}>
                  {r.firstRow === null
                    ? t('targets.import.duplicateExisting', { row: r.row, email: isolate(r.value.email) })
                    : t('targets.import.duplicateRow', {
                        row: r.row,
                        email: isolate(r.value.email),
                        first: r.firstRow,
                      })}
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
      {ok.length > 0 && (
        <>
          <h3>{t('targets.import.okHeading')}</h3>
          <ul class="import-rows">
            {ok.map((r) =>
              r.status === 'ok' ? (
                <li key={r.row}>
                  <span class="import-rows__row">{t('targets.import.rowLabel', { row: r.row })}</span>{' '}
                  <bdi dir="auto">{r.value.name}</bdi>
                  {r.value.organisation && (
                    <>
                      {', '}
                      <bdi dir="auto">{r.value.organisation}</bdi>
                    </>
                  )}{' '}
                  · <bdi dir="ltr">{r.value.email}</bdi>
                  {r.value.locale && <> · {languageLabel(tr, r.value.locale)}</>}
                  {r.value.timeZone && <> · {r.value.timeZone}</>}
                  {r.value.countries.length > 0 && (
                    <>
                      {' · '}
                      {t('targets.meta.countries', {
                        countries: countryList(tr.locale, r.value.countries),
                      })}
                    </>
                  )}
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
    </section>
  );
}

export function TargetImportPage(p: ImportPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const title = t('targets.import.title');
  const action = `/editor/campaigns/${campaign.slug}/targets/import`;
  return (
    <RosterPage {...p} title={title} back={{ to: 'targets', label: t('targets.title') }}>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.report && <Report p={p} report={p.report.report} token={p.report.token} />}
      <section class="editor-panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">
          {p.report || p.error ? t('targets.import.again') : t('targets.import.title')}
        </h2>
        <p>{t('targets.import.intro')}</p>
        <p>{t('targets.import.example')}</p>
        <pre class="import-example" dir="ltr">
          {example}
        </pre>
        <p class="help">
          {t('targets.import.limits', {
            rows: tr.number(csvLimits.maxRows),
            size: megabytes(tr, csvLimits.maxBytes),
          })}
        </p>
        <form method="post" action={action} enctype="multipart/form-data" class="editor-form" novalidate>
          <Csrf token={p.csrf} />
          <FileField id="file" label={t('targets.import.file')} accept=".csv,text/csv,text/plain" />
          <SubmitButton>{t('targets.import.fileButton')}</SubmitButton>
        </form>
        <form method="post" action={action} class="editor-form import-paste" novalidate>
          <Csrf token={p.csrf} />
          <TextArea
            id="csv"
            label={t('targets.import.paste')}
            value={p.pasted ?? ''}
            dir="auto"
            spellcheck={false}
          />
          <SubmitButton>{t('targets.import.pasteButton')}</SubmitButton>
        </form>
      </section>
    </RosterPage>
  );
}
