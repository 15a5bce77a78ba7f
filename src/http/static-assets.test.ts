// Static assets: hashed links cached for a year, immutable; precompressed bodies; unhashed links
// revalidated; a real favicon and touch icon at the root; and the site's focus ring visible enough.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../test/app-per-test.js';
import type { TestApp } from '../../test/test-app.js';
import { assetsDir } from '../config/paths.js';
import { assetUrl, immutable } from './static-assets.js';

describe('static assets', () => {
  let t: TestApp;
  appPerFile('sqlite', (app) => (t = app));

  it('links the stylesheet and scripts by content hash, served immutable and precompressed', async () => {
    const page = (await t.app.inject({ url: '/en/campaigns/kazakhstan-free-erlan-baltabay' })).body;
    const css = /<link rel="stylesheet" href="(\/assets\/site\.css\?v=[\w-]{10})"/.exec(page)?.[1];
    const js = /<script src="(\/assets\/campaign\.js\?v=[\w-]{10})" defer>/.exec(page)?.[1];
    expect(css).toBe(assetUrl('/assets/site.css'));
    expect(js).toBeDefined();
    const res = await t.app.inject({ url: css!, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(immutable);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/text\/css/);
    const original = readFileSync(`${assetsDir}/site.css`);
    expect(brotliDecompressSync(res.rawPayload).equals(original)).toBe(true);
    expect(res.rawPayload.length).toBeLessThan(original.length / 2);
  });

  it('revalidates a link without the current hash, and answers 304 to its ETag', async () => {
    const res = await t.app.inject({ url: '/assets/site.css?v=old' });
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const etag = res.headers.etag as string;
    const again = await t.app.inject({ url: '/assets/site.css', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await t.app.inject({ url: '/assets/nope.css' })).statusCode).toBe(404);
  });

  it('answers /favicon.ico and /apple-touch-icon.png with images, not a redirect', async () => {
    const ico = await t.app.inject({ url: '/favicon.ico' });
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.rawPayload.subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true);
    const touch = await t.app.inject({ url: '/apple-touch-icon.png' });
    expect(touch.statusCode).toBe(200);
    expect(touch.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('draws the focus ring at 3:1 or more against white and the page wash (WCAG 1.4.11)', () => {
    const css = readFileSync(`${assetsDir}/site.css`, 'utf8');
    const colour = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1];
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const focus = colour('focus')!;
    for (const background of [colour('paper')!, colour('wash')!]) {
      expect(contrast(focus, background)).toBeGreaterThanOrEqual(3);
    }
  });
});
