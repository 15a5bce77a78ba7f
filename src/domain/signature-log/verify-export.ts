// Checks an export of signers against the campaign's published tree heads (decision 0031): every row with
// a seal gives its leaf, the `#omitted` hashes fill in the rest, and the root so recomputed must be the
// root of the head in the trailer, whose signature must be the site's and which the site must have
// published. One altered cell in a sealed row, a removed or added sealed row, or a changed trailer makes
// the root differ. Rows without a seal (newer than the head, or whose person's data is gone) are counted
// and named as not covered. Used by `outcry verify-export FILE` and the public verification page.
import type { KeyObject } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import { headMarker, omittedMarker } from './export-stamp.js';
import { fromHex, type Hash, rootFromPartial, sameHash } from './merkle.js';
import type { SignatureLogStore } from './signature-log.ports.js';
import { leafFromRow, type RecordCells } from './signature-record.js';
import { headSignatureValid, type SignedTreeHead } from './tree-head.js';

export type ExportVerdict =
  /** Not a CSV, or not one of our exports (its header lacks the columns). */
  | { status: 'unreadable' }
  /** An export made before the campaign's log had a head: nothing to check against. */
  | { status: 'no-head' }
  /** The rows and trailer do not give the head's root: something was changed, added or removed. */
  | { status: 'altered'; head: SignedTreeHead; slug: string }
  /** Consistent in itself, but the head is not one this site signed and published. */
  | { status: 'unpublished'; head: SignedTreeHead; slug: string }
  | {
      status: 'verified';
      head: SignedTreeHead;
      slug: string;
      /** Rows whose every cell the head vouches for. */
      rows: number;
      /** Rows shown without a seal: not covered by the head. */
      uncovered: number;
      /** Signatures in the head that the file does not show (hidden, erased, filtered out). */
      notShown: number;
    };

export interface VerifyExportDeps {
  heads: Pick<SignatureLogStore, 'findHead'>;
  publicKey: KeyObject;
}

const columns = ['signed_at', 'name', 'union', 'country', 'language', 'source', 'log_index', 'seal'] as const;
/** Big enough for 25,000 signers with their seals; a bigger text is not read. */
export const maxExportBytes = 20 * 1024 * 1024;
const index = /^(0|[1-9]\d{0,11})$/;

function parseCsv(text: string): string[][] | undefined {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) return undefined;
    throw error;
  }
}

function parseHead(cells: string[]): { head: SignedTreeHead; slug: string } | undefined {
  const [, slug = '', campaign = '', size = '', root = '', time = '', signature = ''] = cells;
  const rootHash = fromHex(root);
  const timestamp = Date.parse(time);
  if (!index.test(campaign) || !index.test(size) || !rootHash || !/^[0-9a-f]{128}$/.test(signature))
    return undefined;
  if (!Number.isFinite(timestamp) || new Date(timestamp).toISOString() !== time) return undefined;
  return {
    slug,
    head: {
      campaignId: Number(campaign),
      size: Number(size),
      root: rootHash,
      timestamp,
      signature: new Uint8Array(Buffer.from(signature, 'hex')),
    },
  };
}

export async function verifyExport(text: string, deps: VerifyExportDeps): Promise<ExportVerdict> {
  const table = parseCsv(text);
  const header = table?.[0];
  if (!table || !header) return { status: 'unreadable' };
  const at = Object.fromEntries(columns.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof columns)[number],
    number
  >;
  if (Object.values(at).some((i) => i < 0)) return { status: 'unreadable' };

  let stamped: { head: SignedTreeHead; slug: string } | undefined;
  let headRows = 0;
  const nodes: Hash[] = [];
  const shown = new Map<number, Hash>();
  let uncovered = 0;
  let broken = false;
  const rows = table.slice(1);
  for (const cells of rows) {
    const first = cells[0] ?? '';
    if (first === headMarker) {
      headRows++;
      stamped = parseHead(cells);
    } else if (first === omittedMarker) {
      for (const h of (cells[1] ?? '').split(' ')) {
        const hash = fromHex(h);
        if (hash) nodes.push(hash);
        else broken = true;
      }
    }
  }
  if (headRows === 0) return { status: 'no-head' };
  if (headRows > 1 || !stamped) return { status: 'unreadable' };
  const { head, slug } = stamped;
  for (const cells of rows) {
    const first = cells[0] ?? '';
    if (first === headMarker || first === omittedMarker) continue;
    const cell = (c: (typeof columns)[number]) => cells[at[c]] ?? '';
    const seal = cell('seal');
    if (seal === '') {
      uncovered++;
      continue;
    }
    const i = cell('log_index');
    const leaf = leafFromRow(
      {
        signedAt: cell('signed_at'),
        name: cell('name'),
        union: cell('union'),
        country: cell('country'),
        language: cell('language'),
        source: cell('source'),
      } satisfies RecordCells,
      seal,
    );
    if (!index.test(i) || Number(i) >= head.size || shown.has(Number(i)) || !leaf) {
      broken = true;
      continue;
    }
    shown.set(Number(i), leaf);
  }
  const root = broken ? undefined : rootFromPartial(head.size, shown, nodes);
  if (!root || !sameHash(root, head.root)) return { status: 'altered', head, slug };
  const published = await deps.heads.findHead(head.campaignId, head.size, head.root);
  if (!published || !headSignatureValid(head, deps.publicKey) || published.timestamp !== head.timestamp) {
    return { status: 'unpublished', head, slug };
  }
  return { status: 'verified', head, slug, rows: shown.size, uncovered, notShown: head.size - shown.size };
}
