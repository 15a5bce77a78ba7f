// Uploaded pictures (campaign photos, union logos) are untrusted bytes. Use cases hand them to this port,
// which decodes, strips metadata (EXIF can carry GPS positions), resizes and stores them, and answers
// with a public path or the reason the file was refused, so the form can say why in the user's language.

export type ImageKind = 'photo' | 'logo';

export type ImageError =
  /** Not a JPEG, PNG, WebP or GIF we could decode (a renamed PDF, a truncated file, an SVG). */
  | 'ImageUnreadable'
  /** Larger than the upload limit in bytes. */
  | 'ImageTooLarge'
  /** Decodable but absurd: more pixels than we will spend memory on, or smaller than a thumbnail. */
  | 'ImageDimensions';

export interface StoredImage {
  /** Where the public site serves it, e.g. `/media/3f9c….jpg`. Content-addressed, so cacheable forever. */
  path: string;
  width: number;
  height: number;
}

export interface ImageUpload {
  bytes: Buffer;
  /** The browser's file name, kept only for logs; never used as a path. */
  filename: string;
  /** True when the upload went over the byte limit and was cut. */
  truncated: boolean;
}

/** A stored photo with its size and the narrower copies a page offers in `srcset`. */
export interface ResponsiveImage {
  width: number;
  height: number;
  /** Narrower copies of the same picture, narrowest first; the stored file itself is the widest. */
  variants: { path: string; width: number }[];
}

export interface ImageStore {
  store(upload: ImageUpload, kind: ImageKind): Promise<StoredImage | { error: ImageError }>;
  /**
   * A stored photo's size and narrower copies (made at upload; for a photo stored before copies existed,
   * made on first demand and kept). Null for a path that is not a stored photo.
   */
  responsive(path: string): Promise<ResponsiveImage | null>;
}
