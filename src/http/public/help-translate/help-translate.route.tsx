// "Help translate": how a reader becomes a volunteer translator of campaigns. The site has no sign-up for
// translators; the page says what really happens (write to the editors, who give you an account and your
// languages) and exists only when the operator configured the editors' address (TRANSLATORS_CONTACT).
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export function helpTranslateRoutes(app: FastifyInstance, deps: { site: SiteInfo }): void {
  app.get('/:locale/help-translate', async (req, reply) => {
    const contact = deps.site.translatorsContact;
    if (!req.localeValid || !contact) return sendError(req, reply, deps.site, 404);
    const t = req.tr.t;
    return sendPage(
      reply,
      <Layout tr={req.tr} site={deps.site} title={t('helpTranslate.title')} path="/help-translate">
        <h1>{t('helpTranslate.title')}</h1>
        <p>{t('helpTranslate.body1', { siteName: deps.site.name })}</p>
        <p>{t('helpTranslate.body2')}</p>
        <p>
          {t('helpTranslate.write')}{' '}
          <a href={`mailto:${contact}`}>
            <bdi dir="ltr">{contact}</bdi>
          </a>
        </p>
        <p>{t('helpTranslate.body3')}</p>
      </Layout>,
    );
  });
}
