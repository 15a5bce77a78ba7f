// The printable dossier handed over when targets cannot be emailed: a cover (campaign, demand, partners,
// targets, count, date range, date generated, and later a verification block) and the petition's signers
// grouped by country, as one PDF or as one PDF per country in a ZIP (embassy deliveries). The people and
// names are the petition's (export-signers.ts); this module gathers them and names the renderer's port.
import type { CampaignTexts, CampaignWithContent } from '../campaign/campaign.js';
import type { ExportFilter, PetitionExporter } from './export-signers.js';
import { displaySigner, type PetitionSigner } from './petition.js';

export const dossierKinds = ['pdf', 'zip'] as const;
/** 'pdf': every chosen country in one document; 'zip': one document per country, each with its own cover. */
export type DossierKind = (typeof dossierKinds)[number];

export interface DossierGroup {
  /** ISO 3166 code; null for signers who gave no country. */
  country: string | null;
  signers: PetitionSigner[];
}

/**
 * What a tamper-evidence log will stamp on the cover (a signed tree head and the count it covers). Nothing
 * fills it yet; the cover prints it when given.
 */
export interface DossierVerification {
  label: string;
  code: string;
}

export interface DossierDocument {
  campaign: CampaignWithContent;
  /** The campaign's texts in the language chosen at export. */
  texts: CampaignTexts;
  groups: DossierGroup[];
  generatedAt: number;
  verification?: DossierVerification;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pages: number;
}

/** Turns a dossier into a PDF with embedded fonts, page numbers and running headers. */
export interface DossierRenderer {
  /** Whether the renderer can run here (the editor says so instead of failing when it cannot). */
  available(): boolean;
  render(doc: DossierDocument): Promise<RenderedPdf>;
}

export const signerCount = (groups: readonly DossierGroup[]): number =>
  groups.reduce((n, g) => n + g.signers.length, 0);

/** First and last signing time of the groups' signers, or null when there are none. */
export function signingRange(groups: readonly DossierGroup[]): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const g of groups)
    for (const s of g.signers) {
      if (s.signedAt < from) from = s.signedAt;
      if (s.signedAt > to) to = s.signedAt;
    }
  return groups.some((g) => g.signers.length > 0) ? { from, to } : null;
}

/**
 * The campaign's signers as the petition shows them, grouped by country (each group oldest first), only the
 * chosen countries when `countries` is given. Groups come out in code order; the document sorts them by
 * name in its language.
 */
export async function gatherDossierGroups(
  exporter: PetitionExporter,
  campaign: Pick<CampaignWithContent, 'id' | 'petitionNames'>,
  countries: readonly string[] | null,
): Promise<DossierGroup[]> {
  const chosen = countries && countries.length > 0 ? new Set(countries) : null;
  const filter: ExportFilter = { country: null, locale: null, from: null, to: null };
  const byCountry = new Map<string | null, PetitionSigner[]>();
  for await (const batch of exporter.signers(campaign.id, filter)) {
    for (const row of batch) {
      if (chosen && (row.country === null || !chosen.has(row.country))) continue;
      const list = byCountry.get(row.country) ?? [];
      if (list.length === 0) byCountry.set(row.country, list);
      list.push(displaySigner(row, campaign.petitionNames));
    }
  }
  return [...byCountry.entries()]
    .map(([country, signers]) => ({ country, signers }))
    .sort((a, b) => (a.country ?? '~').localeCompare(b.country ?? '~'));
}
