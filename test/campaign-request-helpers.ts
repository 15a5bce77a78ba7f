// Driving the "Request a campaign" form like a browser does: fetch the page, read its form token and terms
// version, post the fields and pictures as multipart. A nurses' union with two targets is the story.
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';

export const nursesRequest = {
  orgName: 'Korean Health and Medical Workers’ Union (KHMU)',
  orgDescription: 'KHMU organises 80,000 nurses, doctors and hospital staff across South Korea.',
  orgWebsite: 'khmu.example.org',
  contactName: 'Kim Ji-young',
  contactEmail: 'kim.jiyoung@khmu.example.org',
  language: 'en',
  headline: 'Korea: Reinstate the dismissed nurses of Seoul',
  background: 'Twelve nurses were dismissed for joining the union.\n\n**Act now.**',
  message: 'Reinstate the twelve nurses at once.',
  moreInfoUrl: 'https://khmu.example.org/nurses',
  targets:
    'Hospital director <director@hospital.example.org>\nMinister of Labour, minister@labour.example.org',
  terms: 'yes',
};

export interface UploadSpec {
  bytes: Buffer;
  name: string;
  type: string;
}

export async function requestForm(
  app: FastifyInstance,
  locale: string,
): Promise<{ token: string; termsVersion: string; body: string }> {
  const page = await app.inject({ url: `/${locale}/request` });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  const termsVersion = /name="termsVersion" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token || !termsVersion) throw new Error(`no request form on /${locale}/request (${page.statusCode})`);
  return { token, termsVersion, body: page.body };
}

export function postRequest(
  app: FastifyInstance,
  locale: string,
  fields: Record<string, string | string[]>,
  files: { logo?: UploadSpec; photo?: UploadSpec } = {},
  remoteAddress = '198.51.100.30',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const [k, f] of Object.entries(files)) {
    if (f) form.append(k, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  }
  return app.inject({ method: 'POST', url: `/${locale}/request`, body: form, remoteAddress });
}

/** A real picture: a plain coloured rectangle. */
export async function picture(
  width: number,
  height: number,
  format: 'png' | 'jpeg' = 'png',
): Promise<UploadSpec> {
  const image = sharp({ create: { width, height, channels: 3, background: '#b3121b' } });
  const bytes = await (format === 'png' ? image.png() : image.jpeg()).toBuffer();
  return { bytes, name: `picture.${format === 'png' ? 'png' : 'jpg'}`, type: `image/${format}` };
}
