// Joins the parts of a dossier printed one after another into one PDF with poppler's `pdfunite` (Debian's
// poppler-utils, which the tests already use for pdftotext): no PDF library that can join documents is
// installed, and writing PDF object surgery by hand is not this project's business (decision 0030).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const defaultJoinerPath = '/usr/bin/pdfunite';

const run = promisify(execFile);

/** The parts' pages in order, as one document (each part keeps its embedded fonts). */
export async function joinPdfs(joinerPath: string, parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'outcry-dossier-'));
  try {
    const files = parts.map((_, i) => join(dir, `part-${String(i).padStart(4, '0')}.pdf`));
    await Promise.all(parts.map((part, i) => writeFile(files[i]!, part)));
    const out = join(dir, 'joined.pdf');
    await run(joinerPath, [...files, out]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
