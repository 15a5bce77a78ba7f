import type { AuditEvent } from '../../../domain/account/account.ports.js';
import { endorsementLimits } from '../../../domain/campaign-request/add-endorsement.js';
import { decisionMessageMax } from '../../../domain/campaign-request/decide-request.js';
import {
  type CampaignRequest,
  isOpen,
  type RequestStatus,
  type RequestSummary,
} from '../../../domain/campaign-request/request.js';
import { requestLimits } from '../../../domain/campaign-request/request-input.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { ActionPanel } from '../../views/editor/action-panel.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { actionLabel, dateTime } from '../../views/editor/labels.js';
import { Csrf, Notice, SubmitButton, TextArea, TextField } from '../../views/form-fields.js';
import { renderMarkdown } from '../../views/markdown.js';

export const requestStatusKeys: Record<RequestStatus, StringKey> = {
  waiting: 'requests.status.waiting',
  changes_requested: 'requests.status.changesRequested',
  approved: 'requests.status.approved',
  declined: 'requests.status.declined',
};

const day = 86_400_000;
const daysSince = (now: number, then: number) => Math.max(0, Math.floor((now - then) / day));

function Item({ tr, r, now }: { tr: Translator; r: RequestSummary; now: number }) {
  const t = tr.t;
  const when =
    r.status === 'waiting'
      ? t('requests.list.waitingFor', { days: daysSince(now, r.createdAt) })
      : r.status === 'changes_requested'
        ? t('requests.list.askedAgo', { days: daysSince(now, r.decidedAt ?? r.createdAt) })
        : t('requests.list.decidedOn', {
            status: t(requestStatusKeys[r.status]),
            date: tr.date(r.decidedAt ?? r.createdAt, 'medium'),
          });
  return (
    <li class={`editor-list__item requests-item requests-item--${r.status}`}>
      <a href={`/editor/requests/${r.id}`}>
        <strong dir="auto" lang={r.locale}>
          {r.headline}
        </strong>
      </a>
      <span class="editor-list__meta">
        {t('requests.list.from', { org: r.orgName })} · {tr.languageName(r.locale)}
      </span>
      <span class={`editor-list__meta${r.status === 'waiting' ? ' requests-age' : ''}`}>{when}</span>
    </li>
  );
}

export function RequestsPage(
  p: EditorPageBase & {
    requests: RequestSummary[];
    now: number;
    canEditTerms: boolean;
  },
) {
  const { tr } = p;
  const t = tr.t;
  const groups: { id: string; title: string; items: RequestSummary[] }[] = [
    {
      id: 'waiting',
      title: t('requests.status.waiting'),
      items: p.requests.filter((r) => r.status === 'waiting'),
    },
    {
      id: 'changes',
      title: t('requests.status.changesRequested'),
      items: p.requests.filter((r) => r.status === 'changes_requested'),
    },
    { id: 'decided', title: t('requests.list.decided'), items: p.requests.filter((r) => !isOpen(r.status)) },
  ];
  return (
    <EditorPage page={p} title={t('requests.list.title')} section="requests" heading>
      <ul class="editor-links">
        <li>
          <a href={`/${tr.locale}/request`}>{t('requests.list.publicForm')}</a>
        </li>
        <li>
          <a href="/editor/translator-applications">{t('translatorApplications.title')}</a>
        </li>
        {p.canEditTerms && (
          <li>
            <a href="/editor/terms">{t('requests.list.termsLink')}</a>
          </li>
        )}
      </ul>
      {p.requests.length === 0 && <p>{t('requests.list.none')}</p>}
      {groups.map((g) =>
        g.items.length === 0 ? null : (
          <section key={g.id} aria-labelledby={`group-${g.id}`}>
            <h2 id={`group-${g.id}`}>
              {t('requests.list.group', { status: g.title, count: g.items.length })}
            </h2>
            <ul class="editor-list">
              {g.items.map((r) => (
                <Item key={r.id} tr={tr} r={r} now={p.now} />
              ))}
            </ul>
          </section>
        ),
      )}
    </EditorPage>
  );
}

export type RequestAction = 'approve' | 'changes' | 'decline' | 'endorse';

export interface RequestReviewPageProps extends EditorPageBase {
  request: CampaignRequest;
  history: AuditEvent[];
  now: number;
  notice?: StringKey | undefined;
  /** A refusal: on one action's form (with its field), or for the whole page. */
  error?: { action: RequestAction; field?: string; text: string } | undefined;
  /** What was typed, kept when the page comes back with an error. */
  values?: Record<string, string> | undefined;
}

/** The two decisions that write to the requester: asking for changes and declining. */
const messagePanels = {
  changes: {
    title: 'requests.changes.title',
    button: 'requests.changes.button',
    label: 'requests.changes.label',
    kind: 'secondary',
  },
  decline: {
    title: 'requests.decline.title',
    button: 'requests.decline.button',
    label: 'requests.decline.label',
    kind: 'danger',
  },
} as const satisfies Record<
  string,
  { title: StringKey; button: StringKey; label: StringKey; kind: 'secondary' | 'danger' }
>;

/** A decision with a message to the requester, which comes back with its error when it was refused. */
function MessagePanel(p: RequestReviewPageProps & { action: keyof typeof messagePanels }) {
  const { tr, request: r } = p;
  const keys = messagePanels[p.action];
  const error = p.error?.action === p.action && p.error.field === 'message' ? p.error.text : undefined;
  return (
    <ActionPanel
      csrf={p.csrf}
      action={`/editor/requests/${r.id}/${p.action}`}
      title={tr.t(keys.title)}
      button={tr.t(keys.button)}
      kind={keys.kind}
    >
      <TextArea
        id={`${p.action}-message`}
        name="message"
        label={tr.t(keys.label)}
        value={p.error?.action === p.action ? (p.values?.message ?? '') : ''}
        error={error}
        help={tr.t('requests.changes.help', { name: r.contactName })}
        rows={6}
        dir="auto"
        maxLength={decisionMessageMax}
        required
        autofocus={Boolean(error)}
      />
    </ActionPanel>
  );
}

/** The fields of an endorsement, in the form's order; only the name is required. */
const endorsementFields = ['name', 'url', 'note'] as const;

function Endorsements(p: RequestReviewPageProps) {
  const { tr, request: r } = p;
  const t = tr.t;
  const open = isOpen(r.status);
  const mine = p.error?.action === 'endorse' && p.error.field ? p.error : undefined;
  const value = (field: string) => (mine ? (p.values?.[field] ?? '') : '');
  const fieldError = (field: string) => (mine?.field === field ? mine.text : undefined);
  return (
    <section class="editor-panel" aria-labelledby="endorsements">
      <h2 id="endorsements">{t('requests.endorsements.title')}</h2>
      <p class="help">{t('requests.endorsements.help')}</p>
      {r.endorsements.length === 0 ? (
        <p>{t('requests.endorsements.none')}</p>
      ) : (
        <ul class="editor-list">
          {r.endorsements.map((e) => (
            <li key={e.id} class="editor-list__item">
              <strong dir="auto">{e.name}</strong>
              {e.url && (
                <a class="editor-list__meta" href={e.url} rel="noopener noreferrer" dir="ltr">
                  {e.url}
                </a>
              )}
              {e.note && (
                <span class="editor-list__meta" dir="auto">
                  {e.note}
                </span>
              )}
              <span class="editor-list__meta">{dateTime(tr, e.createdAt)}</span>
              {open && (
                <form method="post" action={`/editor/requests/${r.id}/endorsements/remove`}>
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="endorsement" value={String(e.id)} />
                  <button
                    class="link-button"
                    type="submit"
                    aria-label={t('requests.endorsements.removeLabel', { name: e.name })}
                  >
                    {t('requests.endorsements.remove')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form method="post" action={`/editor/requests/${r.id}/endorsements`} class="editor-form" novalidate>
          <Csrf token={p.csrf} />
          {endorsementFields.map((field) => (
            <TextField
              key={field}
              id={`endorsement-${field}`}
              name={field}
              label={t(`requests.endorsements.${field}`)}
              value={value(field)}
              error={fieldError(field)}
              required={field === 'name'}
              maxLength={field === 'url' ? requestLimits.url : endorsementLimits[field]}
              autofocus={Boolean(fieldError(field))}
            />
          ))}
          <SubmitButton kind="secondary">{t('requests.endorsements.add')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

function Decisions(p: RequestReviewPageProps) {
  const { tr, request: r, csrf } = p;
  const t = tr.t;
  return (
    <>
      <ActionPanel
        csrf={csrf}
        action={`/editor/requests/${r.id}/approve`}
        title={t('requests.approve.title')}
        help={t('requests.approve.help', { language: tr.languageName(r.locale), org: r.orgName })}
        button={t('requests.approve.button')}
      />
      <MessagePanel {...p} action="changes" />
      <MessagePanel {...p} action="decline" />
    </>
  );
}

function History({ tr, events }: { tr: Translator; events: AuditEvent[] }) {
  const t = tr.t;
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('requests.history.title')}</h2>
      <ol class="audit-list">
        {events.map((e) => {
          const message = (e.after as { message?: unknown } | null)?.message;
          return (
            <li key={e.id} class="audit-entry">
              <p>
                <strong>{actionLabel(tr, e.action)}</strong>
              </p>
              <p class="audit-entry__meta">
                {dateTime(tr, e.createdAt)} · <bdi>{e.actorEmail ?? t('editor.audit.system')}</bdi>
              </p>
              {typeof message === 'string' && (
                <p class="requests-quote" dir="auto">
                  {message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function RequestReviewPage(p: RequestReviewPageProps) {
  const { tr, request: r } = p;
  const t = tr.t;
  const pageError = p.error && !p.error.field ? p.error.text : undefined;
  const link = (href: string | null) =>
    href ? (
      <a href={href} rel="noopener noreferrer" dir="ltr">
        {href}
      </a>
    ) : (
      t('requests.none')
    );
  return (
    <EditorPage page={p} title={r.headline} section="requests">
      <BackLink href="/editor/requests">{t('requests.back')}</BackLink>
      <h1 dir="auto" lang={r.locale}>
        {r.headline}
      </h1>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {pageError && <Notice kind="error">{pageError}</Notice>}
      <dl class="editor-facts">
        <dt>{t('requests.field.status')}</dt>
        <dd>
          <strong>{t(requestStatusKeys[r.status])}</strong>
          {r.decidedAt !== null && ` · ${dateTime(tr, r.decidedAt)}`}
        </dd>
        <dt>{t('requests.field.received')}</dt>
        <dd>
          {dateTime(tr, r.createdAt)} · {t('requests.received.ago', { days: daysSince(p.now, r.createdAt) })}
        </dd>
        <dt>{t('requests.field.language')}</dt>
        <dd>{tr.languageName(r.locale)}</dd>
        <dt>{t('requests.field.organisation')}</dt>
        <dd>
          {r.orgLogoPath && <img class="requests-logo" src={r.orgLogoPath} alt="" />}
          <strong dir="auto">{r.orgName}</strong>
          <br />
          {link(r.orgWebsite)}
          <p class="requests-quote" dir="auto" lang={r.locale}>
            {r.orgDescription}
          </p>
        </dd>
        <dt>{t('requests.field.contact')}</dt>
        <dd>
          <bdi>{r.contactName}</bdi> ·{' '}
          <a href={`mailto:${r.contactEmail}`} dir="ltr">
            {r.contactEmail}
          </a>
        </dd>
        <dt>{t('requests.field.terms')}</dt>
        <dd>
          {t('requests.terms.accepted', {
            version: r.termsVersion.id,
            language: tr.languageName(r.termsVersion.locale),
            date: dateTime(tr, r.termsAcceptedAt),
          })}
        </dd>
        <dt>{t('requests.field.moreInfo')}</dt>
        <dd>{link(r.moreInfoUrl)}</dd>
        {r.campaign && (
          <>
            <dt>{t('requests.field.campaign')}</dt>
            <dd>
              <a href={`/editor/campaigns/${r.campaign.slug}`}>{t('requests.campaign.link')}</a>{' '}
              <bdi dir="ltr">({r.campaign.slug})</bdi>
            </dd>
          </>
        )}
        {r.decisionNote && (
          <>
            <dt>{t('requests.field.lastMessage')}</dt>
            <dd class="requests-quote" dir="auto">
              {r.decisionNote}
            </dd>
          </>
        )}
      </dl>

      {r.photoPath && (
        <figure class="requests-photo">
          <img src={r.photoPath} alt={t('requests.field.photo')} />
        </figure>
      )}
      <section class="editor-panel">
        <h2>{t('requests.field.background')}</h2>
        {/* Sanitised like the public page that will show it. */}
        <div
          dir="auto"
          lang={r.locale}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(r.backgroundMd) }}
        />
        <h2>{t('requests.field.message')}</h2>
        <p class="requests-quote" dir="auto" lang={r.locale}>
          {r.defaultMessage}
        </p>
        <h2>{t('requests.field.targets', { count: r.targets.length })}</h2>
        <ul class="requests-targets" lang={r.locale}>
          {r.targets.map((target) => (
            <li key={target.email}>
              <bdi>{target.name}</bdi> <span dir="ltr">&lt;{target.email}&gt;</span>
            </li>
          ))}
        </ul>
      </section>

      <Endorsements {...p} />
      {isOpen(r.status) ? (
        <Decisions {...p} />
      ) : (
        <p class="help">{t('requests.decided', { status: t(requestStatusKeys[r.status]) })}</p>
      )}
      <History tr={tr} events={p.history} />
    </EditorPage>
  );
}
