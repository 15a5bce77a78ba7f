// Our CSS, JS and icons, read and compressed (gzip, Brotli) once at startup. Pages link them with their
// content hash (/assets/site.css?v=3f2a9c1e0b): that URL is cached for a year, immutable, so a second view
// sends no request for them; a link without the current hash is revalidated (ETag). See decision 0018.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assetsDir } from '../config/paths.js';
import { Compressed, pickEncoding } from './compression.js';
import { stylesheetCookie, stylesheetCookieMaxAge } from './critical-css.js';

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** Formats that are already compressed: sent as they are. */
const packed = new Set(['.png', '.ico']);

export const immutable = 'public, max-age=31536000, immutable';
const revalidate = 'public, max-age=0, must-revalidate';

interface Asset {
  file: Compressed;
  type: string;
  hash: string;
  etag: string;
  compress: boolean;
}

let loaded: Map<string, Asset> | undefined;

function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  loaded = new Map();
  for (const name of readdirSync(assetsDir)) {
    const type = types[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(assetsDir, name));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
    const file = new Compressed(body);
    const compress = !packed.has(extname(name));
    if (compress) {
      file.in('br');
      file.in('gzip');
    }
    loaded.set(name, { file, type, hash, etag: `"${hash}"`, compress });
  }
  return loaded;
}

/** The content hash of one of our assets (`site.css`), the `v` of its immutable URL. */
export function assetHash(file: string): string | undefined {
  return assets().get(file)?.hash;
}

/** `/assets/site.css` → `/assets/site.css?v=<content hash>`; other URLs unchanged. */
export function assetUrl(url: string): string {
  if (!url.startsWith('/assets/')) return url;
  const asset = assets().get(url.slice('/assets/'.length));
  return asset ? `${url}?v=${asset.hash}` : url;
}

function send(req: FastifyRequest, reply: FastifyReply, asset: Asset, hashed: boolean): FastifyReply {
  reply
    .header('cache-control', hashed ? immutable : revalidate)
    .header('etag', asset.etag)
    .header('vary', 'Accept-Encoding')
    .type(asset.type);
  if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const encoding = asset.compress ? pickEncoding(req.headers['accept-encoding']) : null;
  if (encoding) reply.header('content-encoding', encoding);
  return reply.code(200).send(encoding ? asset.file.in(encoding) : asset.file.body);
}

export function registerStaticAssets(
  app: FastifyInstance,
  onNotFound: (req: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  const all = assets();
  app.get('/assets/:file', (req, reply) => {
    const { file } = req.params as { file: string };
    const asset = all.get(file);
    if (!asset) return onNotFound(req, reply);
    const v = (req.query as { v?: unknown }).v;
    const hashed = v === asset.hash;
    // The campaign page inlines its first screen's rules until the browser has this stylesheet (critical-css.ts).
    if (hashed && file === 'site.css') {
      reply.header(
        'set-cookie',
        `${stylesheetCookie}=${asset.hash}; Max-Age=${stylesheetCookieMaxAge}; Path=/; SameSite=Lax`,
      );
    }
    return send(req, reply, asset, hashed);
  });
  // Browsers ask for these at the root whatever the page links; a day's cache, revalidated after.
  for (const name of ['favicon.ico', 'apple-touch-icon.png']) {
    const asset = all.get(name);
    if (!asset) throw new Error(`missing asset ${name}`);
    app.get(`/${name}`, (req, reply) => send(req, reply, asset, false));
  }
}
