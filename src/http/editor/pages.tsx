// Small helpers the editor routes share: the props every signed-in page takes and sending such a page, the
// 403 page (no permission, or a form whose CSRF token does not match), starting and ending the session
// cookie, and a page's "done" notice.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FunctionComponent } from 'preact';
import type { NewSession } from '../../domain/account/start-session.js';
import type { StringKey } from '../../i18n/translator.js';
import { sendPage } from '../render.js';
import { AuthLayout, EditorLayout, type EditorPageBase } from '../views/editor/editor-layout.js';
import type { SiteInfo } from '../views/layout.js';
import { cookieNames, cookieOptions, safeNext } from './cookies.js';
import type { EditorDeps } from './deps.js';

/** The props every signed-in editor page takes, read from a request the guard let through. */
export function editorPage(req: FastifyRequest, site: SiteInfo): EditorPageBase {
  return { tr: req.tr, site, user: req.account!.user, csrf: req.csrfToken };
}

/**
 * Sends a signed-in editor page: `Page` gets the props every editor page takes (`editorPage`) and its own
 * `props`. The status is the reply's: 200 unless the route set another first (`reply.code(422)`).
 */
export function sendEditorPage<P extends EditorPageBase>(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  Page: FunctionComponent<P>,
  props: NoInfer<Omit<P, keyof EditorPageBase>>,
): FastifyReply {
  const all = { ...editorPage(req, site), ...props } as P;
  return sendPage(reply, <Page {...all} />, reply.statusCode);
}

export function sendForbidden(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: EditorDeps,
  reason: 'forbidden' | 'csrf',
): FastifyReply {
  const tr = req.tr;
  const title = tr.t(reason === 'csrf' ? 'editor.csrf.title' : 'editor.forbidden.title');
  const body = tr.t(reason === 'csrf' ? 'editor.csrf.body' : 'editor.forbidden.body');
  const content = (
    <section class="editor-panel">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/editor">{tr.t('editor.backToStart')}</a>
      </p>
    </section>
  );
  const account = req.account;
  return sendPage(
    reply,
    account ? (
      <EditorLayout tr={tr} site={deps.site} title={title} user={account.user} csrfToken={req.csrfToken}>
        {content}
      </EditorLayout>
    ) : (
      <AuthLayout tr={tr} site={deps.site} title={title} path="/editor/login">
        {content}
      </AuthLayout>
    ),
    403,
  );
}

/** Sets the session cookie for a new session and sends the person on (to `next` when it is safe). */
export function enterEditor(
  reply: FastifyReply,
  deps: EditorDeps,
  session: NewSession,
  next?: unknown,
): FastifyReply {
  const names = cookieNames(deps.secureCookies);
  const options = cookieOptions(deps.secureCookies);
  reply.setCookie(names.session, session.token, {
    ...options,
    maxAge: Math.max(1, Math.floor((session.expiresAt - deps.accounts.clock.now()) / 1000)),
  });
  reply.clearCookie(names.preLogin, options);
  return reply.redirect(safeNext(next) ?? '/editor', 303);
}

export function leaveEditor(reply: FastifyReply, deps: EditorDeps, to = '/editor/login'): FastifyReply {
  reply.clearCookie(cookieNames(deps.secureCookies).session, cookieOptions(deps.secureCookies));
  return reply.redirect(to, 303);
}

/** Notices shown after a redirect (`?done=…`); only these keys can be asked for. */
export const doneNotices = {
  invited: 'editor.done.invited',
  reinvited: 'editor.done.reinvited',
  role: 'editor.done.role',
  disabled: 'editor.done.disabled',
  enabled: 'editor.done.enabled',
  revoked: 'editor.done.revoked',
  profile: 'editor.done.profile',
  password: 'editor.done.password',
  everywhere: 'editor.done.everywhere',
} as const satisfies Record<string, StringKey>;

export type DoneNotice = keyof typeof doneNotices;

/** The notice a redirect asked for (`?done=…`), only ever one of the page's own `notices`. */
export function doneNotice(
  req: FastifyRequest,
  notices: Readonly<Record<string, StringKey>> = doneNotices,
): StringKey | undefined {
  const done = (req.query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : undefined;
}
