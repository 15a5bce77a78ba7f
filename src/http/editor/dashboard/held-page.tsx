import type { HeldListResult, HeldReason, HeldSignature } from '../../../domain/signature/review-held.js';
import { isolate, type Translator } from '../../../i18n/translator.js';
import { CampaignHeading } from '../../views/editor/campaign-heading.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { Csrf, Notice, SubmitButton } from '../../views/form-fields.js';

type Listed = Extract<HeldListResult, { status: 'ok' }>;

export interface HeldPageProps extends EditorPageBase {
  list: Listed;
  limits: { ipPerHour: number; domainPerHour: number };
  notice?: string | undefined;
  error?: string | undefined;
  /** Ids ticked when the page comes back with an error. */
  selected?: ReadonlySet<number>;
}

const regionNames = new Map<string, Intl.DisplayNames>();
function countryName(tr: Translator, code: string): string {
  let names = regionNames.get(tr.locale);
  if (!names) {
    names = new Intl.DisplayNames([tr.locale], { type: 'region', fallback: 'code' });
    regionNames.set(tr.locale, names);
  }
  return names.of(code) ?? code;
}

function reasonText(
  tr: Translator,
  s: HeldSignature & { reason: HeldReason },
  limits: HeldPageProps['limits'],
): string {
  switch (s.reason) {
    case 'network':
      return tr.t('held.reason.network', { count: s.networkLastHour, limit: limits.ipPerHour });
    case 'email_domain':
      return tr.t('held.reason.domain', {
        domain: isolate(s.emailDomain),
        count: s.domainLastHour,
        limit: limits.domainPerHour,
      });
    case 'form':
      return tr.t('held.reason.form');
  }
}

function pageUrl(base: string, page: number, network: string | null): string {
  const q = new URLSearchParams();
  if (network) q.set('network', network);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

function Row({ p, s, base }: { p: HeldPageProps; s: Listed['rows'][number]; base: string }) {
  const { tr } = p;
  const t = tr.t;
  const checkbox = `held-${s.id}`;
  const facts = [
    dateTime(tr, s.createdAt),
    s.country ? countryName(tr, s.country) : null,
    tr.languageName(s.locale),
  ].filter((x): x is string => x !== null);
  return (
    <li class="editor-list__item held-item" id={`signature-${s.id}`}>
      <div class="held-item__head">
        <input
          type="checkbox"
          id={checkbox}
          name="ids"
          value={String(s.id)}
          checked={p.selected?.has(s.id) || undefined}
        />
        <label for={checkbox}>
          <strong dir="auto">{s.name}</strong>
          <span class="dash-sr-only"> {t('held.select')}</span>
        </label>
      </div>
      <span class="editor-list__meta">{facts.join(' · ')}</span>
      {s.union && (
        <span class="editor-list__meta" dir="auto">
          {s.union}
        </span>
      )}
      <span class="editor-list__meta">
        {t('held.emailDomain')} <bdi dir="ltr">{s.emailDomain}</bdi>
      </span>
      <p class="held-item__reason">
        <strong>{t('held.why')}</strong> {reasonText(tr, s, p.limits)}
      </p>
      {s.network !== null && s.networkHeld > 1 && p.list.network === null && (
        <a href={pageUrl(base, 1, s.network)}>{t('held.sameNetwork', { count: s.networkHeld })}</a>
      )}
      <div class="editor-actions">
        <SubmitButton name="id" value={String(s.id)} formAction={`${base}/release`}>
          {t('held.release')}
        </SubmitButton>
        <SubmitButton kind="secondary" name="id" value={String(s.id)} formAction={`${base}/discard`}>
          {t('held.discard')}
        </SubmitButton>
      </div>
    </li>
  );
}

function NetworkPanel({ p, base, network }: { p: HeldPageProps; base: string; network: string }) {
  const t = p.tr.t;
  return (
    <section class="editor-panel">
      <h2>{t('held.network.title', { count: p.list.total })}</h2>
      <p class="help">{t('held.network.help')}</p>
      <form method="post" action={`${base}/release`} class="editor-form">
        <Csrf token={p.csrf} />
        <input type="hidden" name="network" value={network} />
        <div class="field held-confirm">
          <input type="checkbox" id="confirm-network" name="confirm" value="yes" />
          <label for="confirm-network">{t('held.confirm')}</label>
        </div>
        <div class="editor-actions">
          <SubmitButton>{t('held.network.release', { count: p.list.total })}</SubmitButton>
          <SubmitButton kind="danger" formAction={`${base}/discard`}>
            {t('held.network.discard', { count: p.list.total })}
          </SubmitButton>
        </div>
      </form>
      <p>
        <a href={base}>{t('held.network.all')}</a>
      </p>
    </section>
  );
}

export function HeldPage(p: HeldPageProps) {
  const { tr, list } = p;
  const t = tr.t;
  const c = list.campaign;
  const base = `/editor/campaigns/${c.slug}/held`;
  const title = t('held.title');
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <CampaignHeading tr={tr} campaign={c} title={title} />
      {p.notice && <Notice>{p.notice}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      <p>
        <strong>{t('held.count', { count: c.held })}</strong> {t('held.explain')}
      </p>
      <p class="help">
        {c.confirmationMode === 'immediate' ? t('held.releaseImmediate') : t('held.releaseConfirmFirst')}{' '}
        {t('held.discardHelp')}
      </p>
      {list.network !== null && <NetworkPanel p={p} base={base} network={list.network} />}
      {list.rows.length === 0 ? (
        list.network !== null && <p>{t('held.network.none')}</p>
      ) : (
        <form method="post" action={`${base}/release`} class="editor-form" novalidate>
          <Csrf token={p.csrf} />
          <ul class="editor-list held-list">
            {list.rows.map((s) => (
              <Row key={s.id} p={p} s={s} base={base} />
            ))}
          </ul>
          <section class="editor-panel held-bulk" aria-labelledby="held-bulk">
            <h2 id="held-bulk">{t('held.bulk.title')}</h2>
            <p class="help">{t('held.bulk.help')}</p>
            <div class="field held-confirm">
              <input type="checkbox" id="confirm-selection" name="confirm" value="yes" />
              <label for="confirm-selection">{t('held.confirm')}</label>
            </div>
            <div class="editor-actions">
              <SubmitButton formAction={`${base}/release`}>{t('held.bulk.release')}</SubmitButton>
              <SubmitButton kind="danger" formAction={`${base}/discard`}>
                {t('held.bulk.discard')}
              </SubmitButton>
            </div>
          </section>
        </form>
      )}
      {list.pages > 1 && (
        <nav class="pager" aria-label={t('held.pages')}>
          {list.page > 1 && <a href={pageUrl(base, list.page - 1, list.network)}>{t('held.previous')}</a>}
          <span>{t('held.page', { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <a href={pageUrl(base, list.page + 1, list.network)}>{t('held.next')}</a>
          )}
        </nav>
      )}
    </EditorPage>
  );
}
