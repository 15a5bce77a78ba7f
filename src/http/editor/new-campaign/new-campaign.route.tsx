// Starting a campaign from scratch (campaigns:edit): the form, and its POST, which runs the one campaign
// creation use case and goes to the new draft's page. Approved union requests reach the same use case
// from requests.route.tsx.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type CampaignDraftStore, createCampaign } from '../../../domain/campaign/create-campaign.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { readForm } from '../../read-form.js';
import { field } from '../../schema-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { NewCampaignPage } from './new-campaign-page.js';

export interface NewCampaignDeps {
  site: SiteInfo;
  clock: Clock;
  drafts: CampaignDraftStore;
}

const edit = { config: { permission: 'campaigns:edit' as const } };
const newCampaignForm = z.object({ headline: field(2_000), sourceLocale: field(50), slug: field(500) });

export function newCampaignRoutes(app: FastifyInstance, deps: NewCampaignDeps): void {
  app.get('/editor/campaigns/new', edit, async (req, reply) =>
    sendEditorPage(req, reply, deps.site, NewCampaignPage, {
      values: { headline: '', sourceLocale: 'en', slug: '' },
      errors: {},
    }),
  );

  app.post('/editor/campaigns', edit, async (req, reply) => {
    const form = readForm(req, reply, deps, newCampaignForm);
    if (!form) return reply;
    const { id, email } = req.account!.user;
    const result = await createCampaign(deps, { id, email }, form);
    if (result.status === 'created')
      return reply.redirect(`/editor/campaigns/${result.slug}?done=created`, 303);
    return sendEditorPage(req, reply.code(422), deps.site, NewCampaignPage, {
      values: form,
      errors: result.status === 'invalid' ? result.errors : {},
    });
  });
}
