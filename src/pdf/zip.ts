// The ZIP archive of the per-country dossiers, written with fflate (a maintained ZIP and deflate library:
// docs/decisions/dependencies.md): one PDF per country, named by the country, dated when the dossier was
// generated, deflated (Chromium's PDFs shrink little, but their cross-reference tables and text do).
import { type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export function zipArchive(entries: readonly ZipEntry[], modifiedAt: number): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [entry.data, { level: 6, mtime: modifiedAt }];
  return Buffer.from(zipSync(files));
}
