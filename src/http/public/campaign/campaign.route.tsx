// The public campaign page, one URL per language (/tl/campaigns/slug), and its sign form's POST.
// Unprefixed links redirect to the visitor's language, keeping the query string (?src=mailing-en-2).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPublic, slugPattern } from '../../../domain/campaign/campaign.js';
import type { OldSlugReader } from '../../../domain/campaign/edit-campaign.js';
import { campaignMomentum } from '../../../domain/campaign/momentum.js';
import type { CampaignView } from '../../../domain/campaign/view-campaign.js';
import { viewCampaign } from '../../../domain/campaign/view-campaign.js';
import { countryForLocale } from '../../../domain/signature/countries.js';
import { signCampaign } from '../../../domain/signature/sign-campaign.js';
import type { SignField, SignFieldError } from '../../../domain/signature/sign-input.js';
import { OverloadedError } from '../../../domain/signature/signature.ports.js';
import { checkFormToken, FormTokenCache, issueFormToken } from '../../../security/form-token.js';
import { ipKey } from '../../../security/ip-key.js';
import { pickEncoding } from '../../compression.js';
import { stylesheetCached } from '../../critical-css.js';
import { sendError } from '../../errors.js';
import { inFlightLimit } from '../../middleware/in-flight.js';
import { readForm } from '../../read-form.js';
import { assetHash } from '../../static-assets.js';
import type { PublicDeps } from '../deps.js';
import { sendFormPage } from '../form-page.js';
import { CampaignPageCache } from './campaign-page.cache.js';
import { CampaignPage } from './campaign-page.js';
import { signBodySchema } from './sign.schema.js';
import type { SignFormValues } from './sign-form.js';

export const maxSigningInFlight = 128;
export const maxSigningPerNetwork = 32;

function sourceFrom(req: FastifyRequest): string {
  const src = (req.query as { src?: unknown }).src;
  return typeof src === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(src) ? src : '';
}

export function campaignRoutes(
  app: FastifyInstance,
  deps: PublicDeps,
  /** Slugs campaigns had before: their pages answer 301 to the current address (campaign editor). */
  oldSlugs?: OldSlugReader,
  { pageCacheBytes }: { pageCacheBytes?: number } = {},
): void {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    view: CampaignView,
    status: number,
    form: { values: SignFormValues; errors: Partial<Record<SignField, SignFieldError>>; source: string },
  ) =>
    sendFormPage(req, reply.code(status), deps.site, CampaignPage, {
      view,
      momentum: await campaignMomentum(deps, view.campaign.id),
      photo: view.campaign.photoPath ? await deps.images.responsive(view.campaign.photoPath) : null,
      inlineCss: !stylesheetCached(req.cookies, assetHash('site.css')),
      treeHead: await deps.treeHeads.latest(view.campaign.id),
      requestedLocale: req.contentLocale,
      form: {
        action: `/${req.contentLocale}/campaigns/${view.campaign.slug}/sign`,
        token: issueFormToken(deps.secret, view.campaign.id, deps.clock.now()),
        ...form,
      },
    });

  const load = async (req: FastifyRequest, reply: FastifyReply) => {
    const { slug } = req.params as { slug: string };
    if (!req.localeValid || !slugPattern.test(slug)) return void sendError(req, reply, deps.site, 404);
    const result = await viewCampaign(deps, { slug, locale: req.contentLocale });
    if (result.status === 'not_found') {
      const current = await oldSlugs?.currentSlug(slug);
      const moved = current ? await deps.campaigns.findBySlug(current) : undefined;
      if (moved && isPublic(moved)) {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        return void reply.redirect(`/${req.contentLocale}/campaigns/${moved.slug}${query}`, 301);
      }
      return void sendError(req, reply, deps.site, 404);
    }
    return result.view;
  };

  app.get('/campaigns/:slug', (req, reply) => {
    const { slug } = req.params as { slug: string };
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return reply.redirect(`/${req.contentLocale}/campaigns/${encodeURIComponent(slug)}${query}`, 302);
  });

  // The blank page is spliced from a cached render (campaign-page.cache.tsx); a re-rendered form with the
  // visitor's input and errors is rendered whole by render() above.
  const pages = new CampaignPageCache(deps.site, pageCacheBytes ? { maxBytes: pageCacheBytes } : {});
  const tokens = new FormTokenCache(deps.secret);
  app.get('/:locale/campaigns/:slug', async (req, reply) => {
    const view = await load(req, reply);
    if (!view) return reply;
    const { body, encoding } = pages.answer(
      {
        tr: req.tr,
        view,
        requestedLocale: req.contentLocale,
        action: `/${req.contentLocale}/campaigns/${view.campaign.slug}/sign`,
        country: countryForLocale(req.contentLocale) ?? '',
        token: tokens.token(view.campaign.id, deps.clock.now()),
        source: sourceFrom(req),
        momentum: await campaignMomentum(deps, view.campaign.id),
        photo: view.campaign.photoPath ? await deps.images.responsive(view.campaign.photoPath) : null,
        inlineCss: !stylesheetCached(req.cookies, assetHash('site.css')),
        head: await deps.treeHeads.latest(view.campaign.id),
      },
      pickEncoding(req.headers['accept-encoding']),
    );
    if (encoding) reply.header('content-encoding', encoding);
    return (
      reply
        .header('cache-control', 'no-store')
        // The cookie decides whether the first screen's rules are inlined (critical-css.ts).
        .header('vary', 'Accept-Encoding, Cookie')
        .code(200)
        .type('text/html; charset=utf-8')
        .send(body)
    );
  });

  // Load shedding: a bounded number of sign POSTs in progress, bodies arrived, and a few per client network
  // (middleware/in-flight.ts). The writer's bounded queue stays as the second line (docs/decisions/0005).
  const shedding = inFlightLimit(deps, { total: maxSigningInFlight, perNetwork: maxSigningPerNetwork });

  app.post('/:locale/campaigns/:slug/sign', shedding, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!req.localeValid || !slugPattern.test(slug)) return sendError(req, reply, deps.site, 404);
    // Only the campaign is needed to sign; the whole page view (with totals) only to show errors. Under
    // load, totals change with every commit, and reading them would queue behind the writes.
    const campaign = await deps.campaigns.findBySlug(slug);
    if (!campaign) {
      // A page opened before its campaign moved still signs: 307 keeps the method and the body.
      const current = await oldSlugs?.currentSlug(slug);
      if (current) return reply.redirect(`/${req.contentLocale}/campaigns/${current}/sign`, 307);
    }
    if (!campaign || !isPublic(campaign)) return sendError(req, reply, deps.site, 404);
    const view = async () => {
      const result = await viewCampaign(deps, { slug, locale: req.contentLocale });
      if (result.status === 'not_found') throw new Error(`campaign ${slug} vanished while signing`);
      return result.view;
    };
    const body = readForm(req, reply, deps, signBodySchema);
    if (!body) return reply;
    const raw = {
      name: body.name,
      email: body.email,
      union: body.union,
      country: body.country,
      message: body.message,
      alerts: body.alerts === 'yes',
      anonymous: body.anonymous === 'yes',
      source: body.src,
    };
    let result: Awaited<ReturnType<typeof signCampaign>>;
    try {
      result = await signCampaign(deps.signing, {
        slug,
        locale: req.contentLocale,
        raw,
        honeypot: body.website,
        formVerdict: checkFormToken(deps.secret, body.token, campaign.id, deps.clock.now()).verdict,
        ipKey: ipKey(deps.secret, req.ip),
        consentText: req.tr.t('form.alerts.label'),
      });
    } catch (error) {
      if (error instanceof OverloadedError) return sendError(req, reply, deps.site, 503);
      throw error;
    }
    switch (result.status) {
      case 'not_found':
        return sendError(req, reply, deps.site, 404);
      case 'closed': {
        const v = await view();
        return render(req, reply, { ...v, campaign: { ...v.campaign, status: 'closed' } }, 409, {
          values: { ...raw },
          errors: {},
          source: body.src,
        });
      }
      case 'invalid':
        return render(req, reply, await view(), 422, {
          values: { ...raw },
          errors: result.errors,
          source: body.src,
        });
      case 'accepted': {
        // An embassy campaign's thanks page counts the targets of the supporter's country.
        const query = new URLSearchParams();
        if (result.needsConfirmation) query.set('confirm', '1');
        if (campaign.targets.some((x) => x.countries.length > 0)) query.set('country', raw.country);
        const search = query.size > 0 ? `?${query}` : '';
        return reply.redirect(`/${req.contentLocale}/campaigns/${slug}/thanks${search}`, 303);
      }
    }
  });
}
