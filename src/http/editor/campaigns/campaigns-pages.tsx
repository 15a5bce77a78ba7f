// The editors' campaign pages: every campaign grouped by status with its dates and supporters, and one page
// per campaign with its status, dates and the lifecycle actions its status allows (the state diagram is in
// domain/campaign/lifecycle.ts). Lists and stacked panels rather than tables, so a phone shows it whole.

import { type ComponentChildren, Fragment } from 'preact';
import type { User } from '../../../domain/account/account.js';
import type { ScopeAccount } from '../../../domain/account/account-scopes.js';
import { can } from '../../../domain/account/permissions.js';
import type { CampaignStatus } from '../../../domain/campaign/campaign.js';
import type { DeliveryOutcome } from '../../../domain/campaign/close-out.js';
import {
  actionsFrom,
  type LifecycleAction,
  type LifecycleCampaign,
  outcomeMax,
} from '../../../domain/campaign/lifecycle.js';
import type { DossierRequest } from '../../../domain/petition/dossier.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { ActionPanel } from '../../views/editor/action-panel.js';
import { BackLink, EditorLayout, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime, campaignStatusKeys as statusKeys } from '../../views/editor/labels.js';
import { DayField, Notice, TextArea } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import { CloseOutDossier } from './close-out-dossier.js';
import { PartnerAccess } from './partner-access.js';

/** The order of the groups on the list: what needs attention first. */
const listOrder: CampaignStatus[] = ['live', 'in_review', 'draft', 'closed'];

/** An end date is a whole day in UTC. */
const endDay = (tr: Translator, ms: number) => tr.t('lifecycle.endOfDay', { date: tr.date(ms) });

function ListItem({ tr, c }: { tr: Translator; c: LifecycleCampaign }) {
  const t = tr.t;
  const closedAt = c.status === 'closed' ? (c.closedAt ?? c.endsAt) : null;
  const when =
    closedAt !== null
      ? t('lifecycle.list.closedOn', { date: tr.date(closedAt) })
      : c.endsAt !== null
        ? t('lifecycle.list.ends', { date: tr.date(c.endsAt) })
        : t('lifecycle.list.noEnd');
  return (
    <li class="editor-list__item">
      <a href={`/editor/campaigns/${c.slug}`}>
        <strong dir="auto">{c.headline ?? c.slug}</strong>
      </a>
      <span class="editor-list__meta">
        <bdi dir="ltr">{c.slug}</bdi>
      </span>
      <span class="editor-list__meta">
        {when} · {t('lifecycle.list.supporters', { count: c.supporters })}
      </span>
    </li>
  );
}

export function CampaignsPage({
  tr,
  site,
  user,
  csrf,
  campaigns,
  canCreate = false,
}: {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
  campaigns: LifecycleCampaign[];
  /** Shows the New campaign button (campaigns:edit). */
  canCreate?: boolean;
}) {
  const t = tr.t;
  const title = t('lifecycle.list.title');
  return (
    <EditorLayout tr={tr} site={site} title={title} user={user} csrfToken={csrf} section="campaigns">
      <h1>{title}</h1>
      {canCreate && (
        <p>
          <a class="button" href="/editor/campaigns/new">
            {t('newCampaign.button')}
          </a>
        </p>
      )}
      {campaigns.length === 0 && <p>{t('lifecycle.list.none')}</p>}
      {listOrder.map((status) => {
        const group = campaigns.filter((c) => c.status === status);
        if (group.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`group-${status}`}>
            <h2 id={`group-${status}`}>
              {t('lifecycle.list.group', { status: t(statusKeys[status]), count: group.length })}
            </h2>
            <ul class="editor-list">
              {group.map((c) => (
                <ListItem key={c.id} tr={tr} c={c} />
              ))}
            </ul>
          </section>
        );
      })}
    </EditorLayout>
  );
}

export interface CampaignOverviewPageProps extends EditorPageBase {
  campaign: LifecycleCampaign;
  canPublish: boolean;
  /** The end date a launch without one would get. */
  defaultEnd: number;
  now: number;
  notice?: StringKey | undefined;
  /** A refusal: on one action's form, or (wrong state) for the page. */
  error?: { action: LifecycleAction; field?: 'endDate' | 'outcome'; text: string } | undefined;
  /** What was typed, kept when the page comes back with an error. */
  values?: { endDate?: string; outcome?: string } | undefined;
  /** Partner accounts that can read the campaign's figures; only given to admins. */
  partnerAccounts?: ScopeAccount[] | undefined;
  /** A closed campaign's close-out: its delivery report, its final dossier and when signers' data goes. */
  closeOut?:
    | { delivery: DeliveryOutcome; dataRemovedAt: number; finalDossier: DossierRequest | undefined }
    | undefined;
}

/** Everything that follows a close, in one place: the final count, delivery, the dossier, the mailing, the purge. */
function CloseOut({
  p,
}: {
  p: CampaignOverviewPageProps & { closeOut: NonNullable<CampaignOverviewPageProps['closeOut']> };
}) {
  const { tr, campaign: c, closeOut } = p;
  const t = tr.t;
  const d = closeOut.delivery;
  const kind = c.outcomeMd ? 'victory' : 'general';
  return (
    <section class="editor-panel" aria-labelledby="close-out">
      <h2 id="close-out">{t('closeOut.title')}</h2>
      <ul>
        <li>{t('closeOut.count', { count: c.supporters, date: tr.date(c.closedAt ?? p.now) })}</li>
        <li>
          {t('closeOut.delivery', {
            sent: d.sent,
            bounced: d.bounced,
            unknown: d.unknown,
            waiting: d.waiting + d.failed,
          })}{' '}
          <a href={`/editor/campaigns/${c.slug}/delivery/report.csv`} download>
            {t('closeOut.deliveryCsv')}
          </a>
        </li>
        <li>
          <CloseOutDossier
            tr={tr}
            user={p.user}
            slug={c.slug}
            sourceLocale={c.sourceLocale}
            dossier={closeOut.finalDossier}
          />
        </li>
        {can(p.user.role, 'mailings:send') && (
          <li>
            <a href={`/editor/mailings/new?kind=${kind}&campaign=${c.id}&locale=${c.sourceLocale}`}>
              {t(kind === 'victory' ? 'closeOut.victoryMailing' : 'closeOut.closingMailing')}
            </a>
          </li>
        )}
        <li>{t('closeOut.purge', { date: tr.date(closeOut.dataRemovedAt) })}</li>
      </ul>
    </section>
  );
}

function EndDateField({
  p,
  action,
  help,
  required,
}: {
  p: CampaignOverviewPageProps;
  action: LifecycleAction;
  help: string;
  required?: boolean;
}) {
  const id = `${action}-endDate`;
  const error = p.error?.action === action && p.error.field === 'endDate' ? p.error.text : undefined;
  return (
    <DayField
      id={id}
      name="endDate"
      label={p.tr.t('lifecycle.endDate.label')}
      value={p.error?.action === action ? (p.values?.endDate ?? '') : ''}
      error={error}
      help={help}
      autocomplete="off"
      required={required}
      autofocus={Boolean(error)}
    />
  );
}

function OutcomeField({ p }: { p: CampaignOverviewPageProps }) {
  const { tr, campaign: c } = p;
  const error = p.error?.action === 'close' && p.error.field === 'outcome' ? p.error.text : undefined;
  return (
    <TextArea
      id="outcome"
      label={tr.t('lifecycle.outcome.label', { language: tr.languageName(c.sourceLocale) })}
      value={p.error?.action === 'close' ? (p.values?.outcome ?? '') : (c.outcomeMd ?? '')}
      error={error}
      help={tr.t('lifecycle.outcome.help')}
      lang={c.sourceLocale}
      dir="auto"
      maxLength={outcomeMax}
      autofocus={Boolean(error)}
    />
  );
}

function Actions({ p }: { p: CampaignOverviewPageProps }) {
  const { tr, csrf, campaign: c } = p;
  const t = tr.t;
  const url = (path: string) => `/editor/campaigns/${c.slug}/${path}`;
  const ahead = c.endsAt !== null && c.endsAt > p.now ? c.endsAt : undefined;
  const panels: Record<LifecycleAction, () => ComponentChildren> = {
    submit: () => (
      <ActionPanel
        csrf={csrf}
        action={url('submit')}
        title={t('lifecycle.submit.title')}
        help={t('lifecycle.submit.help')}
        button={t('lifecycle.submit.button')}
      />
    ),
    launch: () => (
      <ActionPanel
        csrf={csrf}
        action={url('launch')}
        title={t('lifecycle.launch.title')}
        help={t('lifecycle.launch.help')}
        button={t('lifecycle.launch.button')}
        before={
          !c.hasPublishedSource && (
            <Notice kind="error">
              {t('lifecycle.launch.noSource', { language: tr.languageName(c.sourceLocale) })}
            </Notice>
          )
        }
      >
        <EndDateField
          p={p}
          action="launch"
          help={t('lifecycle.endDate.launchHelp', { date: tr.date(ahead ?? p.defaultEnd) })}
        />
      </ActionPanel>
    ),
    send_back: () => (
      <ActionPanel
        csrf={csrf}
        action={url('send-back')}
        help={t('lifecycle.sendBack.help')}
        button={t('lifecycle.sendBack.button')}
        kind="secondary"
      />
    ),
    extend: () => (
      <ActionPanel
        csrf={csrf}
        action={url('extend')}
        title={t('lifecycle.extend.title')}
        button={t('lifecycle.extend.button')}
      >
        <EndDateField p={p} action="extend" help={t('lifecycle.endDate.help')} required />
      </ActionPanel>
    ),
    close: () => (
      <ActionPanel
        csrf={csrf}
        action={url('close')}
        title={t('lifecycle.close.title')}
        help={t('lifecycle.close.help')}
        button={t('lifecycle.close.button')}
        kind="danger"
      >
        <OutcomeField p={p} />
      </ActionPanel>
    ),
    reopen: () => (
      <ActionPanel
        csrf={csrf}
        action={url('reopen')}
        title={t('lifecycle.reopen.title')}
        help={t('lifecycle.reopen.help')}
        button={t('lifecycle.reopen.button')}
      >
        <EndDateField
          p={p}
          action="reopen"
          help={
            ahead === undefined
              ? t('lifecycle.endDate.help')
              : t('lifecycle.endDate.reopenHelp', { date: tr.date(ahead) })
          }
          required={ahead === undefined}
        />
      </ActionPanel>
    ),
  };
  return (
    <>
      {actionsFrom(c.status).map((action) => (
        <Fragment key={action}>{panels[action]()}</Fragment>
      ))}
    </>
  );
}

export function CampaignOverviewPage(p: CampaignOverviewPageProps) {
  const { tr, campaign: c } = p;
  const t = tr.t;
  const title = c.headline ?? c.slug;
  const isPublic = c.status === 'live' || c.status === 'closed';
  const pageError = p.error && !p.error.field ? p.error.text : undefined;
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <BackLink href="/editor/campaigns">{t('lifecycle.back')}</BackLink>
      <h1 dir="auto">{title}</h1>
      {c.headline === null && <p class="help">{t('lifecycle.noHeadline')}</p>}
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {pageError && <Notice kind="error">{pageError}</Notice>}
      <dl class="editor-facts">
        <dt>{t('lifecycle.field.status')}</dt>
        <dd>
          <strong>{t(statusKeys[c.status])}</strong>
        </dd>
        <dt>{t('lifecycle.field.address')}</dt>
        <dd>
          <bdi dir="ltr">/campaigns/{c.slug}</bdi>
        </dd>
        <dt>{t('lifecycle.field.starts')}</dt>
        <dd>{c.startsAt === null ? t('lifecycle.notSet') : dateTime(tr, c.startsAt)}</dd>
        <dt>{t('lifecycle.field.ends')}</dt>
        <dd>{c.endsAt === null ? t('lifecycle.notSet') : endDay(tr, c.endsAt)}</dd>
        {c.closedAt !== null && (
          <>
            <dt>{t('lifecycle.field.closed')}</dt>
            <dd>{dateTime(tr, c.closedAt)}</dd>
          </>
        )}
        <dt>{t('lifecycle.field.supporters')}</dt>
        <dd>{tr.number(c.supporters)}</dd>
        {c.status === 'live' && (
          <>
            <dt>{t('lifecycle.field.reminder')}</dt>
            <dd>
              {c.reminderSentAt === null
                ? t('lifecycle.reminder.pending')
                : t('lifecycle.reminder.sent', { date: dateTime(tr, c.reminderSentAt) })}
            </dd>
          </>
        )}
        {c.status === 'closed' && c.outcomeMd && (
          <>
            <dt>{t('lifecycle.field.outcome')}</dt>
            {/* Sanitised like the public page that shows it. */}
            <dd
              dir="auto"
              lang={c.sourceLocale}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(c.outcomeMd) }}
            />
          </>
        )}
      </dl>
      <ul class="editor-links">
        <li>
          <a href={`/editor/campaigns/${c.slug}/edit`}>{t('lifecycle.link.edit')}</a>
        </li>
        {c.headline !== null && (
          <li>
            <a href={`/editor/campaigns/${c.slug}/preview/${c.sourceLocale}`}>
              {t('lifecycle.link.preview')}
            </a>
          </li>
        )}
        {isPublic && (
          <li>
            <a href={`/campaigns/${c.slug}`}>{t('lifecycle.link.public')}</a>
          </li>
        )}
        <li>
          <a href={`/editor/campaigns/${c.slug}/delivery`}>{t('lifecycle.link.delivery')}</a>
        </li>
        {can(p.user.role, 'reports:read') && (
          <li>
            <a href={`/editor/campaigns/${c.slug}/statistics`}>{t('statistics.nav')}</a>
          </li>
        )}
        {can(p.user.role, 'campaigns:edit') && (
          <li>
            <a href={`/editor/campaigns/${c.slug}/held`}>{t('held.link')}</a>
          </li>
        )}
        {isPublic && can(p.user.role, 'campaigns:edit') && (
          <li>
            <a href={`/editor/campaigns/${c.slug}/petition`}>{t('petitionEditor.link')}</a>
          </li>
        )}
        <li>
          <a href={`/editor/campaigns/${c.slug}/targets`}>{t('targets.link.fromCampaign')}</a>
        </li>
        <li>
          <a href={`/editor/campaigns/${c.slug}/partners`}>{t('partners.link.fromCampaign')}</a>
        </li>
      </ul>
      {c.status === 'closed' && p.closeOut && <CloseOut p={{ ...p, closeOut: p.closeOut }} />}
      {p.canPublish ? <Actions p={p} /> : <p class="help">{t('lifecycle.readOnly')}</p>}
      {p.partnerAccounts && <PartnerAccess tr={tr} accounts={p.partnerAccounts} />}
    </EditorPage>
  );
}
