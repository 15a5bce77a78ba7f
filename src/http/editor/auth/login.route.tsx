// Logging in and out: email + password, or a link by email (the link's GET shows one button, only the POST
// logs in), and log out. Failed logins are throttled per network and per account with a translated
// message; the same answer is given whether an address has an account or not.
import type { FastifyInstance } from 'fastify';
import { logIn } from '../../../domain/account/log-in.js';
import { logInWithLink } from '../../../domain/account/log-in-with-link.js';
import { logOut } from '../../../domain/account/log-out.js';
import { requestLink } from '../../../domain/account/request-link.js';
import { ipKey } from '../../../security/ip-key.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { safeNext } from '../cookies.js';
import type { EditorDeps } from '../deps.js';
import { doneNotice, enterEditor, leaveEditor } from '../pages.js';
import { emailSchema, loginSchema } from './auth.schema.js';
import { authBase, LinkLoginPage, LinkRequestPage, LoginPage } from './auth-pages.js';
import { linkPage, sendLinkExpired } from './mailed-link.js';

export function loginRoutes(app: FastifyInstance, deps: EditorDeps): void {
  const anonymous = { config: { permission: 'anonymous' as const } };

  app.get('/editor/login', anonymous, async (req, reply) => {
    const next = safeNext((req.query as { next?: unknown }).next);
    if (req.account) return reply.redirect(next ?? '/editor', 302);
    return sendPage(reply, <LoginPage {...authBase(req, deps.site)} next={next} notice={doneNotice(req)} />);
  });

  app.post('/editor/login', anonymous, async (req, reply) => {
    const form = readForm(req, reply, deps, loginSchema);
    if (!form) return reply;
    const result = await logIn(deps.accounts, {
      email: form.email,
      password: form.password,
      ipKey: ipKey(deps.secret, req.ip),
    });
    if (result.status === 'ok') return enterEditor(reply, deps, result.session, form.next);
    const status = result.status === 'throttled' ? 429 : result.status === 'disabled' ? 403 : 401;
    return sendPage(
      reply,
      <LoginPage
        {...authBase(req, deps.site)}
        email={form.email.slice(0, 320)}
        error={result.status}
        next={safeNext(form.next)}
      />,
      status,
    );
  });

  for (const purpose of ['login', 'reset'] as const) {
    const path = purpose === 'login' ? '/editor/login/email' : '/editor/reset';
    app.get(path, anonymous, async (req, reply) =>
      sendPage(reply, <LinkRequestPage {...authBase(req, deps.site)} purpose={purpose} />),
    );
    app.post(path, anonymous, async (req, reply) => {
      const form = readForm(req, reply, deps, emailSchema);
      if (!form) return reply;
      const result = await requestLink(deps.accounts, {
        purpose,
        email: form.email,
        ipKey: ipKey(deps.secret, req.ip),
      });
      return sendPage(
        reply,
        <LinkRequestPage
          {...authBase(req, deps.site)}
          purpose={purpose}
          state={result.status}
          email={form.email.slice(0, 320)}
        />,
        result.status === 'throttled' ? 429 : 200,
      );
    });
  }

  linkPage(app, deps, '/editor/login/link/:token', 'login', (req, token, user) => (
    <LinkLoginPage {...authBase(req, deps.site)} token={token} email={user.email} />
  ));

  app.post('/editor/login/link/:token', anonymous, async (req, reply) => {
    const { token } = req.params as { token: string };
    const result = await logInWithLink(deps.accounts, token);
    if (result.status === 'ok') return enterEditor(reply, deps, result.session);
    return sendLinkExpired(req, reply, deps, 'login');
  });

  app.post('/editor/logout', { config: { permission: 'editor:enter' } }, async (req, reply) => {
    const account = req.account!;
    await logOut(deps.accounts, account.user, account.id);
    return leaveEditor(reply, deps);
  });
}
