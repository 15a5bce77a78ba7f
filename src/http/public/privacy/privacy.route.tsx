// The privacy notice the sign form links to: what we keep, who sees it, what we send, and the rights a
// supporter has. Short on purpose; it is read on phones.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export function privacyRoutes(app: FastifyInstance, deps: { site: SiteInfo }): void {
  app.get('/:locale/privacy', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const t = req.tr.t;
    return sendPage(
      reply,
      <Layout tr={req.tr} site={deps.site} title={t('privacy.title')} path="/privacy">
        <h1>{t('privacy.title')}</h1>
        <p>{t('privacy.body1')}</p>
        <p>{t('privacy.body2')}</p>
        <p>{t('privacy.body3')}</p>
        <p>
          <a class="button" href={`/${req.tr.locale}/my-data`}>
            {t('privacy.myDataLink')}
          </a>
        </p>
      </Layout>,
    );
  });
}
