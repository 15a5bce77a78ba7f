import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerUploadGate } from './security/multipart.js';
import { registerUploads, uploadField } from './uploads.js';

let app: FastifyInstance;
let dir: string;
const schema = z.object({ title: z.string(), photo: uploadField });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outcry-uploads-'));
  app = Fastify();
  await registerUploads(app, { dir });
  registerUploadGate(app, { maxBytes: 1_000 });
  const uploads = { tokenField: 'title', admits: () => true, otherwise: 'refuse' as const, maxFiles: 1 };
  app.post('/form', { config: { uploads } }, async (req) => {
    const body = schema.parse(req.body);
    return {
      title: body.title,
      size: body.photo?.bytes.length ?? null,
      truncated: body.photo?.truncated ?? null,
    };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function form(file: Blob | null): FormData {
  const f = new FormData();
  f.append('title', 'Free Erlan');
  f.append('photo', file ?? new Blob([]), file ? 'photo.jpg' : '');
  return f;
}

describe('multipart forms', () => {
  it('puts fields on the body as strings and the file as bytes', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      body: form(new Blob([new Uint8Array(300)])),
    });
    expect(res.json()).toEqual({ title: 'Free Erlan', size: 300, truncated: false });
  });

  it('flags a file cut at the limit instead of failing the form', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/form',
      body: form(new Blob([new Uint8Array(5_000)])),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Free Erlan', truncated: true });
  });

  it('reads an empty file input as no file', async () => {
    const res = await app.inject({ method: 'POST', url: '/form', body: form(null) });
    expect(res.json()).toEqual({ title: 'Free Erlan', size: null, truncated: null });
  });

  it('serves stored pictures from /media/ with a long cache and nothing outside the folder', async () => {
    await writeFile(join(dir, 'abc.png'), 'png');
    const res = await app.inject({ method: 'GET', url: '/media/abc.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    const outside = await app.inject({ method: 'GET', url: '/media/..%2f..%2fetc%2fpasswd' });
    expect(outside.statusCode).toBe(404);
  });
});
