// GET /{locale}/campaigns/{slug}/petition: the public petition of a live or closed campaign, filterable by
// country (?country=CL) and paged by keyset cursors (?after=<signed at>.<id>), so a page link keeps
// showing the same signers however many sign meanwhile.
import type { FastifyInstance } from 'fastify';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import { type PetitionReader, parseCursor } from '../../../domain/petition/petition.js';
import { viewPetition } from '../../../domain/petition/view-petition.js';
import { isCountryCode } from '../../../domain/signature/countries.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';
import { petitionQuerySchema } from './petition.schema.js';
import { PetitionPage } from './petition-page.js';

export interface PetitionDeps {
  site: SiteInfo;
  campaigns: CampaignReader;
  petition: PetitionReader;
}

export function petitionRoutes(app: FastifyInstance, deps: PetitionDeps): void {
  app.get('/:locale/campaigns/:slug/petition', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const parsed = petitionQuerySchema.safeParse(req.query ?? {});
    if (!req.localeValid || !slugPattern.test(slug) || !parsed.success) {
      return sendError(req, reply, deps.site, 404);
    }
    const countryText = parsed.data.country?.trim().toUpperCase() ?? '';
    const country = countryText === '' ? null : countryText;
    if (country !== null && !isCountryCode(country)) return sendError(req, reply, deps.site, 404);
    const after = parsed.data.after ? parseCursor(parsed.data.after) : null;
    if (parsed.data.after && !after) return sendError(req, reply, deps.site, 404);
    const result = await viewPetition(deps, { slug, locale: req.contentLocale, country, after });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <PetitionPage tr={req.tr} site={deps.site} view={result.view} country={country} first={!after} />,
    );
  });
}
