// The editors' delivery pages: an overview of every campaign's delivery and one page per campaign with
// the per-target counts and the actions that unblock delivery. Reading needs campaigns:read, acting
// campaigns:edit; the editor gate checks both, and the CSRF token, before these handlers run.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../../domain/account/permissions.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import { deliveryOutcome } from '../../../domain/campaign/close-out.js';
import type { DeliveryAdmin } from '../../../domain/delivery/delivery.ports.js';
import {
  type DeliveryChangeResult,
  replaceTargetAddress,
  resendUnknown,
  resumeDomain,
  setTargetPaused,
} from '../../../domain/delivery/manage-targets.js';
import { csvLine, utf8Bom } from '../../../domain/petition/csv.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { StringKey } from '../../../i18n/translator.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import { DeliveryOverviewPage, DeliveryPage } from './delivery-page.js';

export interface DeliveryEditorDeps {
  site: SiteInfo;
  clock: Clock;
  delivery: DeliveryAdmin & {
    overview(): Promise<Parameters<typeof DeliveryOverviewPage>[0]['campaigns']>;
  };
}

const read = { config: { permission: 'campaigns:read' as const } };
const edit = { config: { permission: 'campaigns:edit' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;
const domainPattern = /^[a-z0-9.-]{1,253}$/;
const emailForm = z.object({ email: z.string().max(400), _csrf: z.string().optional() });

const notices: Record<string, StringKey> = {
  paused: 'delivery.done.paused',
  resumed: 'delivery.done.resumed',
  replaced: 'delivery.done.replaced',
  domain: 'delivery.done.domain',
  resent: 'delivery.done.resent',
};

export function deliveryEditorRoutes(app: FastifyInstance, deps: DeliveryEditorDeps): void {
  const manage = { delivery: deps.delivery, clock: deps.clock };

  function params(req: FastifyRequest): { slug: string; targetId?: number; domain?: string } | undefined {
    const p = req.params as { slug: string; id?: string; domain?: string };
    if (!slugPattern.test(p.slug)) return undefined;
    if (p.id !== undefined && !idPattern.test(p.id)) return undefined;
    if (p.domain !== undefined && !domainPattern.test(p.domain)) return undefined;
    return {
      slug: p.slug,
      ...(p.id !== undefined ? { targetId: Number(p.id) } : {}),
      ...(p.domain !== undefined ? { domain: p.domain } : {}),
    };
  }

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status = 200,
    error?: { targetId: number; message: string; value: string },
  ) {
    const report = await deps.delivery.report(slug);
    if (!report) return sendError(req, reply, deps.site, 404);
    const key = doneNotice(req, notices);
    const notice = key && req.tr.t(key);
    return sendEditorPage(req, reply.code(status), deps.site, DeliveryPage, {
      canEdit: can(req.account!.user.role, 'campaigns:edit'),
      report,
      notice,
      error,
    });
  }

  app.get('/editor/delivery', read, async (req, reply) =>
    sendEditorPage(req, reply, deps.site, DeliveryOverviewPage, {
      campaigns: await deps.delivery.overview(),
    }),
  );

  // The delivery report of the close-out: one row per address, what reached it, bounced, stays unknown.
  app.get('/editor/campaigns/:slug/delivery/report.csv', read, async (req, reply) => {
    const p = params(req);
    const report = p && (await deps.delivery.report(p.slug));
    if (!report) return sendError(req, reply, deps.site, 404);
    const header = [
      'name',
      'organisation',
      'email',
      'kind',
      'state',
      'sent',
      'bounced',
      'unknown',
      'failed',
      'waiting',
      'last_sent_at',
    ];
    let body = utf8Bom + csvLine(header);
    for (const row of report.targets) {
      const o = deliveryOutcome(row);
      body += csvLine([
        row.name,
        row.organisation,
        row.email,
        row.kind,
        row.status,
        o.sent,
        o.bounced,
        o.unknown,
        o.failed,
        o.waiting,
        row.lastSentAt === null ? null : new Date(row.lastSentAt).toISOString(),
      ]);
    }
    return download(reply, `${report.slug}-delivery.csv`, 'text/csv; charset=utf-8').send(body);
  });

  app.get('/editor/campaigns/:slug/delivery', read, async (req, reply) => {
    const p = params(req);
    if (!p) return sendError(req, reply, deps.site, 404);
    return render(req, reply, p.slug);
  });

  /** Runs one action on a target of the campaign, then back to the page with a notice. */
  async function targetAction(
    req: FastifyRequest,
    reply: FastifyReply,
    act: (campaignId: number, targetId: number) => Promise<DeliveryChangeResult>,
    done: string,
  ) {
    const p = params(req);
    const report = p && (await deps.delivery.report(p.slug));
    if (!p?.targetId || !report?.targets.some((t) => t.id === p.targetId)) {
      return sendError(req, reply, deps.site, 404);
    }
    const result = await act(report.campaignId, p.targetId);
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid_email') {
      const value = String((req.body as { email?: unknown } | undefined)?.email ?? '').slice(0, 320);
      return render(req, reply, p.slug, 422, {
        targetId: p.targetId,
        message: req.tr.t('form.error.EmailInvalid'),
        value,
      });
    }
    return reply.redirect(`/editor/campaigns/${p.slug}/delivery?done=${done}#target-${p.targetId}`, 303);
  }

  const actor = (req: FastifyRequest) => ({ id: req.account!.user.id, email: req.account!.user.email });

  // Pausing a target and resuming it: one step, the flag and the notice differ.
  const pausing = [
    { path: 'pause', paused: true, done: 'paused' },
    { path: 'resume', paused: false, done: 'resumed' },
  ];
  for (const { path, paused, done } of pausing) {
    app.post(`/editor/campaigns/:slug/delivery/targets/:id/${path}`, edit, (req, reply) =>
      targetAction(
        req,
        reply,
        (campaignId, targetId) => setTargetPaused(manage, actor(req), { campaignId, targetId, paused }),
        done,
      ),
    );
  }
  app.post('/editor/campaigns/:slug/delivery/targets/:id/replace', edit, (req, reply) => {
    const form = readForm(req, reply, deps, emailForm);
    if (!form) return reply;
    return targetAction(
      req,
      reply,
      (campaignId, targetId) =>
        replaceTargetAddress(manage, actor(req), { campaignId, targetId, email: form.email }),
      'replaced',
    );
  });
  app.post('/editor/campaigns/:slug/delivery/targets/:id/resend-unknown', edit, (req, reply) =>
    targetAction(
      req,
      reply,
      (campaignId, targetId) => resendUnknown(manage, actor(req), { campaignId, targetId }),
      'resent',
    ),
  );
  app.post('/editor/campaigns/:slug/delivery/domains/:domain/resume', edit, async (req, reply) => {
    const p = params(req);
    if (!p?.domain || !(await deps.delivery.report(p.slug))) return sendError(req, reply, deps.site, 404);
    await resumeDomain(manage, actor(req), p.domain);
    return reply.redirect(`/editor/campaigns/${p.slug}/delivery?done=domain`, 303);
  });
}
