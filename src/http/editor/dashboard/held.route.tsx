// The review of held signatures: GET the list (optionally one network's), POST release or discard for one
// signature (a row's button sends `id`), for the ticked ones (`ids`) or for a whole network (`network`).
// Acting on more than one needs the confirmation box ticked. Everything needs campaigns:edit (see
// docs/decisions/0012-dashboard.md); the editor gate checks it and the CSRF token first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import {
  discardHeld,
  type HeldSelection,
  listHeld,
  type ReviewDeps,
  type ReviewResult,
  releaseHeld,
} from '../../../domain/signature/review-held.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendEditorPage } from '../pages.js';
import { HeldPage } from './held-page.js';
import type { DashboardFeature } from './home.route.js';

const edit = { config: { permission: 'campaigns:edit' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;
const networkPattern = /^[A-Za-z0-9_-]{1,64}$/;
const countPattern = /^[0-9]{1,7}$/;

const text = z.string().max(100);
// Single strings except `ids` (the ticked boxes); anything else, and other fields, is a 400 or ignored.
const reviewForm = z.object({
  id: text.optional(),
  ids: z.union([text, z.array(text).max(10_000)]).optional(),
  network: text.optional(),
  confirm: text.optional(),
});
type ReviewForm = z.infer<typeof reviewForm>;

const listQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/)
    .optional(),
  network: z.string().regex(networkPattern).optional(),
  done: z.enum(['released', 'discarded']).optional(),
  count: z.string().regex(countPattern).optional(),
});

/** The selection the form names, or undefined when a value is malformed. */
function selectionOf(form: ReviewForm): HeldSelection | undefined {
  if (form.id !== undefined) return idPattern.test(form.id) ? { ids: [Number(form.id)] } : undefined;
  if (form.network !== undefined)
    return networkPattern.test(form.network) ? { network: form.network } : undefined;
  const ids = form.ids === undefined ? [] : ([] as string[]).concat(form.ids);
  if (!ids.every((id) => idPattern.test(id))) return undefined;
  return { ids: [...new Set(ids.map(Number))] };
}

export function heldRoutes(app: FastifyInstance, deps: DashboardFeature): void {
  const review: ReviewDeps = {
    held: deps.held,
    tokens: deps.tokens,
    clock: deps.clock,
    limits: () => deps.signingLimits(),
  };

  const slugOf = (req: FastifyRequest) => {
    const { slug } = req.params as { slug: string };
    return slugPattern.test(slug) ? slug : undefined;
  };

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: {
      page?: number;
      network?: string;
      notice?: string;
      error?: string;
      selected?: Set<number>;
    } = {},
    status = 200,
  ) {
    const list = await listHeld(review, { slug, page: options.page ?? 1, network: options.network });
    if (list.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return sendEditorPage(req, reply.code(status), deps.site, HeldPage, {
      list,
      limits: await deps.signingLimits(),
      notice: options.notice,
      error: options.error,
      ...(options.selected ? { selected: options.selected } : {}),
    });
  }

  app.get('/editor/campaigns/:slug/held', edit, async (req, reply) => {
    const slug = slugOf(req);
    const query = listQuery.safeParse(req.query ?? {});
    if (!slug) return sendError(req, reply, deps.site, 404);
    if (!query.success) return sendError(req, reply, deps.site, 400);
    const { page, network, done, count } = query.data;
    const n = Number(count ?? 0);
    const notice =
      done === undefined
        ? undefined
        : n === 0
          ? req.tr.t('held.done.nothing')
          : req.tr.t(done === 'released' ? 'held.done.released' : 'held.done.discarded', { count: n });
    return show(req, reply, slug, {
      page: Number(page ?? 1),
      ...(network ? { network } : {}),
      ...(notice ? { notice } : {}),
    });
  });

  const actions = [
    { path: 'release', done: 'released', run: releaseHeld },
    { path: 'discard', done: 'discarded', run: discardHeld },
  ] as const;

  for (const action of actions) {
    app.post(`/editor/campaigns/:slug/held/${action.path}`, edit, async (req, reply) => {
      const slug = slugOf(req);
      if (!slug) return sendError(req, reply, deps.site, 404);
      const form = readForm(req, reply, deps, reviewForm);
      if (!form) return reply;
      const selection = selectionOf(form);
      if (!selection) return sendError(req, reply, deps.site, 400);
      const selected = new Set('ids' in selection && form.id === undefined ? selection.ids : []);
      const again = (error: string, status: number) =>
        show(
          req,
          reply,
          slug,
          { error, selected, ...('network' in selection ? { network: selection.network } : {}) },
          status,
        );
      const many = 'network' in selection || selection.ids.length > 1;
      if (many && form.confirm !== 'yes') return again(req.tr.t('held.error.confirm'), 422);
      const { id, email } = req.account!.user;
      const result: ReviewResult = await action.run(review, { id, email }, { slug, selection });
      switch (result.status) {
        case 'ok':
          return reply.redirect(
            `/editor/campaigns/${slug}/held?done=${action.done}&count=${result.count}`,
            303,
          );
        case 'not_found':
          return sendError(req, reply, deps.site, 404);
        case 'nothing_selected':
          return again(req.tr.t('held.error.nothingSelected'), 422);
        case 'too_many':
          return again(req.tr.t('held.error.tooMany', { max: result.max }), 422);
      }
    });
  }
}
