// After signing: thanks in the supporter's language, where the message goes (or that it will be printed),
// sharing without any third-party script, and the other live campaigns. Duplicates land here too, unchanged.
import type { FastifyInstance } from 'fastify';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import { listLiveCampaigns } from '../../../domain/campaign/list-live-campaigns.js';
import { targetServes } from '../../../domain/campaign/target-fields.js';
import { viewCampaign } from '../../../domain/campaign/view-campaign.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { CampaignList } from '../../views/campaign-list.js';
import { Layout } from '../../views/layout.js';
import type { PublicDeps } from '../deps.js';

export function thanksRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/:locale/campaigns/:slug/thanks', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!req.localeValid || !slugPattern.test(slug)) return sendError(req, reply, deps.site, 404);
    const result = await viewCampaign(deps, { slug, locale: req.contentLocale });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    const { campaign, texts } = result.view;
    const tr = req.tr;
    const t = tr.t;
    const confirm = (req.query as { confirm?: string }).confirm === '1';
    // Shared links carry ?src=share, so the campaign's sources count what sharing brought.
    const url = `${deps.site.baseUrl}/${texts.locale}/campaigns/${campaign.slug}?src=share`;
    // An embassy campaign's targets for other countries do not get this supporter's message.
    const country = String((req.query as { country?: unknown }).country ?? '');
    const targets = campaign.targets.filter(
      (x) => x.kind === 'target' && targetServes(x.countries, country),
    ).length;
    const petition = campaign.deliveryMode === 'petition_only' || targets === 0;
    const others = (await listLiveCampaigns(deps, { locale: req.contentLocale })).filter(
      (c) => c.campaign.id !== campaign.id,
    );
    const share = encodeURIComponent(url);
    const text = encodeURIComponent(texts.headline);
    const networks = [
      ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${share}`],
      ['X', `https://twitter.com/intent/tweet?url=${share}&text=${text}`],
      ['Bluesky', `https://bsky.app/intent/compose?text=${text}%20${share}`],
      ['WhatsApp', `https://wa.me/?text=${text}%20${share}`],
      ['Telegram', `https://t.me/share/url?url=${share}&text=${text}`],
    ] as const;
    const mailto = `mailto:?subject=${text}&body=${encodeURIComponent(t('thanks.share.emailBody', { url }))}`;
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <Layout tr={tr} site={deps.site} title={t('thanks.title')} path={`/campaigns/${campaign.slug}/thanks`}>
        <section class="thanks">
          <h1>{t('thanks.title')}</h1>
          <p class="thanks__campaign" lang={texts.locale} dir="auto">
            <a href={`/${req.contentLocale}/campaigns/${campaign.slug}`}>{texts.headline}</a>
          </p>
          {confirm && <p class="notice notice--important">{t('thanks.confirm')}</p>}
          <p>{petition ? t('thanks.petition') : t('thanks.delivery', { count: targets })}</p>
        </section>
        <section class="share">
          <h2>{t('thanks.share.heading')}</h2>
          <label for="share-link">{t('thanks.share.link')}</label>
          <input id="share-link" class="share__link" type="url" readOnly value={url} dir="ltr" />
          <ul class="share__list">
            <li>
              <a href={mailto}>{t('thanks.share.email')}</a>
            </li>
            {networks.map(([name, href]) => (
              <li key={name}>
                <a href={href} rel="noopener noreferrer" target="_blank">
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </section>
        {others.length > 0 && (
          <section>
            <h2>{t('thanks.others')}</h2>
            <CampaignList tr={tr} campaigns={others} locale={req.contentLocale} />
          </section>
        )}
      </Layout>,
    );
  });
}
