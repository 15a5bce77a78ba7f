// The editors' campaign lifecycle pages: the list of campaigns and one page per campaign with the actions
// its status allows. Reading needs campaigns:read, every transition campaigns:publish; the editor gate
// checks both, and the CSRF token, before these handlers run. Each POST is one use case, then a redirect
// with a notice, or the page again with the reason nothing changed.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountScopeStore } from '../../../domain/account/account-scopes.js';
import { can } from '../../../domain/account/permissions.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignLifecycleStore } from '../../../domain/campaign/campaign.ports.js';
import { type CloseCampaignDeps, closeCampaign } from '../../../domain/campaign/close-campaign.js';
import { deliveryTotals, finalDossierOf, personalDataRemovedAt } from '../../../domain/campaign/close-out.js';
import { extendCampaign } from '../../../domain/campaign/extend-campaign.js';
import { launchCampaign } from '../../../domain/campaign/launch-campaign.js';
import {
  defaultEndDate,
  type LifecycleAction,
  type LifecycleDeps,
  type LifecycleResult,
} from '../../../domain/campaign/lifecycle.js';
import { reopenCampaign } from '../../../domain/campaign/reopen-campaign.js';
import { sendBackCampaign } from '../../../domain/campaign/send-back-campaign.js';
import { submitForReview } from '../../../domain/campaign/submit-for-review.js';
import type { DeliveryAdmin } from '../../../domain/delivery/delivery.ports.js';
import type { DossierStore } from '../../../domain/petition/dossier.js';
import type { Retention } from '../../../domain/privacy/purge-retention.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { field } from '../../schema-fields.js';
import { campaignStatusKeys as statusKeys } from '../../views/editor/labels.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import { CampaignOverviewPage, type CampaignOverviewPageProps, CampaignsPage } from './campaigns-pages.js';
import { dossierBusy } from './close-out-dossier.js';

export interface CampaignEditorDeps {
  site: SiteInfo;
  clock: Clock;
  campaigns: CampaignLifecycleStore;
  /** The partner accounts attached to a campaign, listed on its page for admins. */
  scopes: Pick<AccountScopeStore, 'partnerAccounts'>;
  /** A closed campaign's delivery report, for its close-out. */
  delivery: Pick<DeliveryAdmin, 'report'>;
  /** The site's retention setting: when a closed campaign's signers' data goes. */
  retention: { get(): Promise<Retention> };
  /** The final dossier a close asks for (kept for the dossier retention setting), shown in the close-out. */
  dossiers: { store: Pick<DossierStore, 'listForCampaign'>; retentionDays(): Promise<number> };
}

const read = { config: { permission: 'campaigns:read' as const } };
const publish = { config: { permission: 'campaigns:publish' as const } };

// Single strings only (a repeated field is an array and gets the 400 page); other fields are ignored.
const lifecycleForm = z.object({ endDate: field(100), outcome: field(100_000) });
type LifecycleForm = z.infer<typeof lifecycleForm>;

const done = {
  submitted: 'lifecycle.done.submitted',
  'sent-back': 'lifecycle.done.sentBack',
  launched: 'lifecycle.done.launched',
  extended: 'lifecycle.done.extended',
  closed: 'lifecycle.done.closed',
  reopened: 'lifecycle.done.reopened',
  created: 'newCampaign.done',
  approved: 'requests.done.approved',
} as const satisfies Record<string, StringKey>;

const dateErrors = {
  format: 'lifecycle.error.format',
  past: 'lifecycle.error.past',
  required: 'lifecycle.error.required',
  not_later: 'lifecycle.error.notLater',
} as const satisfies Record<string, StringKey>;

/** What to tell the editor when a transition changed nothing, and where on the page. */
function refusal(
  tr: Translator,
  action: LifecycleAction,
  result: Exclude<LifecycleResult, { status: 'ok' | 'not_found' }>,
  campaign: { endsAt: number | null; sourceLocale: string },
): NonNullable<CampaignOverviewPageProps['error']> {
  switch (result.status) {
    case 'wrong_state':
      return {
        action,
        text: tr.t('lifecycle.error.wrongState', { status: tr.t(statusKeys[result.current]) }),
      };
    case 'invalid_date':
      return {
        action,
        field: 'endDate',
        text: tr.t(dateErrors[result.problem], {
          date: campaign.endsAt === null ? '' : tr.date(campaign.endsAt),
        }),
      };
    case 'no_source_text':
      return {
        action,
        text: tr.t('lifecycle.launch.noSource', { language: tr.languageName(campaign.sourceLocale) }),
      };
    case 'outcome_too_long':
      return { action, field: 'outcome', text: tr.t('lifecycle.error.outcomeTooLong', { max: result.max }) };
  }
}

export function campaignEditorRoutes(app: FastifyInstance, deps: CampaignEditorDeps): void {
  const lifecycle: LifecycleDeps = { campaigns: deps.campaigns, clock: deps.clock };
  const closing: CloseCampaignDeps = { ...lifecycle, dossierRetentionDays: deps.dossiers.retentionDays };

  const slugOf = (req: FastifyRequest): string | undefined => {
    const { slug } = req.params as { slug: string };
    return slugPattern.test(slug) ? slug : undefined;
  };

  async function closeOutOf(campaign: { id: number; slug: string; closedAt: number | null }) {
    const [report, retention, dossiers] = await Promise.all([
      deps.delivery.report(campaign.slug),
      deps.retention.get(),
      deps.dossiers.store.listForCampaign(campaign.id, 20),
    ]);
    return {
      delivery: deliveryTotals({ targets: report?.targets ?? [] }),
      finalDossier: finalDossierOf(dossiers, campaign.closedAt ?? deps.clock.now()),
      dataRemovedAt: personalDataRemovedAt(campaign.closedAt ?? deps.clock.now(), retention),
    };
  }

  async function showCampaign(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status = 200,
    refused?: { error: CampaignOverviewPageProps['error']; values: LifecycleForm },
  ) {
    const campaign = await deps.campaigns.find(slug);
    if (!campaign) return sendError(req, reply, deps.site, 404);
    const notice = doneNotice(req, done);
    const now = deps.clock.now();
    const admin = can(req.account!.user.role, 'users:manage');
    const closeOut = campaign.status === 'closed' ? await closeOutOf(campaign) : undefined;
    // Progress without JavaScript, as on the dossiers page: reload while the final dossier is being made.
    if (dossierBusy(closeOut?.finalDossier)) reply.header('cache-control', 'no-store').header('refresh', '3');
    return sendEditorPage(req, reply.code(status), deps.site, CampaignOverviewPage, {
      campaign,
      canPublish: can(req.account!.user.role, 'campaigns:publish'),
      defaultEnd: defaultEndDate(now),
      now,
      notice: refused ? undefined : notice,
      error: refused?.error,
      values: refused?.values,
      partnerAccounts: admin ? await deps.scopes.partnerAccounts(campaign.id) : undefined,
      closeOut,
    });
  }

  app.get('/editor/campaigns', read, async (req, reply) =>
    sendEditorPage(req, reply, deps.site, CampaignsPage, {
      campaigns: await deps.campaigns.list(),
      canCreate: can(req.account!.user.role, 'campaigns:edit'),
    }),
  );

  app.get('/editor/campaigns/:slug', read, async (req, reply) => {
    const slug = slugOf(req);
    if (!slug) return sendError(req, reply, deps.site, 404);
    return showCampaign(req, reply, slug);
  });

  const actions: {
    path: string;
    action: LifecycleAction;
    done: keyof typeof done;
    run: (
      actor: { id: number; email: string },
      slug: string,
      form: LifecycleForm,
    ) => Promise<LifecycleResult>;
  }[] = [
    {
      path: 'submit',
      action: 'submit',
      done: 'submitted',
      run: (a, slug) => submitForReview(lifecycle, a, { slug }),
    },
    {
      path: 'send-back',
      action: 'send_back',
      done: 'sent-back',
      run: (a, slug) => sendBackCampaign(lifecycle, a, { slug }),
    },
    {
      path: 'launch',
      action: 'launch',
      done: 'launched',
      run: (a, slug, f) => launchCampaign(lifecycle, a, { slug, endDate: f.endDate }),
    },
    {
      path: 'extend',
      action: 'extend',
      done: 'extended',
      run: (a, slug, f) => extendCampaign(lifecycle, a, { slug, endDate: f.endDate }),
    },
    {
      path: 'close',
      action: 'close',
      done: 'closed',
      run: (a, slug, f) => closeCampaign(closing, a, { slug, outcome: f.outcome }),
    },
    {
      path: 'reopen',
      action: 'reopen',
      done: 'reopened',
      run: (a, slug, f) => reopenCampaign(lifecycle, a, { slug, endDate: f.endDate }),
    },
  ];

  for (const a of actions) {
    app.post(`/editor/campaigns/:slug/${a.path}`, publish, async (req, reply) => {
      const slug = slugOf(req);
      if (!slug) return sendError(req, reply, deps.site, 404);
      const form = readForm(req, reply, deps, lifecycleForm);
      if (!form) return reply;
      const { id, email } = req.account!.user;
      const result = await a.run({ id, email }, slug, form);
      if (result.status === 'ok') return reply.redirect(`/editor/campaigns/${slug}?done=${a.done}`, 303);
      if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
      const campaign = await deps.campaigns.find(slug);
      if (!campaign) return sendError(req, reply, deps.site, 404);
      const error = refusal(req.tr, a.action, result, campaign);
      const status = result.status === 'wrong_state' ? 409 : 422;
      return showCampaign(req, reply, slug, status, {
        error,
        values: { endDate: form.endDate.slice(0, 10), outcome: form.outcome },
      });
    });
  }
}
