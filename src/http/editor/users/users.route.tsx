// The admins' user management: list and invite, and per person: change role, disable or enable, end all
// sessions; for partners and translators, what they are limited to (account-scopes.route.tsx). Every change
// is a use case that writes the audit log in its own transaction.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inviteUser } from '../../../domain/account/invite-user.js';
import { revokeSessions } from '../../../domain/account/log-out.js';
import {
  type AccountChangeResult,
  changeRole,
  setUserDisabled,
} from '../../../domain/account/manage-user.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { errorText } from '../account-errors.js';
import type { EditorDeps } from '../deps.js';
import { type DoneNotice, doneNotice, sendEditorPage } from '../pages.js';
import { accountScopeRoutes, type ShowAccount, scopeNotice, scopeSection } from './account-scopes.route.js';
import { inviteSchema, roleSchema } from './users.schema.js';
import { UserPage, UsersPage } from './users-pages.js';

const manage = { config: { permission: 'users:manage' as const } };

function userId(req: FastifyRequest): number | undefined {
  const { id } = req.params as { id: string };
  return /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : undefined;
}

export function usersRoutes(app: FastifyInstance, deps: EditorDeps): void {
  const { store, clock } = deps.accounts;

  app.get('/editor/users', manage, async (req, reply) =>
    sendEditorPage(req, reply, deps.site, UsersPage, {
      notice: doneNotice(req),
      users: await store.users.list(),
    }),
  );

  app.post('/editor/users/invite', manage, async (req, reply) => {
    const form = readForm(req, reply, deps, inviteSchema);
    if (!form) return reply;
    const { user } = req.account!;
    const result = await inviteUser(deps.accounts, user, form);
    if (result.status === 'invited') {
      return reply.redirect(`/editor/users?done=${result.again ? 'reinvited' : 'invited'}`, 303);
    }
    const error =
      result.status === 'exists' ? req.tr.t('editor.users.exists') : errorText(req.tr, result.error);
    return sendPage(
      reply,
      <UsersPage
        tr={req.tr}
        site={deps.site}
        user={user}
        csrf={req.csrfToken}
        users={await store.users.list()}
        invite={{ ...form, email: form.email.slice(0, 320) }}
        error={error}
      />,
      422,
    );
  });

  const showUser: ShowAccount = async (req, reply, error, scope) => {
    const id = userId(req);
    const subject = id === undefined ? undefined : await store.users.findById(id);
    if (!subject) return sendError(req, reply, deps.site, 404);
    return sendEditorPage(req, reply.code(scope?.status ?? (error ? 409 : 200)), deps.site, UserPage, {
      notice: doneNotice(req) ?? scopeNotice(req),
      error,
      subject,
      sessions: await store.sessions.countForUser(subject.id, clock.now()),
      scopes: await scopeSection(deps, subject, scope?.state),
    });
  };

  app.get('/editor/users/:id', manage, (req, reply) => showUser(req, reply));

  /** Redirects back to the person's page with a notice, or explains why nothing changed. */
  const after = (req: FastifyRequest, reply: FastifyReply, result: AccountChangeResult, done: DoneNotice) => {
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'self') return showUser(req, reply, req.tr.t('editor.users.selfHelp'));
    const id = userId(req)!;
    return reply.redirect(`/editor/users/${id}${result.status === 'saved' ? `?done=${done}` : ''}`, 303);
  };

  app.post('/editor/users/:id/role', manage, async (req, reply) => {
    const id = userId(req);
    const form = readForm(req, reply, deps, roleSchema);
    if (!form) return reply;
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    return after(
      req,
      reply,
      await changeRole(deps.accounts, req.account!.user, { userId: id, role: form.role }),
      'role',
    );
  });

  for (const disabled of [true, false]) {
    app.post(`/editor/users/:id/${disabled ? 'disable' : 'enable'}`, manage, async (req, reply) => {
      const id = userId(req);
      if (id === undefined) return sendError(req, reply, deps.site, 404);
      const result = await setUserDisabled(deps.accounts, req.account!.user, { userId: id, disabled });
      return after(req, reply, result, disabled ? 'disabled' : 'enabled');
    });
  }

  app.post('/editor/users/:id/revoke-sessions', manage, async (req, reply) => {
    const id = userId(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await revokeSessions(deps.accounts, req.account!.user, id);
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`/editor/users/${id}?done=revoked`, 303);
  });

  accountScopeRoutes(app, deps, showUser);
}
