// What an export of signers carries so that its rows can be checked against a published tree head
// (docs/decisions/0031-signature-log.md): per row its `log_index` and `seal` (signature-record.ts), and
// after the last row a trailer: the head (`#signature-log`) and the hashes of the subtrees whose signers the
// file does not show (`#omitted`: hidden, erased, filtered out, or whose data is gone), in tree order.
// Spreadsheets open the file as before: the trailer is a few rows at the bottom whose first cell starts with
// "#", a column no signer row ever starts that way (it holds the date).

import { csvLine } from '../petition/csv.js';
import type { ExportRow } from '../petition/export-signers.js';
import type { PetitionNames } from '../petition/petition.js';
import { type Hash, omittedNodes, toHex } from './merkle.js';
import { type NameShown, sealOf } from './signature-record.js';
import type { SignedTreeHead } from './tree-head.js';

export interface ExportStamp {
  head: SignedTreeHead;
  /** The log's first `head.size` leaf hashes, read when the trailer is written. */
  leaves(): Promise<Hash[]>;
}

export const headMarker = '#signature-log';
export const omittedMarker = '#omitted';
/** Hashes per trailer row: 400 × 65 characters stays under a spreadsheet cell's 32,767. */
export const hashesPerRow = 400;

export function nameShown(row: Pick<ExportRow, 'anonymous'>, mode: PetitionNames): NameShown {
  return row.anonymous ? 'none' : mode;
}

/** The row's `log_index` and `seal` cells; a row whose leaf the file vouches for is added to `sealed`. */
export function sealCells(
  row: ExportRow,
  mode: PetitionNames,
  stamp: ExportStamp | undefined,
  sealed: Set<number>,
): [number | null, string] {
  const log = row.log;
  if (!stamp || !log || log.index >= stamp.head.size) return [null, ''];
  if (!log.salt || sealed.has(log.index)) return [log.index, ''];
  sealed.add(log.index);
  const record = {
    signedAt: row.signedAt,
    name: row.name,
    union: row.union,
    country: row.country,
    language: row.locale,
    source: row.source,
  };
  return [log.index, sealOf(record, log.salt, nameShown(row, mode))];
}

export async function stampTrailer(stamp: ExportStamp, slug: string, sealed: Set<number>): Promise<string> {
  const { head } = stamp;
  let out = csvLine([
    headMarker,
    slug,
    head.campaignId,
    head.size,
    toHex(head.root),
    new Date(head.timestamp).toISOString(),
    Buffer.from(head.signature).toString('hex'),
  ]);
  const nodes = omittedNodes(await stamp.leaves(), (i) => sealed.has(i)).map(toHex);
  for (let i = 0; i < nodes.length; i += hashesPerRow) {
    out += csvLine([omittedMarker, nodes.slice(i, i + hashesPerRow).join(' ')]);
  }
  return out;
}
