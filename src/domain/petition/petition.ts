// The public petition: who appears on it and how (docs/decisions/0016-petition.md). Only counted
// signatures appear, never hidden ones or those of erased supporters; a signer who ticked "appear as a
// supporter from <country>" appears without name or union. Pages are keyset pages on (signed at, id).

export const petitionNameModes = ['short', 'full'] as const;
/** How a campaign shows names: 'short' is first name and initial ("Ana L."), 'full' as typed. */
export type PetitionNames = (typeof petitionNameModes)[number];

export const petitionPageSize = 50;

/** One signer as storage gives them to the petition and the exports. */
export interface PetitionSignerRow {
  id: number;
  name: string;
  union: string | null;
  country: string | null;
  anonymous: boolean;
  /** When the signature was counted (confirmed_at). */
  signedAt: number;
  /** Hidden from the petition by an editor (only the editors' list includes these). */
  hidden: boolean;
}

/** What the public petition may show of a signer; `name` null means "a supporter from <country>". */
export interface PetitionSigner {
  id: number;
  name: string | null;
  union: string | null;
  country: string | null;
  signedAt: number;
}

/** The position after the last signer of a page: newest first, so the next page is strictly older. */
export interface PetitionCursor {
  signedAt: number;
  id: number;
}

export interface PetitionPageQuery {
  campaignId: number;
  /** ISO 3166 code, or null for every country. */
  country: string | null;
  after: PetitionCursor | null;
  limit: number;
  /** The editors' list: hidden signers too, marked. The public petition never sets it. */
  includeHidden?: boolean;
}

export interface PetitionReader {
  /** Counted, visible signers, newest first, strictly after the cursor. */
  page(query: PetitionPageQuery): Promise<PetitionSignerRow[]>;
  /** The countries of the counted, visible signers with how many each (the filter). */
  countries(campaignId: number): Promise<{ country: string; n: number }[]>;
}

export interface HideChange {
  campaignId: number;
  signatureId: number;
  hidden: boolean;
  actor: { id: number; email: string };
  now: number;
}

/** Editors hiding a signer from the petition (and showing them again), audited in the same transaction. */
export interface PetitionModeration {
  /** 'unchanged' when the signer already was in that state; 'not_found' when not a counted signer of it. */
  setHidden(change: HideChange): Promise<'changed' | 'unchanged' | 'not_found'>;
}

const words = /\s+/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * "Ana María López" → "Ana L."; a one-word name stays as typed (many people write one name, and
 * scripts like Chinese write none of the spaces this rule needs; the form tells them what will show).
 */
export function shortName(name: string): string {
  const parts = name.trim().split(words).filter(Boolean);
  if (parts.length < 2) return name.trim();
  const last = parts[parts.length - 1]!;
  const initial = segmenter.segment(last)[Symbol.iterator]().next().value?.segment ?? '';
  return `${parts[0]} ${initial}.`;
}

export function displaySigner(row: PetitionSignerRow, mode: PetitionNames): PetitionSigner {
  if (row.anonymous)
    return { id: row.id, name: null, union: null, country: row.country, signedAt: row.signedAt };
  return {
    id: row.id,
    name: mode === 'full' ? row.name : shortName(row.name),
    union: row.union,
    country: row.country,
    signedAt: row.signedAt,
  };
}

/** "1767225600000.42": readable, and anything else is refused rather than guessed at. */
export function formatCursor(cursor: PetitionCursor): string {
  return `${cursor.signedAt}.${cursor.id}`;
}

export function parseCursor(text: string | undefined): PetitionCursor | null {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(text ?? '');
  if (!m) return null;
  return { signedAt: Number(m[1]), id: Number(m[2]) };
}
