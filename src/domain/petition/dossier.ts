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
 * The tamper-evidence stamp on the cover (decision 0031): the newest signed tree head, the count it covers
 * and where to check an export against it; the cover prints it when the campaign's log has a head.
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
/** Pages printed so far of a document's total. */
export type PagesPrinted = (printed: number, total: number) => Promise<void>;

export interface DossierRenderer {
  /** Whether the renderer can run here (the editor says so instead of failing when it cannot). */
  available(): boolean;
  /**
   * `onPages`, when given, hears how many pages are printed of how many after each part of a long document,
   * so a single PDF shows progress while it is made.
   */
  render(doc: DossierDocument, onPages?: PagesPrinted): Promise<RenderedPdf>;
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

/**
 * A dossier an editor asked for, as the worker builds it:
 *
 *   queued ──(worker starts)──▶ running ──▶ done   (file kept until expiresAt, then deleted daily)
 *                                  └──────▶ failed (reason shown; the editor asks again)
 */
export type DossierStatus = 'queued' | 'running' | 'done' | 'failed';

/** Why a dossier failed, as the editor page names it. */
export type DossierFailure = 'renderer_missing' | 'campaign_missing' | 'render_failed';

export interface DossierRequest {
  id: number;
  campaignId: number;
  slug: string;
  kind: DossierKind;
  locale: string;
  /** ISO codes; empty for every country. */
  countries: string[];
  status: DossierStatus;
  /** Documents rendered (one per country in a ZIP, one for a PDF) of `total`. */
  done: number;
  total: number;
  pages: number;
  signers: number;
  /** Bytes of the finished file. */
  size: number | null;
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
  expiresAt: number;
}

export const buildDossierJob = 'build-dossier';
export interface BuildDossierPayload {
  dossierId: number;
}

export interface NewDossier {
  campaignId: number;
  kind: DossierKind;
  locale: string;
  countries: string[];
  createdBy: number;
  now: number;
  expiresAt: number;
}

export interface DossierStore {
  /** The row and its `buildDossierJob` job (payload `{ dossierId }`), in one transaction. */
  create(dossier: NewDossier): Promise<number>;
  find(id: number): Promise<DossierRequest | undefined>;
  /** The campaign's dossiers, newest first. */
  listForCampaign(campaignId: number, limit: number): Promise<DossierRequest[]>;
  progress(
    id: number,
    change: { status: 'running'; done: number; total: number; pages: number },
  ): Promise<void>;
  finish(
    id: number,
    result: { file: Uint8Array; pages: number; signers: number; now: number },
  ): Promise<void>;
  fail(id: number, reason: DossierFailure, now: number): Promise<void>;
  file(id: number): Promise<Uint8Array | undefined>;
  /** Deletes dossiers (and their files) whose time is up; how many. */
  purgeExpired(now: number): Promise<number>;
}
