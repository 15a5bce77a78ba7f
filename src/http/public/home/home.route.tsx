// The home page: the live campaigns in the visitor's language. `/` negotiates; `/{locale}/` is explicit.
import type { FastifyInstance } from 'fastify';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import { listLiveCampaigns } from '../../../domain/campaign/list-live-campaigns.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { CampaignList } from '../../views/campaign-list.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export function homeRoutes(app: FastifyInstance, deps: { campaigns: CampaignReader; site: SiteInfo }): void {
  const handler = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const tr = req.tr;
    const campaigns = await listLiveCampaigns(deps, { locale: req.contentLocale });
    return sendPage(
      reply,
      <Layout tr={tr} site={deps.site} title={tr.t('home.title')}>
        <h1>{tr.t('home.title')}</h1>
        <p class="lead">{tr.t('home.intro')}</p>
        <CampaignList tr={tr} campaigns={campaigns} locale={req.contentLocale} />
      </Layout>,
    );
  };
  app.get('/', handler);
  app.get('/:locale/', handler);
  // Only a well-formed language tag, as canonicalised, goes into Location (`/%2Fevil.com` gave `//evil.com/`).
  app.get('/:locale', (req, reply) =>
    req.localeValid ? reply.redirect(`/${req.contentLocale}/`, 301) : sendError(req, reply, deps.site, 404),
  );
}
