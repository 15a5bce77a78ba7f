// /{locale}/campaigns/archive: every closed campaign with its dates, supporters and outcome.
import type { FastifyInstance } from 'fastify';
import { listArchive } from '../../../domain/campaign/list-archive.js';
import { directionOf } from '../../../i18n/locales.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { Layout } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import type { PublicDeps } from '../deps.js';

export function archiveRoutes(app: FastifyInstance, deps: PublicDeps): void {
  app.get('/:locale/campaigns/archive', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const tr = req.tr;
    const t = tr.t;
    const campaigns = await listArchive(deps, { locale: req.contentLocale });
    return sendPage(
      reply,
      <Layout tr={tr} site={deps.site} title={t('archive.title')} path="/campaigns/archive">
        <h1>{t('archive.title')}</h1>
        {campaigns.length === 0 ? (
          <p class="empty">{t('archive.none')}</p>
        ) : (
          <ul class="campaign-list archive">
            {campaigns.map(({ campaign, texts, total, isRecord }) => (
              <li key={campaign.id} class={`campaign-card${isRecord ? ' campaign-card--record' : ''}`}>
                {isRecord && <p class="badge">{t('archive.record')}</p>}
                <h2 lang={texts.locale} dir={directionOf(texts.locale)}>
                  <a href={`/${req.contentLocale}/campaigns/${campaign.slug}`}>{texts.headline}</a>
                </h2>
                <p class="dates">
                  {t('archive.dates', {
                    start: campaign.startsAt ? tr.date(campaign.startsAt, 'medium') : '?',
                    end: tr.date(campaign.closedAt ?? campaign.endsAt ?? 0, 'medium'),
                  })}
                </p>
                {/* Past tense ("No supporters yet" invited signing a campaign that is over), and nothing at
                    all for a campaign that took no signatures here: its outcome tells what happened. */}
                {total > 0 && <p class="count">{t('campaign.supporters.closed', { count: total })}</p>}
                {texts.outcomeMd && (
                  <div
                    class="outcome outcome--small"
                    lang={texts.locale}
                    dir={directionOf(texts.locale)}
                    dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.outcomeMd) }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  });
}
