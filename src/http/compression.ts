// gzip and Brotli through Node's zlib, for bytes that are compressed once and sent many times (cached page
// variants, static assets): never per request. Also which of them a request accepts (Accept-Encoding).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** The body in each encoding, made on first use and kept. */
export class Compressed {
  private brotli?: Buffer;
  private gzipped?: Buffer;

  constructor(
    readonly body: Buffer,
    /** Brotli's quality: 11 for files compressed once at startup, lower for pages made each second. */
    private readonly quality = 11,
  ) {}

  /** Bytes held: the body and each compression made so far (page-cache accounting). */
  get bytes(): number {
    return this.body.length + (this.brotli?.length ?? 0) + (this.gzipped?.length ?? 0);
  }

  /** Whether the body was compressed in this encoding already. */
  has(encoding: Encoding): boolean {
    return (encoding === 'br' ? this.brotli : this.gzipped) !== undefined;
  }

  in(encoding: Encoding): Buffer {
    if (encoding === 'br') {
      this.brotli ??= brotliCompressSync(this.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: this.quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
        },
      });
      return this.brotli;
    }
    this.gzipped ??= gzipSync(this.body, { level: this.quality >= 9 ? 9 : 6 });
    return this.gzipped;
  }
}

// One header value gives one answer; a page's visitors send a handful of distinct values.
const accepted = new Map<string, Encoding | null>();

/** The encoding to answer in: Brotli over gzip, none when neither is accepted (q=0 refuses one). */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
  if (typeof header !== 'string' || header === '') return null;
  const known = accepted.get(header);
  if (known !== undefined) return known;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  const weight = (name: string) => q.get(name) ?? star ?? 0;
  const answer: Encoding | null = weight('br') > 0 ? 'br' : weight('gzip') > 0 ? 'gzip' : null;
  if (accepted.size < 256) accepted.set(header, answer);
  return answer;
}
