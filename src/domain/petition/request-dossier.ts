// An editor asks for a dossier: the whole petition as one PDF, or one PDF per country in a ZIP, in one of
// the campaign's published languages, optionally for chosen countries only. The row and its build job are
// written together; the worker does the rendering (build-dossier.ts) while the page shows progress.
import { type CampaignWithContent, publishedLocales } from '../campaign/campaign.js';
import type { Clock } from '../shared/clock.js';
import { isCountryCode } from '../signature/countries.js';
import type { DossierKind, DossierStore } from './dossier.js';

export type RequestDossierResult =
  | { status: 'queued'; id: number }
  | { status: 'invalid'; field: 'locale' | 'countries' };

export async function requestDossier(
  deps: { dossiers: DossierStore; clock: Clock; retentionDays: () => Promise<number> },
  input: {
    campaign: Pick<CampaignWithContent, 'id' | 'translations' | 'sourceLocale'>;
    kind: DossierKind;
    locale: string;
    countries: string[];
    actorId: number;
  },
): Promise<RequestDossierResult> {
  if (!publishedLocales(input.campaign).includes(input.locale)) return { status: 'invalid', field: 'locale' };
  const countries = [...new Set(input.countries)].sort();
  if (countries.length > 300 || !countries.every(isCountryCode))
    return { status: 'invalid', field: 'countries' };
  const now = deps.clock.now();
  const days = await deps.retentionDays();
  const id = await deps.dossiers.create({
    campaignId: input.campaign.id,
    kind: input.kind,
    locale: input.locale,
    countries,
    createdBy: input.actorId,
    now,
    expiresAt: now + days * 86_400_000,
  });
  return { status: 'queued', id };
}
