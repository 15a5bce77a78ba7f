// A campaign translation as an XLIFF 2.0 file, for translators who work offline in their own tools: one
// <file> whose id names the campaign and the source revision it was made from, one <unit> per field
// (source and current draft as target). Reading is bounded and forgiving only in what it may be: anything
// that is not such a document is "not an XLIFF file", never a 500. The `xliff` package does the XML.

import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import type { TranslationFile } from '../../../domain/translation/import-translation-file.js';
import {
  sourceTexts,
  type TranslationWork,
  translatableFields,
} from '../../../domain/translation/translation.js';
import { endsWithXliffRoot, isXliff2 } from '../xliff-version.js';

/** Larger than any campaign's five fields in any script, small enough to parse at once. */
export const xliffMaxBytes = 2 * 1024 * 1024;

const fileId = /^([a-z0-9][a-z0-9-]{0,119})\.r([0-9]{1,9})$/;

export function xliffFileName(work: Pick<TranslationWork, 'slug' | 'locale'>): string {
  return `${work.slug}.${work.locale}.xlf`;
}

/** The source of every field beside the stored translation (empty where there is none yet). */
export function writeTranslationXliff(work: TranslationWork): Promise<string> {
  const source = sourceTexts(work.source);
  const units = Object.fromEntries(
    translatableFields.map((f) => [f, { source: source[f], target: work.translation?.[f] ?? '' }]),
  );
  return js2xliff({
    sourceLanguage: work.sourceLocale,
    targetLanguage: work.locale,
    resources: { [`${work.slug}.r${work.source.revision}`]: units },
  });
}

/** The file's languages, campaign, source revision and targets; undefined when it is not one of ours. */
export async function readTranslationXliff(bytes: Buffer): Promise<TranslationFile | undefined> {
  if (bytes.length > xliffMaxBytes) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!isXliff2(text, ['0', '1'])) return undefined;
  // The parser is lenient: a file cut short would read as fewer fields. A whole document ends its root.
  if (!endsWithXliffRoot(text)) return undefined;
  let parsed: Awaited<ReturnType<typeof xliff2js>>;
  try {
    parsed = await xliff2js(text);
  } catch {
    return undefined;
  }
  const files = Object.entries(parsed.resources ?? {});
  if (files.length !== 1) return undefined;
  const [id, units] = files[0]!;
  const named = fileId.exec(id);
  if (!named || typeof units !== 'object' || units === null) return undefined;
  const targets: Record<string, string | null> = {};
  for (const [key, unit] of Object.entries(units)) {
    // Inline markup (<ph>, <pc>) comes back as objects or arrays: such a target is not plain text (null).
    const target = unit?.target;
    targets[key] = typeof target === 'string' ? target : target === undefined ? '' : null;
  }
  return {
    sourceLocale: parsed.sourceLanguage ?? '',
    locale: parsed.targetLanguage ?? '',
    slug: named[1]!,
    sourceRevision: Number(named[2]),
    targets,
  };
}
