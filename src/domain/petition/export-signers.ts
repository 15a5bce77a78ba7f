// The CSV of a campaign's signers for editors (supporters:export) and for partner accounts attached to the
// campaign. The same people as the petition (counted; never hidden, never erased) shown by the same rule
// (short or full names; "a supporter from" signers without name or union), oldest first as a list to hand
// over, filtered by country, language and a range of days. Rows are produced batch by batch from an async
// iterator so 25,000 signers never sit in memory (docs/decisions/0016-petition.md).

import { limitedToCampaigns } from '../account/account-scopes.js';
import { can, type Role } from '../account/permissions.js';
import type { ExportStamp } from '../signature-log/export-stamp.js';
import { sealCells, stampTrailer } from '../signature-log/export-stamp.js';
import { csvLine, utf8Bom } from './csv.js';
import { displaySigner, type PetitionNames, type PetitionSignerRow } from './petition.js';

export interface ExportFilter {
  country: string | null;
  locale: string | null;
  /** Epoch ms, inclusive; null for no bound. */
  from: number | null;
  /** Epoch ms, exclusive. */
  to: number | null;
  /** The link's source tag (`?src=mailing-en-2`), exactly; null for any. */
  source?: string | null;
}

export interface ExportRow extends PetitionSignerRow {
  locale: string;
  source: string | null;
  /** Its place in the campaign's signature log and its salt (null once erased), if logged yet. */
  log?: { index: number; salt: Uint8Array | null } | null;
}

export interface PetitionExporter {
  /** Counted, visible signers of the campaign matching the filter, oldest first, in batches. */
  signers(campaignId: number, filter: ExportFilter): AsyncIterable<ExportRow[]>;
}

/** Editors and admins export any campaign; a partner account only the campaigns it is attached to. */
export function mayExport(role: Role, attachedCampaignIds: readonly number[], campaignId: number): boolean {
  if (can(role, 'supporters:export')) return true;
  return limitedToCampaigns(role) && can(role, 'reports:read') && attachedCampaignIds.includes(campaignId);
}

export const exportColumns = ['signed_at', 'name', 'union', 'country', 'language', 'source'] as const;
export type ExportColumn = (typeof exportColumns)[number];
/** `log_index` and `seal` let anyone recompute the log's root from the file (decision 0031). */
export const sealColumns = ['log_index', 'seal'] as const;

/**
 * The file, BOM and header first, as a sequence of text chunks (one per batch), in the chosen columns.
 * With a stamp and every column (verification recomputes each row from all of them), each row carries its
 * log index and seal and the file ends with the tree head it was made from.
 */
export async function* signersCsv(
  exporter: PetitionExporter,
  campaign: { id: number; slug?: string; petitionNames: PetitionNames },
  filter: ExportFilter,
  columns: readonly ExportColumn[] = exportColumns,
  stamp?: ExportStamp,
): AsyncGenerator<string> {
  // Every column: the rows can be recomputed, so they carry their log index and seal (empty before the
  // log's first head); a narrower file is for reading, and verification could not use it anyway.
  const whole = exportColumns.every((c) => columns.includes(c));
  const sealedStamp = whole ? stamp : undefined;
  yield utf8Bom + csvLine(whole ? [...columns, ...sealColumns] : columns);
  const sealed = new Set<number>();
  for await (const batch of exporter.signers(campaign.id, filter)) {
    let chunk = '';
    for (const row of batch) {
      const shown = displaySigner(row, campaign.petitionNames);
      const cells: Record<ExportColumn, string | null> = {
        signed_at: new Date(row.signedAt).toISOString(),
        // "A supporter from …" is the reader's language; the file leaves the name empty instead.
        name: shown.name ?? '',
        union: shown.union,
        country: row.country,
        language: row.locale,
        source: row.source,
      };
      const line: (string | number | null)[] = columns.map((c) => cells[c]);
      if (whole) line.push(...sealCells(row, campaign.petitionNames, sealedStamp, sealed));
      chunk += csvLine(line);
    }
    yield chunk;
  }
  if (sealedStamp) yield await stampTrailer(sealedStamp, campaign.slug ?? '', sealed);
}
