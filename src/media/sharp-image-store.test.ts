import { mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageStore } from '../domain/shared/image.ports.js';
import { createSharpImageStore, photoWidths } from './sharp-image-store.js';

let dir: string;
let store: ImageStore;
const upload = (bytes: Buffer, truncated = false) => ({ bytes, filename: 'x', truncated });
/** A picture of one colour, still to encode. */
const blank = (width: number, height: number, background: string, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background } });

/** Stores a photo the test expects to be taken. */
async function storePhoto(bytes: Buffer) {
  const stored = await store.store(upload(bytes), 'photo');
  if ('error' in stored) throw new Error(stored.error);
  return stored;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outcry-img-'));
  store = createSharpImageStore(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sharp image store', () => {
  it('shrinks a large photo into its box, drops EXIF and serves it under a content name', async () => {
    const big = await blank(4000, 3000, '#c00')
      .withMetadata({ exif: { IFD0: { Copyright: 'secret place' } } })
      .jpeg()
      .toBuffer();
    const stored = await storePhoto(big);
    expect(stored).toMatchObject({ width: 1600, height: 1200 });
    expect(stored.path).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
    const written = await readFile(join(dir, stored.path.slice('/media/'.length)));
    const meta = await sharp(written).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
  });

  it('keeps a logo with transparency as PNG and never enlarges a small one', async () => {
    const logo = await blank(120, 40, '#0000', 4).png().toBuffer();
    const stored = await store.store(upload(logo), 'logo');
    expect(stored).toMatchObject({ width: 120, height: 40 });
    expect('path' in stored && stored.path.endsWith('.png')).toBe(true);
  });

  it('refuses what is not a picture, a cut upload, an SVG and a decompression bomb', async () => {
    expect(await store.store(upload(Buffer.from('%PDF-1.7 not an image')), 'photo')).toEqual({
      error: 'ImageUnreadable',
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>');
    expect(await store.store(upload(svg), 'logo')).toEqual({ error: 'ImageUnreadable' });
    const jpeg = await blank(100, 100, '#fff').jpeg().toBuffer();
    expect(await store.store(upload(jpeg.subarray(0, 200)), 'photo')).toEqual({ error: 'ImageUnreadable' });
    expect(await store.store(upload(jpeg, true), 'photo')).toEqual({ error: 'ImageTooLarge' });
    // 10,000 × 10,000 of one colour compresses to a few KB and would need 300 MB decoded.
    const bomb = await blank(10_000, 10_000, '#fff').png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await store.store(upload(bomb), 'photo')).toEqual({ error: 'ImageDimensions' });
  });

  it('makes narrower copies of a photo and knows its size, made again for a photo stored without them', async () => {
    const wide = await blank(3000, 2000, '#246').jpeg().toBuffer();
    const stored = await storePhoto(wide);
    const base = stored.path.slice('/media/'.length, -'.jpg'.length);
    const expected = {
      width: 1600,
      height: 1067,
      variants: photoWidths.map((width) => ({ path: `/media/${base}-${width}.jpg`, width })),
    };
    expect(await store.responsive(stored.path)).toEqual(expected);
    for (const { path, width } of expected.variants) {
      const meta = await sharp(join(dir, path.slice('/media/'.length))).metadata();
      expect([meta.width, meta.format]).toEqual([width, 'jpeg']);
    }
    // A photo stored before copies existed: another process (no memory of it) makes them on first demand.
    await unlink(join(dir, `${base}.json`));
    await unlink(join(dir, `${base}-480.jpg`));
    const later = createSharpImageStore(dir);
    expect(await later.responsive(stored.path)).toEqual(expected);
    expect((await sharp(join(dir, `${base}-480.jpg`)).metadata()).width).toBe(480);
    // Only stored photos: no logo, no other folder, nothing missing.
    expect(await later.responsive(`/media/${base}.png`)).toBeNull();
    expect(await later.responsive(`/assets/${base}.jpg`)).toBeNull();
    expect(await later.responsive(`/media/../${base}.jpg`)).toBeNull();
    expect(await later.responsive(`/media/${'0'.repeat(32)}.jpg`)).toBeNull();
  });

  it('offers no copy wider than a small photo', async () => {
    const small = await blank(600, 400, '#642').jpeg().toBuffer();
    const stored = await storePhoto(small);
    const sizes = await store.responsive(stored.path);
    expect(sizes).toMatchObject({ width: 600, height: 400 });
    expect(sizes!.variants.map((v) => v.width)).toEqual([480]);
  });
});
