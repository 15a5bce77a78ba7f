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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outcry-img-'));
  store = createSharpImageStore(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sharp image store', () => {
  it('shrinks a large photo into its box, drops EXIF and serves it under a content name', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c00' } })
      .withMetadata({ exif: { IFD0: { Copyright: 'secret place' } } })
      .jpeg()
      .toBuffer();
    const stored = await store.store(upload(big), 'photo');
    if ('error' in stored) throw new Error(stored.error);
    expect(stored).toMatchObject({ width: 1600, height: 1200 });
    expect(stored.path).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
    const written = await readFile(join(dir, stored.path.slice('/media/'.length)));
    const meta = await sharp(written).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
  });

  it('keeps a logo with transparency as PNG and never enlarges a small one', async () => {
    const logo = await sharp({ create: { width: 120, height: 40, channels: 4, background: '#0000' } })
      .png()
      .toBuffer();
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
    const jpeg = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    expect(await store.store(upload(jpeg.subarray(0, 200)), 'photo')).toEqual({ error: 'ImageUnreadable' });
    expect(await store.store(upload(jpeg, true), 'photo')).toEqual({ error: 'ImageTooLarge' });
    // 10,000 × 10,000 of one colour compresses to a few KB and would need 300 MB decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await store.store(upload(bomb), 'photo')).toEqual({ error: 'ImageDimensions' });
  });

  it('makes narrower copies of a photo and knows its size, made again for a photo stored without them', async () => {
    const wide = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#246' } })
      .jpeg()
      .toBuffer();
    const stored = await store.store(upload(wide), 'photo');
    if ('error' in stored) throw new Error(stored.error);
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
    const small = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#642' } })
      .jpeg()
      .toBuffer();
    const stored = await store.store(upload(small), 'photo');
    if ('error' in stored) throw new Error(stored.error);
    const sizes = await store.responsive(stored.path);
    expect(sizes).toMatchObject({ width: 600, height: 400 });
    expect(sizes!.variants.map((v) => v.width)).toEqual([480]);
  });
});
