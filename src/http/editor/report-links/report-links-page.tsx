// The editors' page of a campaign's partner report links: make one for a partner organisation (shown once,
// to copy), see every link with its state and uses, revoke one. Also the report itself, shared by the
// partner's link page and the editor area (the same numbers and list for a partner account).
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import type { ReportCounts, ReportLink } from '../../../domain/partner-report/partner-report.ports.js';
import { linkState, reportLinkDays } from '../../../domain/partner-report/report-link.js';
import {
  displaySigner,
  type PetitionNames,
  type PetitionSignerRow,
} from '../../../domain/petition/petition.js';
import type { Translator } from '../../../i18n/translator.js';
import { countryName } from '../../views/country-names.js';
import { DataTable } from '../../views/data-table.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { RosterPage } from '../../views/editor/roster-page.js';
import { TableSection } from '../../views/editor/table-section.js';
import { Csrf, ErrorSummary, Notice, SelectField, SubmitButton } from '../../views/form-fields.js';

export interface ReportLinksPageProps extends EditorPageBase {
  campaign: RosterCampaign;
  partners: { id: number; name: string }[];
  links: ReportLink[];
  now: number;
  notice?: string | undefined;
  /** A link just made: its address, shown this once. */
  created?: { url: string; partner: string } | undefined;
  partnerError?: boolean;
}

export function ReportLinksPage(p: ReportLinksPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/report-links`;
  const errors = p.partnerError ? [{ field: 'report-partner', text: t('reportLinks.error.partner') }] : [];
  return (
    <RosterPage {...p} title={t('reportLinks.title')} back={{ to: 'partners', label: t('reportLinks.back') }}>
      {p.notice && <Notice>{p.notice}</Notice>}
      {p.created && (
        <section class="editor-panel notice notice--important" aria-labelledby="report-created">
          <h2 id="report-created">{t('reportLinks.createdLabel', { partner: p.created.partner })}</h2>
          <p>{t('reportLinks.created', { partner: p.created.partner })}</p>
          <input
            class="share__link"
            type="url"
            readOnly
            value={p.created.url}
            dir="ltr"
            aria-labelledby="report-created"
          />
        </section>
      )}
      <p class="help">{t('reportLinks.help')}</p>
      <p>
        <a href={`/editor/campaigns/${campaign.slug}/age-keys`}>{t('ageKeys.title')}</a>
      </p>
      {p.partners.length === 0 ? (
        <p>{t('reportLinks.noPartners')}</p>
      ) : (
        <section class="editor-panel" aria-labelledby="report-new">
          <h2 id="report-new">{t('reportLinks.new')}</h2>
          <ErrorSummary title={t('form.errors.summary', { count: errors.length })} errors={errors} />
          <form method="post" action={base} class="editor-form" novalidate>
            <Csrf token={p.csrf} />
            <SelectField
              id="report-partner"
              name="partnerId"
              label={t('reportLinks.partner')}
              options={p.partners.map((x) => ({ value: String(x.id), label: x.name }))}
              value=""
              error={p.partnerError ? t('reportLinks.error.partner') : undefined}
            />
            <SelectField
              id="report-days"
              name="days"
              label={t('reportLinks.days')}
              options={reportLinkDays.map((d) => ({
                value: String(d),
                label: t('reportLinks.daysOption', { days: d }),
              }))}
              value="30"
            />
            <div class="editor-actions">
              <SubmitButton>{t('reportLinks.create')}</SubmitButton>
            </div>
          </form>
        </section>
      )}
      <TableSection
        id="report-list"
        title={t('reportLinks.list')}
        empty={p.links.length === 0 && t('reportLinks.none')}
        columns={[
          t('reportLinks.col.partner'),
          t('reportLinks.col.created'),
          t('reportLinks.col.expires'),
          t('reportLinks.col.used'),
          t('reportLinks.col.state'),
          <span class="dash-sr-only" key="revoke">
            {t('reportLinks.revoke')}
          </span>,
        ]}
      >
        {p.links.map((link) => {
          const state = linkState(link, p.now);
          return (
            <tr key={link.id}>
              <td dir="auto">{link.partnerName}</td>
              <td>
                {dateTime(tr, link.createdAt)}
                {link.createdBy && (
                  <>
                    <br />
                    <bdi dir="ltr">{link.createdBy}</bdi>
                  </>
                )}
              </td>
              <td>{dateTime(tr, link.expiresAt)}</td>
              <td>
                {link.lastUsedAt === null
                  ? t('reportLinks.neverUsed')
                  : t('reportLinks.used', { uses: link.uses, last: dateTime(tr, link.lastUsedAt) })}
              </td>
              <td>{t(`reportLinks.state.${state}`)}</td>
              <td>
                {state === 'live' && (
                  <form method="post" action={`${base}/${link.id}/revoke`}>
                    <Csrf token={p.csrf} />
                    <SubmitButton kind="secondary">{t('reportLinks.revoke')}</SubmitButton>
                  </form>
                )}
              </td>
            </tr>
          );
        })}
      </TableSection>
    </RosterPage>
  );
}

/** The report's body: total, per country, per language, the newest signers, the CSV and the dossier. */
export function PartnerReport(p: {
  tr: Translator;
  counts: ReportCounts;
  newest: PetitionSignerRow[];
  petitionNames: PetitionNames;
  csvHref: string;
  /** The printable dossier on offer (the newest whole-petition PDF, or the final one), if any. */
  dossier?: { href: string; createdAt: number } | undefined;
}) {
  const { tr, counts } = p;
  const t = tr.t;
  return (
    <>
      <p class="report__total">
        <strong>{t('partnerReport.total', { count: counts.total })}</strong>
      </p>
      <p>
        <a href={p.csvHref} download>
          {t('partnerReport.download')}
        </a>
      </p>
      {p.dossier && (
        <p>
          <a href={p.dossier.href} download>
            {t('partnerReport.downloadDossier', { date: tr.date(p.dossier.createdAt) })}
          </a>
        </p>
      )}
      <div class="report__tables">
        <section aria-labelledby="report-countries">
          <h2 id="report-countries">{t('partnerReport.byCountry')}</h2>
          <CountTable
            tr={tr}
            head={t('partnerReport.col.country')}
            rows={counts.byCountry.map((r) => ({
              key: r.country,
              label: countryName(tr.locale, r.country) ?? r.country,
              n: r.n,
            }))}
          />
        </section>
        <section aria-labelledby="report-languages">
          <h2 id="report-languages">{t('partnerReport.byLanguage')}</h2>
          <CountTable
            tr={tr}
            head={t('partnerReport.col.language')}
            rows={counts.byLanguage.map((r) => ({ key: r.locale, label: tr.languageName(r.locale), n: r.n }))}
          />
        </section>
      </div>
      <section aria-labelledby="report-newest">
        <h2 id="report-newest">{t('partnerReport.newest')}</h2>
        {p.newest.length === 0 ? (
          <p>{t('partnerReport.noSigners')}</p>
        ) : (
          <ol class="report__signers">
            {p.newest.map((row) => {
              const shown = displaySigner(row, p.petitionNames);
              const place = countryName(tr.locale, shown.country);
              return (
                <li key={row.id}>
                  <bdi>{shown.name ?? t('petition.anonymous', { country: place ?? '' })}</bdi>
                  {shown.union && (
                    <>
                      {' '}
                      · <bdi>{shown.union}</bdi>
                    </>
                  )}
                  {shown.name && place && <> · {place}</>} · {dateTime(tr, row.signedAt)}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}

function CountTable(p: { tr: Translator; head: string; rows: { key: string; label: string; n: number }[] }) {
  if (p.rows.length === 0) return <p>{p.tr.t('partnerReport.noSigners')}</p>;
  return (
    <DataTable class="table" columns={[p.head, p.tr.t('partnerReport.col.count')]}>
      {p.rows.map((r) => (
        <tr key={r.key}>
          <td>{r.label}</td>
          <td>{p.tr.number(r.n)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
