// The rules the campaign page's first screen needs, inlined in its <head> so a first visit paints without the
// stylesheet's round trip (400 ms on a slow phone connection); the whole stylesheet follows at the end of the
// body and is cached for good. The rules are the regions of site.css between `/* critical */` and
// `/* /critical */`, in file order, so the cascade is the stylesheet's own. The CSP allows exactly this text
// by its hash (style-src 'sha256-…'), never 'unsafe-inline'.
// Inlining costs ~1.5 KB on every view, and a browser that has the stylesheet cached has no round trip to
// save: the stylesheet's own answer sets a cookie naming its version (the same for every visitor: it tells
// nothing about anyone), and a page asked for with that cookie links the stylesheet in the head instead.
// Decision 0024.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir } from '../config/paths.js';

const open = '/* critical */';
const close = '/* /critical */';

/** The marked regions of a stylesheet, joined and with comments and runs of white space taken out. */
export function extractCritical(css: string): string {
  const regions: string[] = [];
  let at = css.indexOf(open);
  while (at >= 0) {
    const end = css.indexOf(close, at + open.length);
    if (end < 0) throw new Error('site.css: a critical region is not closed');
    const region = css.slice(at + open.length, end);
    if (region.includes(open)) throw new Error('site.css: critical regions nest');
    if (region.split('{').length !== region.split('}').length) {
      throw new Error('site.css: a critical region cuts a rule in two');
    }
    regions.push(region);
    at = css.indexOf(open, end + close.length);
  }
  return (
    regions
      .join('\n')
      .split('/*')
      // Comments out, by position rather than a pattern (which can backtrack): each piece after an
      // opening `/*` keeps only what follows its closing `*/`.
      .map((piece, i) => {
        const end = i === 0 ? -2 : piece.indexOf('*/');
        return end === -1 ? '' : piece.slice(end + 2);
      })
      .join('')
      // Only white space that never matters: runs become one space, none next to braces and semicolons
      // (a space before `:` or `(` can be a descendant combinator, so it stays).
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};]) ?/g, '$1')
      .trim()
  );
}

export interface CriticalCss {
  css: string;
  /** The CSP source that allows this very text in a <style> element. */
  cspSource: string;
}

let loaded: CriticalCss | undefined;

/** site.css's critical rules, read once (assets are read at startup; editing them needs a restart). */
export function criticalCss(): CriticalCss {
  if (loaded) return loaded;
  const css = extractCritical(readFileSync(join(assetsDir, 'site.css'), 'utf8'));
  const hash = createHash('sha256').update(css).digest('base64');
  loaded = { css, cspSource: `'sha256-${hash}'` };
  return loaded;
}

/** The cookie the hashed stylesheet's answer sets: "this browser has fetched this version of site.css". */
export const stylesheetCookie = 'css';
/** A week: cheap phones evict their caches; past that, inlining again costs less than a blocking fetch. */
export const stylesheetCookieMaxAge = 7 * 86_400;

/** Whether the page may link the stylesheet in its head: the browser says it has this version cached. */
export function stylesheetCached(
  cookies: Record<string, string | undefined>,
  hash: string | undefined,
): boolean {
  return hash !== undefined && cookies[stylesheetCookie] === hash;
}
