// Stores uploaded pictures with sharp (libvips): decode with a pixel limit, turn by the EXIF orientation,
// drop all metadata, shrink to the size the pages use, re-encode, and write under a name derived from the
// output bytes. Re-encoding means what we serve is an image we made, never the uploader's bytes.
// A photo also gets narrower copies (`<name>-480.jpg`, …) and a small `<name>.json` with its size, so a
// phone downloads a picture as wide as its screen and the page reserves its height before it arrives
// (decision 0024). A photo stored before copies existed gets them on the first page that asks.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata, OutputInfo } from 'sharp';
import type {
  ImageKind,
  ImageStore,
  ImageUpload,
  ResponsiveImage,
  StoredImage,
} from '../domain/shared/image.ports.js';

/** Largest box each kind is shrunk into (never enlarged): the photo column is 760 px, ×2 for dense screens. */
const boxes: Record<ImageKind, { width: number; height: number }> = {
  photo: { width: 1600, height: 1200 },
  logo: { width: 480, height: 160 },
};
const minSide = 16;
/** 50 megapixels: a phone photo is 12–48; beyond this is a decompression bomb, not a picture. */
const maxPixels = 50_000_000;
const accepted = new Set(['jpeg', 'png', 'webp', 'gif']);

// libvips is loaded on the first upload, not at start: most processes never see one, and it costs tens
// of megabytes of resident memory.
let loaded: Promise<typeof import('sharp')> | undefined;
async function loadSharp() {
  loaded ??= import('sharp');
  return (await loaded).default;
}

/** The narrower copies of a photo: a phone (1× and 2×), a tablet or the desktop column, a dense desktop. */
export const photoWidths = [480, 800, 1200];
const photoName = /^([0-9a-f]{32})\.jpg$/;

async function writeAtomically(dir: string, name: string, data: Buffer | string): Promise<void> {
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, join(dir, name));
}

const jpeg = { quality: 82, progressive: true, mozjpeg: true } as const;

/** Writes the narrower copies and the size file of the stored photo `<base>.jpg`; returns what it wrote. */
async function makeVariants(dir: string, publicPrefix: string, base: string): Promise<ResponsiveImage> {
  const sharp = await loadSharp();
  const file = await readFile(join(dir, `${base}.jpg`));
  const meta = await sharp(file, { limitInputPixels: maxPixels }).metadata();
  if (!meta.width || !meta.height) throw new Error(`unreadable stored photo ${base}.jpg`);
  const variants: ResponsiveImage['variants'] = [];
  for (const width of photoWidths.filter((w) => w < meta.width!)) {
    const name = `${base}-${width}.jpg`;
    const data = await sharp(file, { limitInputPixels: maxPixels }).resize({ width }).jpeg(jpeg).toBuffer();
    await writeAtomically(dir, name, data);
    variants.push({ path: `${publicPrefix}${name}`, width });
  }
  const image: ResponsiveImage = { width: meta.width, height: meta.height, variants };
  await writeAtomically(dir, `${base}.json`, JSON.stringify(image));
  return image;
}

export function createSharpImageStore(dir: string, publicPrefix = '/media/'): ImageStore {
  // One answer per photo for the life of the process: stored files never change (content names).
  const sizes = new Map<string, Promise<ResponsiveImage | null>>();
  const responsive = async (base: string): Promise<ResponsiveImage | null> => {
    try {
      return JSON.parse(await readFile(join(dir, `${base}.json`), 'utf8')) as ResponsiveImage;
    } catch {
      // No size file: a photo stored before copies existed (or not a photo of ours at all).
    }
    try {
      return await makeVariants(dir, publicPrefix, base);
    } catch {
      return null;
    }
  };
  return {
    responsive(path: string) {
      const base = path.startsWith(publicPrefix)
        ? photoName.exec(path.slice(publicPrefix.length))?.[1]
        : undefined;
      if (!base) return Promise.resolve(null);
      let found = sizes.get(base);
      if (!found) {
        if (sizes.size > 10_000) sizes.clear();
        found = responsive(base);
        sizes.set(base, found);
      }
      return found;
    },

    async store(upload: ImageUpload, kind: ImageKind) {
      if (upload.truncated) return { error: 'ImageTooLarge' };
      const sharp = await loadSharp();
      let meta: Metadata;
      try {
        // Headers only: cheap even for a bomb, so the size check below can name the problem.
        meta = await sharp(upload.bytes, { limitInputPixels: false }).metadata();
      } catch {
        return { error: 'ImageUnreadable' };
      }
      if (!meta.format || !accepted.has(meta.format)) return { error: 'ImageUnreadable' };
      if (!meta.width || !meta.height) return { error: 'ImageUnreadable' };
      if (meta.width * meta.height > maxPixels || Math.min(meta.width, meta.height) < minSide) {
        return { error: 'ImageDimensions' };
      }
      const box = boxes[kind];
      let out: { data: Buffer; info: OutputInfo };
      try {
        const pipeline = sharp(upload.bytes, { limitInputPixels: maxPixels, animated: false })
          .rotate()
          .resize({ ...box, fit: 'inside', withoutEnlargement: true });
        // Photos become JPEG (small, universal); logos PNG (keeps transparency and sharp edges of lettering).
        out =
          kind === 'photo'
            ? await pipeline
                .flatten({ background: '#ffffff' })
                .jpeg(jpeg)
                .toBuffer({ resolveWithObject: true })
            : await pipeline
                .png({ compressionLevel: 9, palette: true })
                .toBuffer({ resolveWithObject: true });
      } catch {
        return { error: 'ImageUnreadable' };
      }
      const ext = kind === 'photo' ? 'jpg' : 'png';
      const name = `${createHash('sha256').update(out.data).digest('hex').slice(0, 32)}.${ext}`;
      await mkdir(dir, { recursive: true });
      await writeAtomically(dir, name, out.data);
      if (kind === 'photo') {
        const base = name.slice(0, -'.jpg'.length);
        sizes.set(base, Promise.resolve(await makeVariants(dir, publicPrefix, base)));
      }
      const stored: StoredImage = {
        path: `${publicPrefix}${name}`,
        width: out.info.width,
        height: out.info.height,
      };
      return stored;
    },
  };
}
