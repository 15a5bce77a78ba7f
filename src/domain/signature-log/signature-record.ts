// What a leaf of a campaign's signature log commits to, and the "seal" an export carries on each row so
// that anyone holding the file can recompute that row's leaf (docs/decisions/0031-signature-log.md).
// The leaf is the hash of the row's non-personal cells as the export writes them (signed_at, country,
// language, source) and of three salted commitments: the name as typed, the name as the petition's short
// rule shows it, and the union. Each commitment has its own salt, derived from one random salt per
// signature kept beside the leaf until the person's data goes (erasure, retention): then the leaf stays and
// earlier tree heads still verify, but nothing links it to a name any more. A row's seal reveals the salts
// of the cells it shows and only the commitments of those it does not, so a short-name export never lets
// anyone test guesses of the full name.
import { createHash, createHmac } from 'node:crypto';
import { neutralised } from '../petition/csv.js';
import { shortName } from '../petition/petition.js';
import { type Hash, leafHash, toHex } from './merkle.js';

/** The signature's fields a leaf covers, as stored. */
export interface SignatureRecord {
  signedAt: number;
  name: string;
  union: string | null;
  country: string | null;
  language: string;
  source: string | null;
}

/** How an export shows a row's name: as typed, by the short rule, or not at all ("a supporter from"). */
export type NameShown = 'full' | 'short' | 'none';

/** The row as an export writes it (cell texts before CSV quoting), which a verifier reads back. */
export interface RecordCells {
  signedAt: string;
  name: string;
  union: string;
  country: string;
  language: string;
  source: string;
}

const slots = ['full', 'short', 'union'] as const;
type Slot = (typeof slots)[number];

const saltBytes = 16;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (...parts: (Uint8Array | string)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

function slotSalt(salt: Uint8Array, slot: Slot): Uint8Array {
  return new Uint8Array(createHmac('sha256', salt).update(`outcry-signature-log/${slot}`).digest()).slice(
    0,
    saltBytes,
  );
}

const commit = (salt: Uint8Array, cell: string): Hash => sha256(salt, cell);

/** The cell texts of a stored record, exactly as the export writes them (formula characters neutralised). */
export function recordCells(record: SignatureRecord, shown: NameShown): RecordCells {
  return {
    signedAt: new Date(record.signedAt).toISOString(),
    name: shown === 'none' ? '' : neutralised(shown === 'full' ? record.name : shortName(record.name)),
    union: shown === 'none' ? '' : neutralised(record.union ?? ''),
    country: neutralised(record.country ?? ''),
    language: neutralised(record.language),
    source: neutralised(record.source ?? ''),
  };
}

function leafOf(cells: RecordCells, commitments: Record<Slot, Hash>): Hash {
  const input = JSON.stringify([
    'outcry-signature/1',
    cells.signedAt,
    cells.country,
    cells.language,
    cells.source,
    toHex(commitments.full),
    toHex(commitments.short),
    toHex(commitments.union),
  ]);
  return leafHash(new TextEncoder().encode(input));
}

function commitmentsOf(record: SignatureRecord, salt: Uint8Array): Record<Slot, Hash> {
  return {
    full: commit(slotSalt(salt, 'full'), neutralised(record.name)),
    short: commit(slotSalt(salt, 'short'), neutralised(shortName(record.name))),
    union: commit(slotSalt(salt, 'union'), neutralised(record.union ?? '')),
  };
}

/** The leaf hash of a stored record with its salt: what the log job appends. */
export function recordLeaf(record: SignatureRecord, salt: Uint8Array): Hash {
  return leafOf(recordCells(record, 'full'), commitmentsOf(record, salt));
}

/** A fresh per-signature salt's length, for whoever makes one. */
export const recordSaltBytes = saltBytes;

/** The seal cell of an exported row: per slot, its salt where the row shows that cell, else its commitment. */
export function sealOf(record: SignatureRecord, salt: Uint8Array, shown: NameShown): string {
  const c = commitmentsOf(record, salt);
  const reveal: Record<Slot, boolean> = {
    full: shown === 'full',
    short: shown === 'short',
    union: shown !== 'none',
  };
  return `1.${slots.map((s) => (reveal[s] ? b64(slotSalt(salt, s)) : b64(c[s]))).join('.')}`;
}

const saltText = /^[A-Za-z0-9_-]{22}$/;
const commitmentText = /^[A-Za-z0-9_-]{43}$/;

/**
 * The leaf an exported row stands for, recomputed from its cells and seal; undefined when the seal is
 * malformed or the row shows a cell its seal gives no salt for (a name typed into an anonymous row).
 */
export function leafFromRow(cells: RecordCells, seal: string): Hash | undefined {
  const parts = seal.split('.');
  if (parts.length !== 4 || parts[0] !== '1') return undefined;
  const [full, short, union] = parts.slice(1) as [string, string, string];
  const value = (part: string, cell: string): Hash | 'salt' | undefined => {
    if (commitmentText.test(part))
      return cell === '' ? new Uint8Array(Buffer.from(part, 'base64url')) : undefined;
    return saltText.test(part) ? 'salt' : undefined;
  };
  const nameSalts = [full, short].filter((p) => saltText.test(p)).length;
  if (nameSalts > 1) return undefined;
  const commitments: Partial<Record<Slot, Hash>> = {};
  for (const [slot, part, cell] of [
    ['full', full, cells.name],
    ['short', short, cells.name],
    ['union', union, cells.union],
  ] as const) {
    const v = value(part, nameSalts === 1 && slot !== 'union' && !saltText.test(part) ? '' : cell);
    if (v === undefined) return undefined;
    commitments[slot] = v === 'salt' ? commit(new Uint8Array(Buffer.from(part, 'base64url')), cell) : v;
  }
  const signedAt = Date.parse(cells.signedAt);
  if (!Number.isFinite(signedAt) || new Date(signedAt).toISOString() !== cells.signedAt) return undefined;
  return leafOf(cells, commitments as Record<Slot, Hash>);
}
