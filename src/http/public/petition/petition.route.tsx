// GET /{locale}/campaigns/{slug}/petition: the public petition of a live or closed campaign, filterable by
// country (?country=CL) and paged by keyset cursors (?after=<signed at>.<id>), so a page link keeps
// showing the same signers however many sign meanwhile. GET …/petition/print: every signer grouped by
// country on one A4 document to print or turn into a PDF.
import type { FastifyInstance } from 'fastify';
import { chooseTexts, isPublic, slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import type { PetitionExporter } from '../../../domain/petition/export-signers.js';
import { displaySigner, type PetitionReader, parseCursor } from '../../../domain/petition/petition.js';
import { viewPetition } from '../../../domain/petition/view-petition.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { isCountryCode } from '../../../domain/signature/countries.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { countryName } from '../../views/country-names.js';
import type { SiteInfo } from '../../views/layout.js';
import { petitionQuerySchema } from './petition.schema.js';
import { PetitionPage } from './petition-page.js';
import { PetitionPrint, type PrintGroup } from './petition-print.js';

export interface PetitionDeps {
  site: SiteInfo;
  campaigns: CampaignReader;
  petition: PetitionReader & PetitionExporter;
  clock: Clock;
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

  app.get('/:locale/campaigns/:slug/petition/print', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!req.localeValid || !slugPattern.test(slug)) return sendError(req, reply, deps.site, 404);
    const campaign = await deps.campaigns.findBySlug(slug);
    const chosen = campaign && isPublic(campaign) ? chooseTexts(campaign, req.contentLocale) : undefined;
    if (!campaign || !chosen) return sendError(req, reply, deps.site, 404);
    // Grouped by country, each group oldest first (the exporter's order), countries by name.
    const byCountry = new Map<string | null, PrintGroup>();
    const filter = { country: null, locale: null, from: null, to: null };
    for await (const batch of deps.petition.signers(campaign.id, filter)) {
      for (const row of batch) {
        let group = byCountry.get(row.country);
        if (!group) {
          group = { country: row.country, signers: [] };
          byCountry.set(row.country, group);
        }
        group.signers.push(displaySigner(row, campaign.petitionNames));
      }
    }
    const collator = new Intl.Collator(req.tr.locale);
    const name = (g: PrintGroup) =>
      g.country ? (countryName(req.tr.locale, g.country) ?? g.country) : '\uffff';
    const groups = [...byCountry.values()].sort((a, b) => collator.compare(name(a), name(b)));
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <PetitionPrint
        tr={req.tr}
        site={deps.site}
        campaign={campaign}
        texts={chosen.texts}
        groups={groups}
        generatedAt={deps.clock.now()}
      />,
    );
  });
}
