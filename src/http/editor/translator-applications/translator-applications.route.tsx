// The editors' answer to volunteers' translator applications (requests:review, like campaign requests):
// the list, and per application accept (a translator invitation for the languages they chose, through the
// account invitation use case) or decline (deleted). Each POST redirects with a notice, or shows the list
// again with why nothing changed. The editor gate has checked the permission and the CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountDeps } from '../../../domain/account/account.ports.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { acceptTranslatorApplication } from '../../../domain/translator-application/accept-translator-application.js';
import { declineTranslatorApplication } from '../../../domain/translator-application/decline-translator-application.js';
import type { TranslatorApplicationStore } from '../../../domain/translator-application/translator-application.ports.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import { TranslatorApplicationsPage } from './translator-applications-page.js';

export interface TranslatorApplicationDeps {
  site: SiteInfo;
  clock: Clock;
  applications: TranslatorApplicationStore;
  tokens: AccountDeps['tokens'];
}

const review = { config: { permission: 'requests:review' as const } };
const idPattern = /^[1-9]\d{0,11}$/;
const listUrl = '/editor/translator-applications';

const done = {
  accepted: 'translatorApplications.done.accepted',
  declined: 'translatorApplications.done.declined',
} as const;

export function translatorApplicationRoutes(app: FastifyInstance, deps: TranslatorApplicationDeps): void {
  async function list(req: FastifyRequest, reply: FastifyReply, status = 200, error?: string) {
    const notice = error ? undefined : doneNotice(req, done);
    return sendEditorPage(req, reply.code(status), deps.site, TranslatorApplicationsPage, {
      applications: await deps.applications.list(),
      notice: notice && req.tr.t(notice),
      error,
    });
  }

  const idOf = (req: FastifyRequest): number | undefined => {
    const { id } = req.params as { id: string };
    return idPattern.test(id) ? Number(id) : undefined;
  };
  const actorOf = (req: FastifyRequest) => {
    const { id, email, name, role } = req.account!.user;
    return { id, email, name, role };
  };

  app.get(listUrl, review, (req, reply) => list(req, reply));

  app.post(`${listUrl}/:id/accept`, review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await acceptTranslatorApplication(deps, actorOf(req), id);
    if (result.status === 'accepted') return reply.redirect(`${listUrl}?done=accepted`, 303);
    if (result.status === 'exists') {
      return list(req, reply, 409, req.tr.t('translatorApplications.error.exists', { email: result.email }));
    }
    return sendError(req, reply, deps.site, 404);
  });

  app.post(`${listUrl}/:id/decline`, review, async (req, reply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await declineTranslatorApplication(deps, actorOf(req), id);
    if (result.status === 'declined') return reply.redirect(`${listUrl}?done=declined`, 303);
    return sendError(req, reply, deps.site, 404);
  });
}
