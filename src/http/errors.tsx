// The one error sink: maps every error to a status and a translated page (or JSON for JSON clients).
// Unknown errors are logged with the request id and answered with a generic page, never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { translatorFor } from '../i18n/translator.js';
import { sendPage } from './render.js';
import { ErrorPage } from './views/error-page.js';
import type { SiteInfo } from './views/layout.js';

function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * Error pages that do not name the request (all but the 500 page, which quotes its reference), per site,
 * status and language, as UTF-8. Under overload every shed sign request gets the 503 page: rendering it
 * each time cost more than the rest of the refusal.
 */
const renderedPages = new WeakMap<SiteInfo, Map<string, Buffer>>();

function cachedPage(site: SiteInfo, key: string, render: () => string): Buffer {
  let pages = renderedPages.get(site);
  if (!pages) {
    pages = new Map();
    renderedPages.set(site, pages);
  }
  let page = pages.get(key);
  if (!page) {
    page = Buffer.from(render());
    pages.set(key, page);
  }
  return page;
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  status: number,
): FastifyReply {
  const tr = req.tr ?? translatorFor('en');
  const kind =
    status === 404 ? 'notFound' : status === 503 ? 'unavailable' : status >= 500 ? 'server' : 'badRequest';
  const title = tr.t(`error.${kind}.title`);
  const body = tr.t(`error.${kind}.body`, { requestId: req.id });
  if (status === 503) reply.header('retry-after', '5');
  if (wantsJson(req)) return reply.code(status).send({ error: kind, message: title, requestId: req.id });
  const page = <ErrorPage tr={tr} site={site} title={title} body={body} />;
  if (kind === 'server') return sendPage(reply, page, status);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(errorPageHtml(req, site, status));
}

/** The translated page of a 4xx or 503 (not the 500 page, which names the request), as sent. */
export function errorPageHtml(req: FastifyRequest, site: SiteInfo, status: number): Buffer {
  const tr = req.tr ?? translatorFor('en');
  const kind = status === 404 ? 'notFound' : status === 503 ? 'unavailable' : 'badRequest';
  return cachedPage(site, `${status} ${tr.locale}`, () => {
    const page = (
      <ErrorPage tr={tr} site={site} title={tr.t(`error.${kind}.title`)} body={tr.t(`error.${kind}.body`)} />
    );
    return `<!doctype html>${renderToString(page)}`;
  });
}

export function registerErrorHandling(app: FastifyInstance, site: SiteInfo): void {
  app.setNotFoundHandler((req, reply) => sendError(req, reply, site, 404));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error, reqId: req.id }, 'request failed');
    else req.log.info({ code: error.code, reqId: req.id }, error.message);
    // Client errors Fastify raises (malformed body, 413, 415, bad content type) get the translated 4xx page.
    return sendError(req, reply, site, status === 404 ? 404 : status);
  });
}
