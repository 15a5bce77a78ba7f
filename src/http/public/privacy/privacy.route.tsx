// The privacy notice the sign form links to: what we keep, who sees it, what we send, how long it lives
// (read from the same retention settings the daily purge uses), and the way to one's own data. Short on
// purpose; it is read on phones.
import type { FastifyInstance } from 'fastify';
import type { Retention } from '../../../domain/privacy/purge-retention.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export function privacyRoutes(
  app: FastifyInstance,
  deps: { site: SiteInfo; retention: { get(): Promise<Retention> } },
): void {
  app.get('/:locale/privacy', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const t = req.tr.t;
    const retention = await deps.retention.get();
    return sendPage(
      reply,
      <Layout tr={req.tr} site={deps.site} title={t('privacy.title')} path="/privacy">
        <h1>{t('privacy.title')}</h1>
        <p>{t('privacy.body1')}</p>
        <p>{t('privacy.body2')}</p>
        <p>{t('privacy.retention', { months: retention.signerMonths })}</p>
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
