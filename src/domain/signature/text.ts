// Normalising what supporters type. Everything is NFC (so "é" typed two ways dedupes and sorts alike) and
// trimmed. Names refuse control characters and bidi overrides (U+202E turns "Ana" into a spoofed string in
// a target's mailbox); zero-width joiners stay, Persian and Indic names need them.
import { oneOf, trimWhile } from '../shared/trim.js';

/** C0/C1 controls, DEL, line/paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** Bidi embeddings, overrides and isolates. */
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/u;
/** Zero-width space and BOM carry nothing in a name. */
const invisible = /[\u200b\ufeff]/gu;

/**
 * True when text arrived broken: U+FFFD (what a decoder puts for bytes that were not UTF-8, overlong forms
 * and encoded surrogates included) or a lone surrogate (JSON can carry one). Refused rather than stored.
 */
export function brokenEncoding(input: string): boolean {
  return input.includes('\ufffd') || !input.isWellFormed();
}

export type LineResult =
  | { ok: true; value: string }
  | { ok: false; error: 'Required' | 'TooLong' | 'InvalidCharacters' };

/** A one-line field (name, union): NFC, trimmed, inner whitespace collapsed, controls refused. */
export function normaliseLine(
  input: string,
  { max, required }: { max: number; required: boolean },
): LineResult {
  // Checked before trimming: trim() would silently drop a trailing U+2028 or CR an attacker relies on.
  if (controls.test(trimWhile(input, oneOf(' \t'))) || bidiControls.test(input) || brokenEncoding(input)) {
    return { ok: false, error: 'InvalidCharacters' };
  }
  const value = input
    .normalize('NFC')
    .replace(invisible, '')
    .trim()
    .replace(/[ \t\u00a0]+/g, ' ');
  if (value === '') return required ? { ok: false, error: 'Required' } : { ok: true, value };
  if ([...value].length > max) return { ok: false, error: 'TooLong' };
  return { ok: true, value };
}

export type TextResult = { ok: true; value: string } | { ok: false; error: 'Required' | 'TooLong' };

/**
 * A multi-line text (the message): NFC, CRLF → LF, other controls and bidi overrides removed (they cannot
 * be typed by accident), at most two consecutive blank lines, trimmed.
 */
export function normaliseText(input: string, { max }: { max: number }): TextResult {
  const value = input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (value === '') return { ok: false, error: 'Required' };
  if ([...value].length > max) return { ok: false, error: 'TooLong' };
  return { ok: true, value };
}
