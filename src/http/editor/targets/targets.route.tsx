// The editors' targets pages of one campaign: the list with add / edit / reorder / remove (targets and
// union copy addresses); the CSV import (target-import.route.tsx) and "send a test message to me"
// (test-message.route.tsx) are registered from here. Reading needs campaigns:read, every change campaigns:edit; the editor gate checks both, and the
// CSRF token, before these handlers run. Each POST is one use case, then a redirect with a notice, or the
// page again (422) with the reason and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../../domain/account/permissions.js';
import { addTarget } from '../../../domain/campaign/add-target.js';
import type { TargetKind } from '../../../domain/campaign/campaign.js';
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import { editTarget } from '../../../domain/campaign/edit-target.js';
import { moveTarget } from '../../../domain/campaign/move-target.js';
import { removeTarget } from '../../../domain/campaign/remove-target.js';
import type { TargetInput } from '../../../domain/campaign/target-fields.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendEditorPage } from '../pages.js';
import { actorOf, campaignOf, edit, idPattern, moveRowRoute, read, rowOf } from '../roster-routes.js';
import type { TargetEditorDeps } from './deps.js';
import type { TargetFormState } from './target-form.js';
import { targetImportRoutes } from './target-import.route.js';
import { targetForm } from './targets.schema.js';
import { TargetsPage } from './targets-pages.js';
import { testMessageRoutes } from './test-message.route.js';

const doneKeys = ['added', 'copyAdded', 'changed', 'removed', 'moved', 'imported'] as const;
type Done = (typeof doneKeys)[number];

function countParam(value: unknown): number {
  return typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : 0;
}

export function targetEditorRoutes(app: FastifyInstance, deps: TargetEditorDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/targets`;
  const useCases = { targets: deps.targets, clock: deps.clock };
  const load = (req: FastifyRequest, reply: FastifyReply) => campaignOf(req, reply, deps.site, deps.targets);
  const targetOf = (req: FastifyRequest, reply: FastifyReply) =>
    rowOf(req, reply, deps.site, deps.targets, 'targetId');

  function notice(req: FastifyRequest): string | undefined {
    const q = (req.query ?? {}) as { done?: unknown; n?: unknown; m?: unknown };
    if (typeof q.done !== 'string' || !(doneKeys as readonly string[]).includes(q.done)) return undefined;
    const n = countParam(q.n);
    const t = req.tr.t;
    switch (q.done as Done) {
      case 'added':
        return t('targets.done.added');
      case 'copyAdded':
        return t('targets.done.copyAdded');
      case 'changed':
        return t('targets.done.released', { count: n });
      case 'removed':
        return t('targets.done.removed', { count: n });
      case 'moved':
        return t('targets.done.moved');
      case 'imported': {
        const skipped = countParam(q.m);
        const imported = t('targets.done.imported', { count: n });
        return skipped > 0 ? `${imported} ${t('targets.done.skipped', { count: skipped })}` : imported;
      }
    }
  }

  async function showTargets(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: RosterCampaign,
    options: { status?: number; state?: TargetFormState; error?: string } = {},
  ) {
    const targets = await deps.targets.targets(campaign.id);
    const q = (req.query ?? {}) as { edit?: unknown; remove?: unknown };
    const pick = (v: unknown) => (typeof v === 'string' && idPattern.test(v) ? Number(v) : undefined);
    const editId = options.state && 'edit' in options.state.form ? options.state.form.edit : pick(q.edit);
    const removeId = options.state ? undefined : pick(q.remove);
    return sendEditorPage(req, reply.code(options.status ?? 200), deps.site, TargetsPage, {
      campaign,
      targets,
      canEdit: can(req.account!.user.role, 'campaigns:edit'),
      notice: options.state || options.error ? undefined : notice(req),
      error: options.error,
      editing: targets.find((x) => x.id === editId),
      removing: targets.find((x) => x.id === removeId),
      state: options.state,
    });
  }

  app.get('/editor/campaigns/:slug/targets', read, async (req, reply) => {
    const campaign = await load(req, reply);
    if (campaign) return showTargets(req, reply, campaign);
  });

  const inputOf = (f: z.infer<typeof targetForm>): TargetInput => ({
    name: f.name,
    organisation: f.organisation,
    email: f.email,
    locale: f.locale,
    timeZone: f.timeZone,
    hourlyCap: f.hourlyCap,
    countries: f.countries,
  });

  app.post('/editor/campaigns/:slug/targets', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return;
    const form = readForm(req, reply, deps, targetForm);
    if (!form) return reply;
    const kind: TargetKind = form.kind;
    const fields = inputOf(form);
    // A copy address has no time zone, cap or countries of its own to set here.
    if (kind === 'copy') Object.assign(fields, { timeZone: '', hourlyCap: '', countries: '' });
    const result = await addTarget(useCases, actorOf(req), { slug: campaign.slug, kind, fields });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid') {
      return showTargets(req, reply, campaign, {
        status: 422,
        state: { form: { add: kind }, values: fields, errors: result.errors },
      });
    }
    const done = kind === 'copy' ? 'copyAdded' : 'added';
    return reply.redirect(`${base(campaign.slug)}?done=${done}#target-${result.id}`, 303);
  });

  app.post('/editor/campaigns/:slug/targets/:targetId', edit, async (req, reply) => {
    const row = await targetOf(req, reply);
    if (!row) return;
    const { campaign, id: targetId } = row;
    const form = readForm(req, reply, deps, targetForm);
    if (!form) return reply;
    const fields = inputOf(form);
    const result = await editTarget(
      { targets: deps.targets, delivery: deps.delivery, clock: deps.clock },
      actorOf(req),
      { slug: campaign.slug, targetId, fields },
    );
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid') {
      return showTargets(req, reply, campaign, {
        status: 422,
        state: { form: { edit: targetId }, values: fields, errors: result.errors },
      });
    }
    return reply.redirect(`${base(campaign.slug)}?done=changed&n=${result.released}#target-${targetId}`, 303);
  });

  app.post('/editor/campaigns/:slug/targets/:targetId/remove', edit, async (req, reply) => {
    const row = await targetOf(req, reply);
    if (!row) return;
    const { campaign, id: targetId } = row;
    const result = await removeTarget(useCases, actorOf(req), { slug: campaign.slug, targetId });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'sending') {
      return showTargets(req, reply, campaign, { status: 409, error: req.tr.t('targets.error.sending') });
    }
    return reply.redirect(`${base(campaign.slug)}?done=removed&n=${result.cancelled}`, 303);
  });

  moveRowRoute(
    app,
    { site: deps.site, store: deps.targets },
    { path: 'targets', param: 'targetId', anchor: 'target' },
    (req, { slug, id, direction }) => moveTarget(useCases, actorOf(req), { slug, targetId: id, direction }),
  );

  targetImportRoutes(app, deps);
  testMessageRoutes(app, deps);
}
