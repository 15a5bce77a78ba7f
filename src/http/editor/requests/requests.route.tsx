// The editors' campaign request queue and request pages (requests:review). Each POST is one use case: approve (a draft
// campaign, then its page), ask for changes, decline, record or remove an endorsement; then a redirect
// with a notice, or the page again with the reason nothing changed and what was typed kept. The editor
// gate has checked the permission and the CSRF token before these handlers run.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditReader } from '../../../domain/account/account.ports.js';
import { can } from '../../../domain/account/permissions.js';
import type { CampaignDraftStore } from '../../../domain/campaign/create-campaign.js';
import {
  addEndorsement,
  type EndorsementError,
  endorsementLimits,
} from '../../../domain/campaign-request/add-endorsement.js';
import { approveRequest } from '../../../domain/campaign-request/approve-request.js';
import type { CampaignRequestStore } from '../../../domain/campaign-request/campaign-request.ports.js';
import { decideRequest } from '../../../domain/campaign-request/decide-request.js';
import { removeEndorsement } from '../../../domain/campaign-request/remove-endorsement.js';
import type { CampaignRequestActionResult } from '../../../domain/campaign-request/request.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { field } from '../../schema-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import {
  type RequestAction,
  RequestReviewPage,
  type RequestReviewPageProps,
  RequestsPage,
  requestStatusKeys,
} from './requests-pages.js';

export interface RequestsEditorDeps {
  site: SiteInfo;
  clock: Clock;
  campaignRequests: CampaignRequestStore;
  drafts: CampaignDraftStore;
  audit: AuditReader;
}

const review = { config: { permission: 'requests:review' as const } };
const idPattern = /^[1-9]\d{0,11}$/;
const decidedShown = 50;

// Single strings only (a repeated field is an array and gets the 400 page); other fields are ignored.
const messageForm = z.object({ message: field(50_000) });
const endorsementForm = z.object({ name: field(2_000), url: field(4_000), note: field(20_000) });
const removeForm = z.object({ endorsement: field(20) });

const done = {
  changes: 'requests.done.changes',
  declined: 'requests.done.declined',
  endorsed: 'requests.done.endorsed',
  unendorsed: 'requests.done.unendorsed',
} as const satisfies Record<string, StringKey>;

function endorsementErrorText(tr: Translator, field: 'name' | 'url' | 'note', error: EndorsementError) {
  if (error === 'Required') return tr.t('requests.error.nameRequired');
  if (error === 'UrlInvalid') return tr.t('request.error.UrlInvalid');
  if (error === 'InvalidCharacters') return tr.t('request.error.InvalidCharacters');
  return tr.t('request.error.TooLong', {
    max: field === 'note' ? endorsementLimits.note : endorsementLimits.name,
  });
}

export function requestsEditorRoutes(app: FastifyInstance, deps: RequestsEditorDeps): void {
  const idOf = (req: FastifyRequest): number | undefined => {
    const { requestId: id } = req.params as { requestId: string };
    return idPattern.test(id) ? Number(id) : undefined;
  };
  const actorOf = (req: FastifyRequest) => {
    const { id, email, name } = req.account!.user;
    return { id, email, name };
  };

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    status = 200,
    refused?: Pick<RequestReviewPageProps, 'error' | 'values'>,
  ) {
    const request = await deps.campaignRequests.find(id);
    if (!request) return sendError(req, reply, deps.site, 404);
    const history = await deps.audit.list(
      { entityType: 'campaign_request', entityId: String(id) },
      { offset: 0, limit: 100 },
    );
    const notice = doneNotice(req, done);
    return sendEditorPage(req, reply.code(status), deps.site, RequestReviewPage, {
      request,
      history,
      now: deps.clock.now(),
      notice: refused ? undefined : notice,
      error: refused?.error,
      values: refused?.values,
    });
  }

  /** The answer to a use case that changed nothing because of where the request is now. */
  function refusedBy(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    action: RequestAction,
    result: Exclude<CampaignRequestActionResult, { status: 'ok' }>,
  ) {
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    const text = req.tr.t('requests.error.wrongState', {
      status: req.tr.t(requestStatusKeys[result.current]),
    });
    return show(req, reply, id, 409, { error: { action, text } });
  }

  app.get('/editor/requests', review, async (req, reply) =>
    sendEditorPage(req, reply, deps.site, RequestsPage, {
      requests: await deps.campaignRequests.list(decidedShown),
      now: deps.clock.now(),
      canEditTerms: can(req.account!.user.role, 'settings:manage'),
    }),
  );

  app.get('/editor/requests/:requestId', review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    return show(req, reply, id);
  });

  app.post('/editor/requests/:requestId/approve', review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await approveRequest(deps, actorOf(req), { id });
    switch (result.status) {
      case 'approved':
        return reply.redirect(`/editor/campaigns/${result.slug}?done=approved`, 303);
      case 'invalid':
        return show(req, reply, id, 422, {
          error: { action: 'approve', text: req.tr.t('requests.error.approveInvalid') },
        });
      default:
        return refusedBy(req, reply, id, 'approve', result);
    }
  });

  for (const decision of ['changes', 'decline'] as const) {
    app.post(`/editor/requests/:requestId/${decision}`, review, async (req, reply) => {
      const id = idOf(req);
      if (id === undefined) return sendError(req, reply, deps.site, 404);
      const form = readForm(req, reply, deps, messageForm);
      if (!form) return reply;
      const result = await decideRequest(deps, actorOf(req), { id, decision, message: form.message });
      if (result.status === 'ok') {
        return reply.redirect(
          `/editor/requests/${id}?done=${decision === 'changes' ? 'changes' : 'declined'}`,
          303,
        );
      }
      if (result.status === 'invalid') {
        const text =
          result.error === 'Required'
            ? req.tr.t('requests.error.messageRequired')
            : req.tr.t('requests.error.messageTooLong', { max: result.max });
        return show(req, reply, id, 422, {
          error: { action: decision, field: 'message', text },
          values: { message: form.message },
        });
      }
      return refusedBy(req, reply, id, decision, result);
    });
  }

  app.post('/editor/requests/:requestId/endorsements', review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const form = readForm(req, reply, deps, endorsementForm);
    if (!form) return reply;
    const result = await addEndorsement(deps, actorOf(req), { requestId: id, ...form });
    if (result.status === 'ok')
      return reply.redirect(`/editor/requests/${id}?done=endorsed#endorsements`, 303);
    if (result.status === 'invalid') {
      const [first] = (['name', 'url', 'note'] as const).filter((f) => result.errors[f]);
      const fieldName = first ?? 'name';
      return show(req, reply, id, 422, {
        error: {
          action: 'endorse',
          field: fieldName,
          text: endorsementErrorText(req.tr, fieldName, result.errors[fieldName] ?? 'Required'),
        },
        values: form,
      });
    }
    return refusedBy(req, reply, id, 'endorse', result);
  });

  app.post('/editor/requests/:requestId/endorsements/remove', review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const form = readForm(req, reply, deps, removeForm);
    if (!form) return reply;
    const endorsementId = idPattern.test(form.endorsement) ? Number(form.endorsement) : undefined;
    if (endorsementId === undefined) return sendError(req, reply, deps.site, 404);
    const result = await removeEndorsement(deps, actorOf(req), { requestId: id, endorsementId });
    if (result.status === 'ok')
      return reply.redirect(`/editor/requests/${id}?done=unendorsed#endorsements`, 303);
    return refusedBy(req, reply, id, 'endorse', result);
  });
}
