// Stores uploaded pictures with sharp (libvips): decode with a pixel limit, turn by the EXIF orientation,
// drop all metadata, shrink to the size the pages use, re-encode, and write under a name derived from the
// output bytes. Re-encoding means what we serve is an image we made, never the uploader's bytes.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata, OutputInfo } from 'sharp';
import type { ImageKind, ImageStore, ImageUpload, StoredImage } from '../domain/shared/image.ports.js';

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

export function createSharpImageStore(dir: string, publicPrefix = '/media/'): ImageStore {
  return {
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
                .jpeg({ quality: 82, progressive: true, mozjpeg: true })
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
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, out.data);
      await rename(tmp, join(dir, name));
      const stored: StoredImage = {
        path: `${publicPrefix}${name}`,
        width: out.info.width,
        height: out.info.height,
      };
      return stored;
    },
  };
}
