// The final dossier in a closed campaign's close-out (decision 0035): the close asked for it, so the panel
// follows it like the dossiers page does (waiting, documents done, failed with the reason) and offers the
// PDF when it is ready to those who may download dossiers; once it is gone (deleted after the dossier
// retention, or failed) it points to the dossiers page to make another.
import type { User } from '../../../domain/account/account.js';
import { can } from '../../../domain/account/permissions.js';
import type { DossierRequest } from '../../../domain/petition/dossier.js';
import type { Translator } from '../../../i18n/translator.js';

const failures = {
  renderer_missing: 'editor.dossier.failed.renderer',
  campaign_missing: 'editor.dossier.failed.campaign',
} as const;

/** Whether the page should reload itself to show progress. */
export const dossierBusy = (d: DossierRequest | undefined): boolean =>
  d !== undefined && (d.status === 'queued' || d.status === 'running');

export function CloseOutDossier({
  tr,
  user,
  slug,
  sourceLocale,
  dossier,
}: {
  tr: Translator;
  user: Pick<User, 'role'>;
  slug: string;
  sourceLocale: string;
  dossier: DossierRequest | undefined;
}) {
  const t = tr.t;
  const others = <a href={`/editor/campaigns/${slug}/dossiers`}>{t('editor.dossier.link')}</a>;
  if (!dossier) {
    return (
      <>
        {t('closeOut.dossierGone')} {can(user.role, 'reports:read') && others}
      </>
    );
  }
  const label = t('closeOut.dossier', { language: tr.languageName(dossier.locale || sourceLocale) });
  if (dossier.status === 'queued')
    return (
      <>
        {label} {t('editor.dossier.status.queued')} {t('editor.dossier.reloading')}
      </>
    );
  if (dossier.status === 'running')
    return (
      <>
        {label}{' '}
        <progress
          class="close-out__progress"
          max={Math.max(dossier.total, 1)}
          value={dossier.done}
          aria-label={t('editor.dossier.progressLabel')}
        >
          {t('editor.dossier.status.printing', { done: dossier.done, total: dossier.total })}
        </progress>{' '}
        {t('editor.dossier.reloading')}
      </>
    );
  if (dossier.status === 'failed')
    return (
      <>
        {label}{' '}
        <strong>
          {t(
            dossier.error === 'renderer_missing' || dossier.error === 'campaign_missing'
              ? failures[dossier.error]
              : 'editor.dossier.failed.render',
          )}
        </strong>{' '}
        {can(user.role, 'reports:read') && others}
      </>
    );
  const size = new Intl.NumberFormat(tr.locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format((dossier.size ?? 0) / 1_000_000);
  return (
    <>
      {label}{' '}
      {can(user.role, 'reports:read') && (
        <>
          <a
            class="button button--small"
            href={`/editor/campaigns/${slug}/dossiers/${dossier.id}/file`}
            download
          >
            {t('editor.dossier.downloadPdf')}
          </a>{' '}
        </>
      )}
      {t('editor.dossier.status.done', { pages: dossier.pages, signers: dossier.signers, size })}
      {' · '}
      {t('editor.dossier.deletedOn', { date: tr.date(dossier.expiresAt) })}
    </>
  );
}
