// The GET of a link sent by email (log in, invitation, password reset) and the answer when a link is spent.
// The GET changes nothing (mail scanners fetch links): it keeps the token out of any Referer and shows either
// the page whose one button or form does the work, or 410 with "this link has expired" for a link that is
// unknown, used or out of date, which is also the answer of a POST that finds it so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { TokenPurpose, User } from '../../../domain/account/account.js';
import { checkLink } from '../../../domain/account/check-link.js';
import { sendPage } from '../../render.js';
import type { EditorDeps } from '../deps.js';
import { LinkExpiredPage } from './auth-pages.js';

const anonymous = { config: { permission: 'anonymous' as const } };

/** 410 with the "link expired" page for a link of this purpose. */
export function sendLinkExpired(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: EditorDeps,
  purpose: TokenPurpose,
): FastifyReply {
  return sendPage(reply, <LinkExpiredPage tr={req.tr} site={deps.site} purpose={purpose} />, 410);
}

/** Registers the GET of a mailed link at `path` (with a `:token` parameter): `page` renders for its holder. */
export function linkPage(
  app: FastifyInstance,
  deps: EditorDeps,
  path: string,
  purpose: TokenPurpose,
  page: (req: FastifyRequest, token: string, user: User) => VNode,
): void {
  app.get(path, anonymous, async (req, reply) => {
    const { token } = req.params as { token: string };
    reply.header('referrer-policy', 'no-referrer');
    const user = await checkLink(deps.accounts, purpose, token);
    if (!user) return sendLinkExpired(req, reply, deps, purpose);
    return sendPage(reply, page(req, token, user));
  });
}
