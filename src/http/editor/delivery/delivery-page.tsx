import { addressDomain } from '../../../domain/delivery/delivery.js';
import type { DeliveryReport, TargetDeliveryRow } from '../../../domain/delivery/delivery.ports.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { Counts } from '../../views/editor/counts.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, Notice, SubmitButton } from '../../views/form-fields.js';

const countKeys: [string, StringKey][] = [
  ['queued', 'delivery.count.queued'],
  ['sending', 'delivery.count.sending'],
  ['sent', 'delivery.count.sent'],
  ['deferred', 'delivery.count.deferred'],
  ['held', 'delivery.count.held'],
  ['digested', 'delivery.count.digested'],
  ['bounced', 'delivery.count.bounced'],
  ['failed', 'delivery.count.failed'],
  ['unknown', 'delivery.count.unknown'],
];

const stateKeys: Record<TargetDeliveryRow['status'], StringKey> = {
  active: 'delivery.state.active',
  paused: 'delivery.state.paused',
  bounced: 'delivery.state.bounced',
};

export interface DeliveryPageProps extends EditorPageBase {
  canEdit: boolean;
  report: DeliveryReport;
  notice?: string | undefined;
  error?: { targetId: number; message: string; value: string } | undefined;
}

function time(tr: Translator, ms: number | null): string {
  return ms === null
    ? '–'
    : `${new Intl.DateTimeFormat(tr.locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(ms)} UTC`;
}

function TargetCard({ p, target }: { p: DeliveryPageProps; target: TargetDeliveryRow }) {
  const { tr, csrf, report, canEdit } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${report.slug}/delivery/targets/${target.id}`;
  const error = p.error?.targetId === target.id ? p.error : undefined;
  const shown = countKeys.filter(([k]) => (target.counts[k] ?? 0) > 0);
  const digests = target.counts.digest_sent ?? 0;
  return (
    <li class={`editor-panel delivery-target delivery-target--${target.status}`} id={`target-${target.id}`}>
      <h2 dir="auto">
        {target.name}
        {target.organisation && target.organisation !== target.name ? `, ${target.organisation}` : ''}
      </h2>
      <p class="delivery-target__meta">
        <span dir="ltr">{target.email}</span> ·{' '}
        {t(target.kind === 'copy' ? 'delivery.kind.copy' : 'delivery.kind.target')} ·{' '}
        <strong>{t(stateKeys[target.status])}</strong>
      </p>
      {target.replacedEmail && <p class="help">{t('delivery.replaced', { email: target.replacedEmail })}</p>}
      {target.domainPaused && (
        <Notice kind="error">
          {t('delivery.domainPaused', {
            domain: addressDomain(target.email),
            reason: target.domainPaused.reason ?? '',
          })}
        </Notice>
      )}
      <Counts
        tr={tr}
        before={shown.length === 0 && <div>{t('delivery.count.none')}</div>}
        counts={[
          ...shown.map(([k, key]) => ({ label: t(key), value: target.counts[k] ?? 0 })),
          ...(digests > 0 ? [{ label: t('delivery.count.digests'), value: digests }] : []),
        ]}
      />
      <p class="help">
        {t('delivery.lastAttempt', { time: time(tr, target.lastAttemptAt) })} ·{' '}
        {t('delivery.lastSent', { time: time(tr, target.lastSentAt) })}
      </p>
      {target.lastError && (
        <p class="delivery-target__error">
          {t('delivery.lastError')} <code dir="ltr">{target.lastError}</code>
        </p>
      )}
      {canEdit && (
        <div class="delivery-actions">
          {target.status === 'bounced' && (
            <form method="post" action={`${base}/replace`} class="editor-form" novalidate>
              <Csrf token={csrf} />
              <label for={`email-${target.id}`}>{t('delivery.replace.label')}</label>
              {error && (
                <p class="field-error" id={`email-${target.id}-error`}>
                  {error.message}
                </p>
              )}
              <input
                id={`email-${target.id}`}
                name="email"
                type="email"
                dir="ltr"
                required
                maxLength={320}
                value={error?.value ?? ''}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `email-${target.id}-error` : undefined}
              />
              <SubmitButton>{t('delivery.replace.button')}</SubmitButton>
            </form>
          )}
          {target.status !== 'bounced' && (
            <form method="post" action={`${base}/${target.status === 'paused' ? 'resume' : 'pause'}`}>
              <Csrf token={csrf} />
              <SubmitButton>
                {t(target.status === 'paused' ? 'delivery.resume' : 'delivery.pause')}
              </SubmitButton>
            </form>
          )}
          {target.domainPaused && (
            <form
              method="post"
              action={`/editor/campaigns/${report.slug}/delivery/domains/${addressDomain(target.email)}/resume`}
            >
              <Csrf token={csrf} />
              <SubmitButton>
                {t('delivery.resumeDomain', { domain: addressDomain(target.email) })}
              </SubmitButton>
            </form>
          )}
          {(target.counts.unknown ?? 0) > 0 && (
            <form method="post" action={`${base}/resend-unknown`}>
              <Csrf token={csrf} />
              <p class="help">{t('delivery.unknownHelp')}</p>
              <SubmitButton>
                {t('delivery.resendUnknown', { count: target.counts.unknown ?? 0 })}
              </SubmitButton>
            </form>
          )}
        </div>
      )}
    </li>
  );
}

export function DeliveryPage(p: DeliveryPageProps) {
  const { tr, report } = p;
  const t = tr.t;
  const title = t('delivery.title', { campaign: report.slug });
  return (
    <EditorPage page={p} title={title} section="delivery">
      <h1 dir="auto">{title}</h1>
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>
        {t(
          report.deliveryMode === 'petition_only'
            ? 'delivery.mode.petition'
            : report.deliveryMode === 'digest'
              ? 'delivery.mode.digest'
              : 'delivery.mode.individual',
        )}
      </p>
      <ul class="delivery-targets">
        {report.targets.map((target) => (
          <TargetCard key={target.id} p={p} target={target} />
        ))}
      </ul>
    </EditorPage>
  );
}

export function DeliveryOverviewPage(
  p: EditorPageBase & {
    campaigns: {
      slug: string;
      headline: string;
      status: string;
      counts: Record<string, number>;
      openAlerts: number;
    }[];
  },
) {
  const { tr } = p;
  const t = tr.t;
  return (
    <EditorPage page={p} title={t('delivery.overview.title')} section="delivery" heading>
      {p.campaigns.length === 0 && <p>{t('delivery.overview.none')}</p>}
      <ul class="delivery-targets">
        {p.campaigns.map((c) => {
          const waiting =
            (c.counts.queued ?? 0) +
            (c.counts.deferred ?? 0) +
            (c.counts.sending ?? 0) +
            (c.counts.held ?? 0);
          const problems = (c.counts.bounced ?? 0) + (c.counts.failed ?? 0) + (c.counts.unknown ?? 0);
          return (
            <li key={c.slug} class="editor-panel">
              <h2 dir="auto">
                <a href={`/editor/campaigns/${c.slug}/delivery`}>{c.headline}</a>
              </h2>
              <p class="help">
                {t('delivery.overview.line', {
                  sent: (c.counts.sent ?? 0) + (c.counts.digested ?? 0),
                  waiting,
                  problems,
                })}
              </p>
              {c.openAlerts > 0 && (
                <Notice kind="error">{t('delivery.overview.alerts', { count: c.openAlerts })}</Notice>
              )}
            </li>
          );
        })}
      </ul>
    </EditorPage>
  );
}
