// Chooses the language of each request: the URL prefix (/tl/campaigns/…, so every language version has its
// own shareable link), then the `lang` cookie, then Accept-Language, then the site default. The interface
// falls back to English for languages it has no catalog for; campaign content may still be in that language.
import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { canonicalLocale, matchUiLocale } from '../../i18n/locales.js';
import { type Translator, translatorFor } from '../../i18n/translator.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Interface translator for this request. */
    tr: Translator;
    /** Language asked for (URL prefix or negotiated); campaign content is served in it when published. */
    contentLocale: string;
    /** False when the URL carried a malformed locale prefix (the route answers 404). */
    localeValid: boolean;
  }
}

export const localeCookie = 'lang';

const fromHeader = new Map<string, string | null>();

/** The served language an Accept-Language header prefers most (`zh-TW` → zh-Hant, `pt-BR` → pt), cached. */
function fromAcceptLanguage(header: string): string | undefined {
  let best = fromHeader.get(header);
  if (best === undefined) {
    const asked = new Negotiator({ headers: { 'accept-language': header } }).languages();
    best = null;
    // A browser names a handful of languages; a header listing thousands gets its first 20 considered.
    for (const tag of asked.slice(0, 20)) {
      const match = tag === '*' ? undefined : matchUiLocale(tag);
      if (match) {
        best = match;
        break;
      }
    }
    // Bounded: headers are whatever clients send; real ones are short.
    if (fromHeader.size > 1_000) fromHeader.clear();
    if (header.length <= 200) fromHeader.set(header, best);
  }
  return best ?? undefined;
}

export function negotiate(req: FastifyRequest, defaultLocale: string): string {
  const fromCookie = req.cookies?.[localeCookie];
  if (fromCookie) {
    const c = canonicalLocale(fromCookie);
    if (c) return c;
  }
  const header = req.headers['accept-language'];
  if (header) {
    const best = fromAcceptLanguage(header);
    if (best) return best;
  }
  return defaultLocale;
}

export function registerLocale(app: FastifyInstance, defaultLocale: string): void {
  // The cookie's header, serialised once per language: through reply.setCookie it was a serialisation and
  // an extra onSend step on every first view (~12 µs of a 90 µs page answer). @fastify/cookie's onSend
  // keeps a header set this way and adds its own cookies to it.
  const headers = new Map<string, string>();
  const cookieFor = (locale: string): string => {
    let header = headers.get(locale);
    if (header === undefined) {
      header = app.serializeCookie(localeCookie, locale, {
        path: '/',
        sameSite: 'lax',
        maxAge: 365 * 86_400,
        httpOnly: true,
      });
      headers.set(locale, header);
    }
    return header;
  };
  app.decorateRequest('tr', null as unknown as Translator);
  app.decorateRequest('contentLocale', '');
  app.decorateRequest('localeValid', true);
  // A callback hook, not an async one: it runs on every request and awaits nothing.
  app.addHook('onRequest', (req, reply, done) => {
    const fromUrl = (req.params as { locale?: string } | undefined)?.locale;
    let locale: string;
    if (fromUrl !== undefined) {
      const c = canonicalLocale(fromUrl);
      req.localeValid = c !== undefined && c === fromUrl;
      locale = c ?? negotiate(req, defaultLocale);
      // Remember an explicit choice so "/" later opens in the same language.
      if (req.localeValid && req.cookies?.[localeCookie] !== locale) {
        reply.header('set-cookie', cookieFor(locale));
      }
    } else {
      locale = negotiate(req, defaultLocale);
      reply.header('vary', 'Accept-Language, Cookie');
    }
    req.contentLocale = locale;
    req.tr = translatorFor(locale);
    done();
  });
}
