// Forms that carry a picture (campaign photo, union logo) are multipart. The fields land on `request.body`
// as plain strings, exactly like urlencoded forms, so CSRF checks and zod schemas work unchanged; each file
// lands as an UploadedFile (bytes in memory, at most UPLOAD_MAX_MB, flagged when cut at the limit rather
// than failing the whole form, so the page can say "the photo is too large" and keep what was typed).
// Stored pictures are served from /media/ with names derived from their content, so cached for a year.

import { resolve } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ImageUpload } from '../domain/shared/image.ports.js';

export class UploadedFile implements ImageUpload {
  constructor(
    readonly bytes: Buffer,
    readonly filename: string,
    readonly truncated: boolean,
  ) {}
}

/** A form field holding a chosen file; an empty file input (nothing chosen) reads as undefined. */
export const uploadField = z
  .instanceof(UploadedFile)
  .optional()
  .transform((f) => (f && (f.bytes.length > 0 || f.truncated) ? f : undefined));

export async function registerUploads(app: FastifyInstance, options: { dir: string }): Promise<void> {
  // Read only on routes that declare `config.uploads`, after their checks (security/multipart.ts).
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  await app.register(fastifyStatic, {
    // Relative to the working directory, like the database and mail folders.
    root: resolve(options.dir),
    prefix: '/media/',
    maxAge: '365d',
    immutable: true,
    decorateReply: false,
  });
}
