// Driving the sign form like a browser does: fetch the page, read its form token, post the fields.
import type { FastifyInstance } from 'fastify';

export const erlan = 'kazakhstan-free-erlan-baltabay';

export async function formToken(app: FastifyInstance, locale: string, slug = erlan): Promise<string> {
  const page = await app.inject({ url: `/${locale}/campaigns/${slug}` });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form token on /${locale}/campaigns/${slug} (${page.statusCode})`);
  return token;
}

export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
}

export function postSign(
  app: FastifyInstance,
  locale: string,
  fields: Record<string, string | string[]>,
  slug = erlan,
  remoteAddress = '198.51.100.7',
) {
  return app.inject({
    method: 'POST',
    url: `/${locale}/campaigns/${slug}/sign`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody(fields),
    remoteAddress,
  });
}

export const ana = {
  name: 'Ana Souza',
  email: 'ana.souza@example.org',
  union: 'CUT',
  country: 'BR',
  message: 'Free Erlan Baltabay now.',
};

/**
 * `count` people signing Ana's form at once with one form token, person `i` as `${prefix}${i}@example.org`
 * from `addressOf(i)`: their answers, in order.
 */
export function signAtOnce(
  app: FastifyInstance,
  locale: string,
  token: string,
  count: number,
  prefix: string,
  addressOf: (i: number) => string,
) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      postSign(app, locale, { token, ...ana, email: `${prefix}${i}@example.org` }, erlan, addressOf(i)),
    ),
  );
}

/** The form token (`<input name="token">`) of the public page at `url`; throws when the page has none. */
export async function pageToken(app: FastifyInstance, url: string): Promise<string> {
  const page = await app.inject({ url });
  const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form token on ${url} (${page.statusCode})`);
  return token;
}

/** Posts a public form urlencoded, as a browser does: from `remoteAddress` and with more `headers` when given. */
export function postPublic(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  { remoteAddress, headers = {} }: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: formBody(fields),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
