// "My account": change name and language, change password, log out everywhere, and a translator's standing
// in each language. Each POST redirects back with a notice (or re-renders with the error and the input kept).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changePassword } from '../../../domain/account/change-password.js';
import { revokeSessions } from '../../../domain/account/log-out.js';
import { updateProfile } from '../../../domain/account/update-profile.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { errorText } from '../account-errors.js';
import type { EditorDeps } from '../deps.js';
import { doneNotice, leaveEditor } from '../pages.js';
import { changePasswordSchema, profileSchema } from './account.schema.js';
import { AccountPage, type AccountPageProps } from './account-page.js';

export function accountRoutes(app: FastifyInstance, deps: EditorDeps): void {
  const own = { config: { permission: 'account:edit-own' as const } };

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<AccountPageProps> = {},
    status = 200,
  ) => {
    const account = req.account!;
    const sessions = await deps.accounts.store.sessions.countForUser(
      account.user.id,
      deps.accounts.clock.now(),
    );
    const languages = account.user.role === 'translator' ? await deps.scopes.grantsOf(account.user.id) : [];
    return sendPage(
      reply,
      <AccountPage
        tr={extra.tr ?? req.tr}
        site={deps.site}
        user={extra.user ?? account.user}
        csrf={req.csrfToken}
        sessions={sessions}
        languages={languages}
        notice={doneNotice(req)}
        {...extra}
      />,
      status,
    );
  };

  app.get('/editor/account', own, (req, reply) => render(req, reply));

  app.post('/editor/account/profile', own, async (req, reply) => {
    const form = readForm(req, reply, deps, profileSchema);
    if (!form) return reply;
    const result = await updateProfile(deps.accounts, req.account!.user, form);
    if (result.status === 'invalid') {
      return render(
        req,
        reply,
        { profile: { ...form, name: form.name.slice(0, 200), error: errorText(req.tr, result.errors.name) } },
        422,
      );
    }
    return reply.redirect('/editor/account?done=profile', 303);
  });

  app.post('/editor/account/password', own, async (req, reply) => {
    const form = readForm(req, reply, deps, changePasswordSchema);
    if (!form) return reply;
    const account = req.account!;
    const result = await changePassword(deps.accounts, account.user, { sessionId: account.id, ...form });
    if (result.status === 'invalid') {
      return render(
        req,
        reply,
        {
          password: {
            current: errorText(req.tr, result.errors.current),
            password: errorText(req.tr, result.errors.password),
          },
        },
        result.errors.current === 'CurrentPasswordThrottled' ? 429 : 422,
      );
    }
    return reply.redirect('/editor/account?done=password', 303);
  });

  app.post('/editor/account/logout-everywhere', own, async (req, reply) => {
    const { user } = req.account!;
    await revokeSessions(deps.accounts, user, user.id);
    return leaveEditor(reply, deps, '/editor/login?done=everywhere');
  });
}
