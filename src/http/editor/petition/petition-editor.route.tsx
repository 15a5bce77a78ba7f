// /editor/campaigns/:slug/petition: the signers as the petition lists them, hidden ones marked, and
// POST …/hide and …/show for one signature (campaigns:edit; the editor gate checks it and the CSRF token
// first). Hiding is audited (petition.signer_hidden / petition.signer_shown).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chooseTexts, slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import type { PartnerAgeKeyStore } from '../../../domain/partner-report/partner-age-key.js';
import { setSignerHidden } from '../../../domain/petition/hide-signer.js';
import {
  type PetitionModeration,
  type PetitionReader,
  parseCursor,
  petitionPageSize,
} from '../../../domain/petition/petition.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { PetitionEditorPage } from './petition-editor-page.js';

export interface PetitionEditorDeps {
  site: SiteInfo;
  /** Uncached: an editor sees a hide at once. */
  campaigns: CampaignReader;
  petition: PetitionReader & PetitionModeration;
  clock: Clock;
  /** Partners with an age key: the export can be encrypted for one of them (decision 0033). */
  ageKeys: Pick<PartnerAgeKeyStore, 'ageKeys'>;
}

const edit = { config: { permission: 'campaigns:edit' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;
const listQuery = z.object({
  after: z.string().max(40).optional(),
  done: z.enum(['hidden', 'shown', 'unchanged']).optional(),
});
const hideForm = z.object({ id: z.string().max(20) });

export function petitionEditorRoutes(app: FastifyInstance, deps: PetitionEditorDeps): void {
  const slugOf = (req: FastifyRequest) => {
    const { slug } = req.params as { slug: string };
    return slugPattern.test(slug) ? slug : undefined;
  };

  app.get('/editor/campaigns/:slug/petition', edit, async (req, reply) => {
    const slug = slugOf(req);
    const query = listQuery.safeParse(req.query ?? {});
    if (!slug) return sendError(req, reply, deps.site, 404);
    if (!query.success) return sendError(req, reply, deps.site, 400);
    const after = query.data.after ? parseCursor(query.data.after) : null;
    if (query.data.after && !after) return sendError(req, reply, deps.site, 400);
    const campaign = await deps.campaigns.findBySlug(slug);
    if (!campaign) return sendError(req, reply, deps.site, 404);
    const rows = await deps.petition.page({
      campaignId: campaign.id,
      country: null,
      after,
      limit: petitionPageSize + 1,
      includeHidden: true,
    });
    const keyed = (await deps.ageKeys.ageKeys(campaign.id)).filter((k) => k.recipient !== null);
    const page = rows.slice(0, petitionPageSize);
    const last = page.at(-1);
    const done = query.data.done;
    return sendEditorPage(req, reply.header('cache-control', 'no-store'), deps.site, PetitionEditorPage, {
      campaign,
      headline: chooseTexts(campaign, req.tr.locale)?.texts.headline ?? campaign.slug,
      rows: page,
      next: rows.length > petitionPageSize && last ? { signedAt: last.signedAt, id: last.id } : null,
      first: !after,
      keyedPartners: keyed.map((k) => ({ id: k.partnerId, name: k.name })),
      notice: done ? req.tr.t(`petitionEditor.done.${done}`) : undefined,
    });
  });

  const change = (hidden: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const slug = slugOf(req);
    const form = hideForm.safeParse(req.body ?? {});
    if (!slug) return sendError(req, reply, deps.site, 404);
    if (!form.success || !idPattern.test(form.data.id)) return sendError(req, reply, deps.site, 400);
    const account = req.account!.user;
    const result = await setSignerHidden(
      { campaigns: deps.campaigns, moderation: deps.petition, clock: deps.clock },
      { id: account.id, email: account.email },
      { slug, signatureId: Number(form.data.id), hidden },
    );
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    const done = result.status === 'unchanged' ? 'unchanged' : hidden ? 'hidden' : 'shown';
    return reply.redirect(`/editor/campaigns/${slug}/petition?done=${done}`, 303);
  };
  app.post('/editor/campaigns/:slug/petition/hide', edit, change(true));
  app.post('/editor/campaigns/:slug/petition/show', edit, change(false));
}
