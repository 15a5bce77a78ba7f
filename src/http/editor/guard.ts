// The gate of the editor area. Every route under /editor must declare the permission it needs
// (`{ config: { permission } }`, or 'anonymous' for the login pages); one that does not makes the app
// refuse to start. Before each handler: the session cookie is resolved (idle and absolute expiry, disabled
// accounts), anonymous visitors are sent to the login page, roles without the permission get 403, and
// every non-GET request must carry the CSRF token of its session (or of the pre-login cookie).
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import { can, type Permission } from '../../domain/account/permissions.js';
import { type ActiveSession, resolveSession } from '../../domain/account/resolve-session.js';
import { isUiLocale, translatorFor } from '../../i18n/translator.js';
import { checkCsrfToken, csrfField, csrfToken, isCrossSite, newCsrfSecret } from '../../security/csrf.js';
import { localeCookie } from '../middleware/locale.js';
import { cookieNames, cookieOptions as cookieOptionsFor, loginPath } from './cookies.js';
import type { EditorDeps } from './deps.js';
import { sendForbidden } from './pages.js';

export type RoutePermission = Permission | 'anonymous';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /editor route: what the signed-in person must be allowed, or 'anonymous'. */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    /** The signed-in person on editor routes, or null. */
    account: ActiveSession | null;
    /** The token every form on this page must send back as `_csrf`. */
    csrfToken: string;
  }
}

export interface EditorRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

const safeMethods = new Set(['GET', 'HEAD']);

/**
 * Installs the gate on every route whose URL starts with /editor registered after this call, and returns
 * the list of those routes (method, URL, permission) as they are registered.
 */
export function installEditorGuard(app: FastifyInstance, deps: EditorDeps): EditorRoute[] {
  const routes: EditorRoute[] = [];
  const names = cookieNames(deps.secureCookies);
  const cookieOptions = cookieOptionsFor(deps.secureCookies);

  app.decorateRequest('account', null);
  app.decorateRequest('csrfToken', '');

  async function guard(req: FastifyRequest, reply: FastifyReply) {
    const permission = req.routeOptions.config.permission!;
    reply.header('cache-control', 'no-store');
    const cookie = req.cookies[names.session];
    const active = cookie ? await resolveSession(deps.accounts, cookie) : undefined;
    req.account = active ?? null;
    if (cookie && !active) reply.clearCookie(names.session, cookieOptions);
    if (active) {
      req.tr = translatorFor(active.user.locale);
    } else {
      const lang = (req.query as { lang?: unknown } | undefined)?.lang;
      if (typeof lang === 'string' && isUiLocale(lang)) {
        req.tr = translatorFor(lang);
        reply.setCookie(localeCookie, lang, { ...cookieOptions, maxAge: 365 * 86_400 });
      }
    }
    const safe = safeMethods.has(req.method);

    let secret = active?.csrfSecret;
    if (permission === 'anonymous') {
      secret ??= req.cookies[names.preLogin];
      if (!secret && safe) {
        secret = newCsrfSecret();
        reply.setCookie(names.preLogin, secret, cookieOptions);
      }
    } else if (!active) {
      const next = safe ? `?next=${encodeURIComponent(req.url)}` : '';
      return reply.redirect(`${loginPath}${next}`, 302);
    } else if (!can(active.user.role, permission)) {
      return sendForbidden(req, reply, deps, 'forbidden');
    }
    req.csrfToken = secret ? csrfToken(deps.secret, secret) : '';
    if (!safe) {
      const body = req.body as Record<string, unknown> | undefined;
      const token = body && typeof body === 'object' ? body[csrfField] : undefined;
      // An upload form's body is still unread here: its first part must be this token (security/multipart.ts).
      const tokenInBody = !(req.routeOptions.config.uploads && req.isMultipart());
      if (
        isCrossSite(req.headers, [deps.baseUrl, `${req.protocol}://${req.host}`]) ||
        (tokenInBody && !checkCsrfToken(deps.secret, secret, token))
      ) {
        return sendForbidden(req, reply, deps, 'csrf');
      }
    }
  }

  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== '/editor' && !route.url.startsWith('/editor/')) return;
    const permission = route.config?.permission;
    const methods = ([] as HTTPMethods[]).concat(route.method);
    if (!permission) {
      throw new Error(`${methods.join(',')} ${route.url} declares no permission (config.permission)`);
    }
    // preValidation, the first step after the body is parsed, and before an upload form's body is read.
    const existing = route.preValidation ? ([] as unknown[]).concat(route.preValidation) : [];
    // Fastify derives the HEAD route from the GET one; its options may already carry the gate.
    if (!existing.includes(guard)) route.preValidation = [guard, ...(existing as (typeof guard)[])];
    for (const method of methods) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, permission });
    }
  });
  return routes;
}
