// The editors' partners page of one campaign: list, add and change (multipart forms with a logo that the
// ImageStore decodes, strips and resizes), reorder and remove. Reading needs campaigns:read, every change
// campaigns:edit; the editor gate checks both, and the CSRF token (a multipart form's fields arrive on the
// body as strings), before these handlers run. The public page shows a change at once (cache invalidated
// by the repository after each commit).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { can } from '../../../domain/account/permissions.js';
import { addPartner } from '../../../domain/campaign/add-partner.js';
import type { PartnerStore, RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import { editPartner } from '../../../domain/campaign/edit-partner.js';
import { movePartner } from '../../../domain/campaign/move-partner.js';
import type { PartnerInput } from '../../../domain/campaign/partner-fields.js';
import { removePartner } from '../../../domain/campaign/remove-partner.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { ImageStore } from '../../../domain/shared/image.ports.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import {
  actorOf,
  campaignOf,
  edit,
  editUpload,
  idPattern,
  moveRowRoute,
  read,
  rowOf,
} from '../roster-routes.js';
import { partnerForm } from './partners.schema.js';
import { type PartnerFormState, PartnersPage } from './partners-pages.js';

export interface PartnerEditorDeps {
  site: SiteInfo;
  clock: Clock;
  partners: PartnerStore;
  images: ImageStore;
  /** UPLOAD_MAX_MB in bytes, for the "logo too large" message. */
  maxUploadBytes: number;
}

const notices = {
  added: 'partners.done.added',
  changed: 'targets.done.changed',
  removed: 'partners.done.removed',
  moved: 'targets.done.moved',
} as const satisfies Record<string, StringKey>;

export function partnerEditorRoutes(app: FastifyInstance, deps: PartnerEditorDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/partners`;
  const useCases = { partners: deps.partners, images: deps.images, clock: deps.clock };
  const load = (req: FastifyRequest, reply: FastifyReply) => campaignOf(req, reply, deps.site, deps.partners);
  const partnerOf = (req: FastifyRequest, reply: FastifyReply) =>
    rowOf(req, reply, deps.site, deps.partners, 'partnerId');

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: RosterCampaign,
    state?: PartnerFormState,
    status = 200,
  ) {
    const partners = await deps.partners.partners(campaign.id);
    const q = (req.query ?? {}) as { edit?: unknown };
    const editId =
      state && typeof state.form === 'object'
        ? state.form.edit
        : typeof q.edit === 'string' && idPattern.test(q.edit)
          ? Number(q.edit)
          : undefined;
    const done = doneNotice(req, notices);
    return sendEditorPage(req, reply.code(status), deps.site, PartnersPage, {
      campaign,
      partners,
      canEdit: can(req.account!.user.role, 'campaigns:edit'),
      maxUploadBytes: deps.maxUploadBytes,
      notice: !state && done ? req.tr.t(done) : undefined,
      editing: partners.find((x) => x.id === editId),
      state,
    });
  }

  app.get('/editor/campaigns/:slug/partners', read, async (req, reply) => {
    const campaign = await load(req, reply);
    if (campaign) return show(req, reply, campaign);
  });

  const inputOf = (f: z.infer<typeof partnerForm>): PartnerInput => ({
    name: f.name,
    url: f.url,
    description: f.description,
  });

  app.post('/editor/campaigns/:slug/partners', editUpload, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return;
    const form = readForm(req, reply, deps, partnerForm);
    if (!form) return reply;
    const fields = inputOf(form);
    const result = await addPartner(useCases, actorOf(req), {
      slug: campaign.slug,
      fields,
      logo: form.logo,
    });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid') {
      return show(req, reply, campaign, { form: 'add', values: fields, errors: result.errors }, 422);
    }
    return reply.redirect(`${base(campaign.slug)}?done=added#partner-${result.id}`, 303);
  });

  app.post('/editor/campaigns/:slug/partners/:partnerId', editUpload, async (req, reply) => {
    const row = await partnerOf(req, reply);
    if (!row) return;
    const { campaign, id: partnerId } = row;
    const form = readForm(req, reply, deps, partnerForm);
    if (!form) return reply;
    const fields = inputOf(form);
    const removeLogo = form.removeLogo === 'yes';
    const result = await editPartner(useCases, actorOf(req), {
      slug: campaign.slug,
      partnerId,
      fields,
      logo: form.logo,
      removeLogo,
    });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid') {
      return show(
        req,
        reply,
        campaign,
        { form: { edit: partnerId }, values: { ...fields, removeLogo }, errors: result.errors },
        422,
      );
    }
    return reply.redirect(`${base(campaign.slug)}?done=changed#partner-${partnerId}`, 303);
  });

  app.post('/editor/campaigns/:slug/partners/:partnerId/remove', edit, async (req, reply) => {
    const row = await partnerOf(req, reply);
    if (!row) return;
    const { campaign, id: partnerId } = row;
    const result = await removePartner(useCases, actorOf(req), { slug: campaign.slug, partnerId });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`${base(campaign.slug)}?done=removed`, 303);
  });

  moveRowRoute(
    app,
    { site: deps.site, store: deps.partners },
    { path: 'partners', param: 'partnerId', anchor: 'partner' },
    (req, { slug, id, direction }) => movePartner(useCases, actorOf(req), { slug, partnerId: id, direction }),
  );
}
