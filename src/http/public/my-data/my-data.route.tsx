// "My data": a supporter asks for a link by address (the answer never says whether it is known), opens the
// link with a button (a GET changes nothing: link scanners fetch URLs), and in the short session it opens
// sees everything held, downloads it (JSON, CSV), withdraws consents and erases it all.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eraseSupporter } from '../../../domain/privacy/erase-supporter.js';
import { myDataSessionMs } from '../../../domain/privacy/my-data-mail.js';
import { openMyData } from '../../../domain/privacy/open-my-data.js';
import type { PrivacyStore } from '../../../domain/privacy/privacy.ports.js';
import { requestMyData } from '../../../domain/privacy/request-my-data.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/signature/signature.ports.js';
import type { StringKey } from '../../../i18n/translator.js';
import { checkCsrfToken, csrfField, csrfToken, isCrossSite } from '../../../security/csrf.js';
import { erasedEmailKey } from '../../../security/email-key.js';
import { ipKey } from '../../../security/ip-key.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';
import { mailedLinkLimits } from '../mailed-link-limits.js';
import { requestBodySchema, sessionFormSchema, tokenPattern } from './my-data.schema.js';
import { myDataCsv, myDataJson } from './my-data-export.js';
import { AskAgain, DataPage, ErasePage, MessagePage, OpenPage, RequestPage } from './my-data-pages.js';

export interface MyDataDeps {
  site: SiteInfo;
  clock: Clock;
  /** APP_SECRET: keys the CSRF tokens, IP and address keys, and the erasure records. */
  secret: string;
  privacy: PrivacyStore;
  tokens: { confirmationToken(): { token: string; hash: string }; hash(token: string): string };
  rateLimiter: RateLimiter;
}

const notices: Record<string, StringKey> = { withdrawn: 'myData.consent.withdrawnNotice' };

export function myDataRoutes(app: FastifyInstance, deps: MyDataDeps): void {
  const secure = deps.site.baseUrl.startsWith('https://');
  // __Host-: the browser keeps it to this host, path /, HTTPS only.
  const cookieName = secure ? '__Host-outcry_my_data' : 'outcry_my_data';
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
  const ownOrigins = [deps.site.baseUrl];

  const page = (reply: FastifyReply, body: preact.VNode, status = 200) =>
    sendPage(
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer'),
      body,
      status,
    );

  /** A dead end that offers to mail a new link: the session ended (401) or the link is no good (410). */
  const askAgain = (
    req: FastifyRequest,
    reply: FastifyReply,
    body: 'myData.session.ended' | 'myData.open.invalid',
    status: 401 | 410,
  ) =>
    page(
      reply,
      <MessagePage tr={req.tr} site={deps.site} title="myData.title" body={body}>
        <AskAgain tr={req.tr} />
      </MessagePage>,
      status,
    );
  const ended = (req: FastifyRequest, reply: FastifyReply) =>
    askAgain(req, reply, 'myData.session.ended', 401);

  /** The visitor's session (from the cookie), or undefined when there is none or it has ended. */
  async function sessionOf(req: FastifyRequest) {
    const token = req.cookies[cookieName];
    if (!token || !tokenPattern.test(token)) return undefined;
    const found = await deps.privacy.session(deps.tokens.hash(token), deps.clock.now());
    return found && { ...found, token, csrf: csrfToken(deps.secret, `my-data:${token}`) };
  }

  /** A POST of the session's forms: same site, the session's CSRF token. */
  async function postedSession(req: FastifyRequest) {
    if (isCrossSite(req.headers, [...ownOrigins, `${req.protocol}://${req.host}`])) return undefined;
    const session = await sessionOf(req);
    const body = sessionFormSchema.safeParse(req.body ?? {});
    if (!session || !body.success) return undefined;
    return checkCsrfToken(deps.secret, `my-data:${session.token}`, body.data[csrfField])
      ? session
      : undefined;
  }

  app.get('/my-data', (req, reply) => reply.redirect(`/${req.contentLocale}/my-data`, 302));

  app.get('/:locale/my-data', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return page(reply, <RequestPage tr={req.tr} site={deps.site} email="" error={false} />);
  });

  app.post('/:locale/my-data', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    if (isCrossSite(req.headers, [...ownOrigins, `${req.protocol}://${req.host}`])) {
      return sendError(req, reply, deps.site, 403);
    }
    const body = readForm(req, reply, deps, requestBodySchema);
    if (!body) return reply;
    const result = await requestMyData(
      { privacy: deps.privacy, ...mailedLinkLimits(deps) },
      { email: body.email, locale: req.contentLocale, ipKey: ipKey(deps.secret, req.ip) },
    );
    if (result.status === 'invalid') {
      return page(reply, <RequestPage tr={req.tr} site={deps.site} email={body.email} error />, 422);
    }
    return reply.redirect(`/${req.contentLocale}/my-data/sent`, 303);
  });

  app.get('/:locale/my-data/sent', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return page(
      reply,
      <MessagePage tr={req.tr} site={deps.site} title="myData.sent.title" body="myData.sent.body" />,
    );
  });

  app.get('/:locale/my-data/link/:token', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { token } = req.params as { token: string };
    const usable =
      tokenPattern.test(token) && (await deps.privacy.linkUsable(deps.tokens.hash(token), deps.clock.now()));
    if (!usable) {
      return askAgain(req, reply, 'myData.open.invalid', 410);
    }
    return page(
      reply,
      <OpenPage tr={req.tr} site={deps.site} action={`/${req.contentLocale}/my-data/link/${token}`} />,
    );
  });

  app.post('/:locale/my-data/link/:token', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { token } = req.params as { token: string };
    const opened = tokenPattern.test(token)
      ? await openMyData({ privacy: deps.privacy, tokens: deps.tokens, clock: deps.clock }, token)
      : ({ status: 'invalid' } as const);
    if (opened.status === 'invalid') {
      return askAgain(req, reply, 'myData.open.invalid', 410);
    }
    reply.setCookie(cookieName, opened.sessionToken, { ...cookieOptions, maxAge: myDataSessionMs / 1000 });
    return reply.redirect(`/${req.contentLocale}/my-data/view`, 303);
  });

  app.get('/:locale/my-data/view', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const session = await sessionOf(req);
    if (!session) return ended(req, reply);
    const data = session.supporterId === null ? undefined : await deps.privacy.data(session.supporterId);
    if (!data) {
      return page(
        reply,
        <MessagePage tr={req.tr} site={deps.site} title="myData.view.title" body="myData.none" />,
      );
    }
    const { done } = req.query as { done?: unknown };
    const notice = typeof done === 'string' ? notices[done] : undefined;
    return page(
      reply,
      <DataPage tr={req.tr} site={deps.site} data={data} csrf={session.csrf} notice={notice} />,
    );
  });

  for (const format of ['json', 'csv'] as const) {
    app.get(`/:locale/my-data/download.${format}`, async (req, reply) => {
      if (!req.localeValid) return sendError(req, reply, deps.site, 404);
      const session = await sessionOf(req);
      if (!session) return ended(req, reply);
      const data = session.supporterId === null ? undefined : await deps.privacy.data(session.supporterId);
      if (!data) return sendError(req, reply, deps.site, 404);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="my-data.${format}"`)
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .send(format === 'json' ? myDataJson(data) : myDataCsv(data));
    });
  }

  app.post('/:locale/my-data/consents/:id/withdraw', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const session = await postedSession(req);
    if (!session || session.supporterId === null) return ended(req, reply);
    const { id } = req.params as { id: string };
    if (!/^[1-9][0-9]{0,14}$/.test(id)) return sendError(req, reply, deps.site, 404);
    await deps.privacy.withdrawConsent(session.supporterId, Number(id), deps.clock.now());
    return reply.redirect(`/${req.contentLocale}/my-data/view?done=withdrawn`, 303);
  });

  app.get('/:locale/my-data/erase', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const session = await sessionOf(req);
    if (!session || session.supporterId === null) return ended(req, reply);
    return page(reply, <ErasePage tr={req.tr} site={deps.site} csrf={session.csrf} />);
  });

  app.post('/:locale/my-data/erase', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const session = await postedSession(req);
    if (!session || session.supporterId === null) return ended(req, reply);
    await eraseSupporter(
      {
        privacy: deps.privacy,
        clock: deps.clock,
        keyedHash: (canonical) => erasedEmailKey(deps.secret, canonical),
      },
      { supporterId: session.supporterId, via: 'self' },
    );
    await deps.privacy.endSession(deps.tokens.hash(session.token));
    reply.clearCookie(cookieName, cookieOptions);
    return page(
      reply,
      <MessagePage tr={req.tr} site={deps.site} title="myData.erased.title" body="myData.erased.body" />,
    );
  });
}
