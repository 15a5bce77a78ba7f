// The editors' dossier page: the form to make a dossier (one PDF, or one PDF per country as a ZIP; the
// language; some countries or all) and the campaign's dossiers with their progress, download links and the
// date each is deleted. While one is being made the page reloads itself (a Refresh header, no JavaScript).
import type { CampaignWithContent } from '../../../domain/campaign/campaign.js';
import { publishedLocales } from '../../../domain/campaign/campaign.js';
import type { DossierRequest } from '../../../domain/petition/dossier.js';
import { isolate } from '../../../i18n/translator.js';
import { countryName } from '../../views/country-names.js';
import { CampaignHeading } from '../../views/editor/campaign-heading.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { Csrf, Notice, SelectField } from '../../views/form-fields.js';

export interface DossierPageProps extends EditorPageBase {
  campaign: CampaignWithContent;
  headline: string;
  dossiers: DossierRequest[];
  countries: { country: string; n: number }[];
  rendererReady: boolean;
  error?: 'locale' | 'countries' | undefined;
  queued?: boolean;
  /** Partners that gave an age key: each finished dossier can be downloaded encrypted for one of them. */
  keyedPartners: { id: number; name: string }[];
}

const megabytes = (tr: EditorPageBase['tr'], bytes: number) =>
  new Intl.NumberFormat(tr.locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );

function Status({ p, d }: { p: DossierPageProps; d: DossierRequest }) {
  const { tr } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${p.campaign.slug}/dossiers/${d.id}`;
  if (d.status === 'queued') return <>{t('editor.dossier.status.queued')}</>;
  if (d.status === 'running')
    return (
      <progress max={Math.max(d.total, 1)} value={d.done} aria-label={t('editor.dossier.progressLabel')}>
        {d.kind === 'pdf'
          ? t('editor.dossier.status.printing', { done: d.done, total: d.total })
          : t('editor.dossier.status.running', { done: d.done, total: d.total, pages: d.pages })}
      </progress>
    );
  if (d.status === 'failed')
    return (
      <strong>
        {t(
          d.error === 'renderer_missing'
            ? 'editor.dossier.failed.renderer'
            : d.error === 'campaign_missing'
              ? 'editor.dossier.failed.campaign'
              : 'editor.dossier.failed.render',
        )}
      </strong>
    );
  return (
    <>
      <a class="button button--small" href={`${base}/file`} download>
        {t(d.kind === 'zip' ? 'editor.dossier.downloadZip' : 'editor.dossier.downloadPdf')}
      </a>{' '}
      {p.keyedPartners.map((x) => (
        <span key={x.id}>
          <a class="button button--small button--secondary" href={`${base}/file?partner=${x.id}`} download>
            {t('editor.dossier.downloadFor', { partner: isolate(x.name) })}
          </a>{' '}
        </span>
      ))}
      {t('editor.dossier.status.done', {
        pages: d.pages,
        signers: d.signers,
        size: megabytes(tr, d.size ?? 0),
      })}
    </>
  );
}

export function DossierPage(p: DossierPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const title = t('editor.dossier.title');
  const base = `/editor/campaigns/${campaign.slug}/dossiers`;
  const busy = p.dossiers.some((d) => d.status === 'queued' || d.status === 'running');
  const places = p.countries
    .map((c) => ({ ...c, name: countryName(tr.locale, c.country) ?? c.country }))
    .sort((a, b) => a.name.localeCompare(b.name, tr.locale));
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <CampaignHeading tr={tr} campaign={{ slug: campaign.slug, headline: p.headline }} title={title} />
      <p class="help">{t('editor.dossier.help')}</p>
      {!p.rendererReady && <Notice kind="error">{t('editor.dossier.rendererMissing')}</Notice>}
      {p.queued && <Notice>{t('editor.dossier.queued')}</Notice>}
      {p.error && (
        <Notice kind="error">
          {t(p.error === 'locale' ? 'editor.dossier.error.locale' : 'editor.dossier.error.countries')}
        </Notice>
      )}
      <section class="editor-panel" aria-labelledby="dossier-new">
        <h2 id="dossier-new">{t('editor.dossier.new')}</h2>
        <form method="post" action={base} class="editor-form">
          <Csrf token={p.csrf} />
          <fieldset>
            <legend>{t('editor.dossier.kind')}</legend>
            <div class="field field--check">
              <input type="radio" id="kind-pdf" name="kind" value="pdf" checked />
              <label for="kind-pdf">{t('editor.dossier.kind.pdf')}</label>
            </div>
            <div class="field field--check">
              <input type="radio" id="kind-zip" name="kind" value="zip" />
              <label for="kind-zip">{t('editor.dossier.kind.zip')}</label>
            </div>
          </fieldset>
          <SelectField
            id="locale"
            label={t('editor.dossier.language')}
            value={campaign.sourceLocale}
            options={publishedLocales(campaign).map((l) => ({ value: l, label: tr.languageName(l) }))}
          />
          {places.length > 0 && (
            <fieldset>
              <legend>{t('editor.dossier.countries')}</legend>
              <p class="help">{t('editor.dossier.countriesHelp')}</p>
              <div class="scope-languages__grid">
                {places.map((c) => (
                  <div key={c.country} class="field field--check">
                    <input type="checkbox" id={`country-${c.country}`} name="country" value={c.country} />
                    <label for={`country-${c.country}`}>
                      {c.name} ({tr.number(c.n)})
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          <button class="button" type="submit" disabled={!p.rendererReady || undefined}>
            {t('editor.dossier.make')}
          </button>
        </form>
      </section>
      <section aria-labelledby="dossier-list">
        <h2 id="dossier-list">{t('editor.dossier.list')}</h2>
        {busy && (
          <p class="help">
            {t('editor.dossier.reloading')} <a href={base}>{t('editor.dossier.reload')}</a>
          </p>
        )}
        {p.dossiers.length === 0 ? (
          <p>{t('editor.dossier.none')}</p>
        ) : (
          <ul class="editor-list">
            {p.dossiers.map((d) => (
              <li key={d.id} class="editor-list__item">
                <div>
                  <strong>
                    {t(d.kind === 'zip' ? 'editor.dossier.kind.zip' : 'editor.dossier.kind.pdf')}
                  </strong>
                  {' · '}
                  {tr.languageName(d.locale)}
                  {' · '}
                  {d.countries.length === 0
                    ? t('editor.dossier.allCountries')
                    : tr.list(d.countries.map((c) => countryName(tr.locale, c) ?? c))}
                  <br />
                  <span class="help">
                    {dateTime(tr, d.createdAt)} ·{' '}
                    {t('editor.dossier.deletedOn', { date: tr.date(d.expiresAt, 'medium') })}
                  </span>
                </div>
                <div>
                  <Status p={p} d={d} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </EditorPage>
  );
}
