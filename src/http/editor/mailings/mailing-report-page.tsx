import {
  inProgress,
  type Mailing,
  type MailingProgress,
  type MailingReportLine,
} from '../../../domain/mailing/mailing.js';
import type { PausedDomain } from '../../../domain/mailing/mailing.ports.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { TableSection } from '../../views/editor/table-section.js';
import { Csrf, SubmitButton } from '../../views/form-fields.js';
import { progressText, statusLabel } from './mailing-labels.js';
import { MailingSubpage } from './mailing-subpage.js';

export interface MailingReportPageProps extends EditorPageBase {
  mailing: Mailing;
  progress: MailingProgress;
  report: MailingReportLine[];
  /** Receiving domains paused by a policy refusal, with this mailing's recipients waiting for them. */
  paused: PausedDomain[];
}

export function MailingReportPage(p: MailingReportPageProps) {
  const t = p.tr.t;
  const n = p.tr.number;
  const m = p.mailing;
  const title = t('mailings.report.title', { subject: m.subject });
  const live = inProgress(m.status);
  const done = p.progress.sent + p.progress.failed + p.progress.bounced;
  const columns = [
    'recipients',
    'sent',
    'bounced',
    'complaints',
    'unsubscribed',
    'failed',
    'signatures',
  ] as const;
  return (
    <MailingSubpage page={p} mailing={m} title={title}>
      <section
        data-progress={live ? `/editor/mailings/${m.id}/progress.json` : undefined}
        aria-labelledby="progress-heading"
      >
        <h2 id="progress-heading">{t('mailings.report.progress')}</h2>
        <p>
          <strong data-progress-status>{t(statusLabel[m.status])}</strong>
        </p>
        <progress
          class="mailing-progress"
          max={Math.max(p.progress.total, 1)}
          value={done}
          data-progress-bar
          aria-describedby="progress-text"
        />
        <p id="progress-text" data-progress-text aria-live="polite">
          {progressText(p.tr, p.progress)}
        </p>
        {live && (
          <p>
            <a href={`/editor/mailings/${m.id}/report`}>{t('mailings.report.reload')}</a>
          </p>
        )}
      </section>
      {p.paused.length > 0 && (
        <section class="notice paused-domains" aria-labelledby="paused-heading" data-paused-domains>
          <h2 id="paused-heading">{t('mailings.report.pausedDomains')}</h2>
          {p.paused.map((d) => (
            <div key={d.domain} data-paused={d.domain}>
              <p>{t('delivery.domainPaused', { domain: d.domain, reason: d.reason })}</p>
              <p>{t('mailings.report.pausedWaiting', { count: d.waiting, domain: d.domain })}</p>
              <form
                method="post"
                action={`/editor/mailings/${m.id}/domains/${encodeURIComponent(d.domain)}/resume`}
              >
                <Csrf token={p.csrf} />
                <SubmitButton>{t('delivery.resumeDomain', { domain: d.domain })}</SubmitButton>
              </form>
            </div>
          ))}
        </section>
      )}
      {/* Eight columns do not fit a phone: TableSection scrolls the table sideways, not the page. */}
      <TableSection
        id="report-heading"
        title={t('mailings.report.byLanguage')}
        empty={p.report.length === 0 && t('mailings.report.empty')}
        columns={[t('mailings.table.language'), ...columns.map((c) => t(`mailings.report.${c}`))]}
      >
        {p.report.map((line) => (
          <tr key={line.locale} data-report={line.locale}>
            <th scope="row">{p.tr.languageName(line.locale)}</th>
            {columns.map((c) => (
              <td key={c} data-column={c}>
                {n(line[c])}
              </td>
            ))}
          </tr>
        ))}
      </TableSection>
      <script src="/assets/mailings.js" defer />
    </MailingSubpage>
  );
}
