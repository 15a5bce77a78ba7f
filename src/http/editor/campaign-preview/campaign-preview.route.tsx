// Editors see the public page of a campaign in any of its languages before (and after) launch, drafts
// included: /editor/campaigns/:slug/preview/:locale renders the public page's own view from fresh data,
// bannered "Preview — not public", marked noindex, with the sign form switched off and the language links
// leading to the other previews. Behind the editor gate (campaigns:read): anonymous visitors never see it.
import type { FastifyInstance } from 'fastify';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import type { CampaignView } from '../../../domain/campaign/view-campaign.js';
import { countryForLocale } from '../../../domain/signature/countries.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import { translatorFor } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { CampaignPage } from '../../public/campaign/campaign-page.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';

export interface CampaignPreviewDeps {
  site: SiteInfo;
  /** Uncached: an editor previews what was saved a moment ago. */
  campaigns: CampaignReader;
}

const translationStatusKeys = {
  draft: 'campaignEdit.translation.draft',
  in_review: 'campaignEdit.translation.inReview',
  published: 'campaignEdit.translation.published',
} as const;

export function campaignPreviewRoutes(app: FastifyInstance, deps: CampaignPreviewDeps): void {
  app.get(
    '/editor/campaigns/:slug/preview/:locale',
    { config: { permission: 'campaigns:read' } },
    async (req, reply) => {
      const { slug, locale } = req.params as { slug: string; locale: string };
      if (!slugPattern.test(slug) || canonicalLocale(locale) !== locale) {
        return sendError(req, reply, deps.site, 404);
      }
      const campaign = await deps.campaigns.findBySlug(slug);
      const texts = campaign?.translations.find((x) => x.locale === locale);
      if (!campaign || !texts) return sendError(req, reply, deps.site, 404);
      const totals = await deps.campaigns.supporterTotals([campaign.id]);
      const locales = campaign.translations
        .map((x) => x.locale)
        .sort((a, b) =>
          a === campaign.sourceLocale ? -1 : b === campaign.sourceLocale ? 1 : a.localeCompare(b),
        );
      const view: CampaignView = {
        campaign,
        texts,
        isFallback: false,
        locales,
        total: totals.get(campaign.id) ?? 0,
      };
      // The page in the language a visitor of this version would get; the banner in the editor's own.
      const tr = translatorFor(locale);
      const ed = req.tr;
      const href = (l: string) => `/editor/campaigns/${slug}/preview/${l}`;
      const banner = (
        <span lang={ed.locale} dir={ed.dir}>
          <strong>{ed.t('campaignEdit.previewPage.banner')}</strong>{' '}
          {ed.t('campaignEdit.previewPage.version', {
            language: ed.languageName(locale),
            status: ed.t(translationStatusKeys[texts.status]),
          })}{' '}
          <a href={`/editor/campaigns/${slug}/edit`}>{ed.t('campaignEdit.previewPage.back')}</a>
        </span>
      );
      reply.header('x-robots-tag', 'noindex, nofollow');
      return sendPage(
        reply,
        <CampaignPage
          tr={tr}
          site={deps.site}
          view={view}
          requestedLocale={locale}
          preview={{ banner, localeHref: href }}
          form={{
            action: href(locale),
            token: '',
            source: '',
            values: {
              name: '',
              email: '',
              union: '',
              country: countryForLocale(locale) ?? '',
              message: texts.defaultMessage,
              alerts: false,
              anonymous: false,
            },
            errors: {},
          }}
        />,
      );
    },
  );
}
