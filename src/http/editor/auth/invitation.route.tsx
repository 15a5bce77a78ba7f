// Links that set a password: accepting an invitation (name + password) and choosing a new password after
// a reset request. The GET only shows the form; the POST uses the link up and logs the person in.
import type { FastifyInstance } from 'fastify';
import { acceptInvitation } from '../../../domain/account/accept-invitation.js';
import { checkLink } from '../../../domain/account/check-link.js';
import { resetPassword } from '../../../domain/account/reset-password.js';
import { translatorFor } from '../../../i18n/translator.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { roleKeys } from '../../views/editor/labels.js';
import { errorText } from '../account-errors.js';
import type { EditorDeps } from '../deps.js';
import { enterEditor } from '../pages.js';
import { invitationSchema, passwordSchema } from './auth.schema.js';
import { authBase, InvitationPage, ResetPage } from './auth-pages.js';
import { linkPage, sendLinkExpired } from './mailed-link.js';

export function invitationRoutes(app: FastifyInstance, deps: EditorDeps): void {
  const anonymous = { config: { permission: 'anonymous' as const } };

  linkPage(app, deps, '/editor/invitation/:token', 'invite', (req, token, user) => {
    // The language the admin chose for the invitee, unless they pick another one on the page.
    const tr = (req.query as { lang?: unknown }).lang ? req.tr : translatorFor(user.locale);
    return (
      <InvitationPage
        {...authBase(req, deps.site, tr)}
        token={token}
        email={user.email}
        role={tr.t(roleKeys[user.role])}
      />
    );
  });

  app.post('/editor/invitation/:token', anonymous, async (req, reply) => {
    const { token } = req.params as { token: string };
    const form = readForm(req, reply, deps, invitationSchema);
    if (!form) return reply;
    const result = await acceptInvitation(deps.accounts, { token, ...form });
    if (result.status === 'ok') return enterEditor(reply, deps, result.session);
    if (result.status === 'expired') return sendLinkExpired(req, reply, deps, 'invite');
    const user = await checkLink(deps.accounts, 'invite', token);
    const tr = translatorFor(form.locale ?? user?.locale ?? req.tr.locale);
    return sendPage(
      reply,
      <InvitationPage
        {...authBase(req, deps.site, tr)}
        token={token}
        email={user?.email ?? ''}
        role={user ? tr.t(roleKeys[user.role]) : ''}
        name={form.name.slice(0, 200)}
        errors={{
          name: errorText(tr, result.errors.name),
          password: errorText(tr, result.errors.password),
        }}
      />,
      422,
    );
  });

  linkPage(app, deps, '/editor/reset/:token', 'reset', (req, token, user) => (
    <ResetPage {...authBase(req, deps.site)} token={token} email={user.email} />
  ));

  app.post('/editor/reset/:token', anonymous, async (req, reply) => {
    const { token } = req.params as { token: string };
    const form = readForm(req, reply, deps, passwordSchema);
    if (!form) return reply;
    const result = await resetPassword(deps.accounts, { token, password: form.password });
    if (result.status === 'ok') return enterEditor(reply, deps, result.session);
    if (result.status === 'expired') return sendLinkExpired(req, reply, deps, 'reset');
    const user = await checkLink(deps.accounts, 'reset', token);
    return sendPage(
      reply,
      <ResetPage
        {...authBase(req, deps.site)}
        token={token}
        email={user?.email ?? ''}
        error={errorText(req.tr, result.error)}
      />,
      422,
    );
  });
}
