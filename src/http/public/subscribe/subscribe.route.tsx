// The sign-up page of the language lists, one URL per language (/ar/subscribe), its POST, the "check your
// mail" answer, and the confirmation link: its GET only shows a button (link scanners fetch URLs), and
// only the button's POST subscribes. The form carries the signed, time-stamped form token of the public
// forms (its own scope) and their honeypot; the checks are the subscribe use case's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { confirmSignup, confirmTokenPattern } from '../../../domain/list/confirm-signup.js';
import type { ListStore } from '../../../domain/list/list.ports.js';
import { subscribe } from '../../../domain/list/subscribe.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/signature/signature.ports.js';
import { checkFormToken, issueFormToken } from '../../../security/form-token.js';
import { ipKey } from '../../../security/ip-key.js';
import { listLinks, listToken } from '../../../security/list-token.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { mailedLinkLimits } from '../mailed-link-limits.js';
import { ListMessagePage, sendListPage } from '../preferences/list-page.js';
import { signupBodySchema } from './subscribe.schema.js';
import {
  SignupConfirmPage,
  SignupDonePage,
  SignupPage,
  type SignupPageProps,
  SignupSentPage,
  type SignupValues,
} from './subscribe-pages.js';

export interface SubscribeRouteDeps {
  site: SiteInfo;
  clock: Clock;
  /** Keys form tokens, IP hashes and address rate-limit keys. */
  secret: string;
  lists: ListStore;
  rateLimiter: RateLimiter;
  tokens: { confirmationToken(): { token: string; hash: string }; hash(token: string): string };
  /** How long a confirmation link is good for (CONFIRM_EXPIRY_DAYS, as for signatures). */
  confirmExpiryMs: number;
}

/** The form token's scope: campaign ids start at 1 and the request form's is 0, so no other form's passes. */
export const subscribeFormScope = -1;

export function subscribeRoutes(app: FastifyInstance, deps: SubscribeRouteDeps): void {
  const fresh = () => issueFormToken(deps.secret, subscribeFormScope, deps.clock.now());
  const blank = (req: FastifyRequest): SignupValues => ({
    email: '',
    name: '',
    country: '',
    // The page's own language list unless the person picks another.
    list: req.contentLocale,
    consent: false,
  });
  const invalidLink = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    body: 'list.confirm.unknown' | 'list.confirm.expired',
  ) =>
    sendListPage(
      reply,
      <ListMessagePage tr={req.tr} site={deps.site} title="list.confirm.title" body={body}>
        <p>
          <a href={`/${req.contentLocale}/subscribe`}>{req.tr.t('list.signup.again')}</a>
        </p>
      </ListMessagePage>,
      status,
    );

  /** The form, blank or come back with its input, errors or refusal. */
  const signupForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    state: Pick<SignupPageProps, 'token' | 'values' | 'errors' | 'refused'>,
    status = 200,
  ) =>
    sendListPage(
      reply,
      <SignupPage tr={req.tr} site={deps.site} action={`/${req.contentLocale}/subscribe`} {...state} />,
      status,
    );

  app.get('/subscribe', (req, reply) => reply.redirect(`/${req.contentLocale}/subscribe`, 302));

  app.get('/:locale/subscribe', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return signupForm(req, reply, { token: fresh(), values: blank(req), errors: {} });
  });

  app.post('/:locale/subscribe', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const body = readForm(req, reply, deps, signupBodySchema);
    if (!body) return reply;
    const values: SignupValues = {
      email: body.email,
      name: body.name,
      country: body.country,
      list: body.list,
      consent: body.consent === 'yes',
    };
    const form = checkFormToken(deps.secret, body.token, subscribeFormScope, deps.clock.now());
    const result = await subscribe(
      { lists: deps.lists, ...mailedLinkLimits(deps) },
      {
        raw: values,
        pageLocale: req.contentLocale,
        consentText: req.tr.t('list.consent.label', { siteName: deps.site.name }),
        honeypot: body.website,
        formVerdict: form.verdict,
        ipKey: ipKey(deps.secret, req.ip),
      },
    );
    if (result.status === 'sent') return reply.redirect(`/${req.contentLocale}/subscribe/sent`, 303);
    // A genuine token (even one sent too soon) goes back as it was, so the fill time counts from the first view.
    const token = form.verdict === 'ok' || form.verdict === 'too_fast' ? body.token : fresh();
    return signupForm(
      req,
      reply,
      {
        token,
        values,
        errors: result.status === 'invalid' ? result.errors : {},
        refused: result.status === 'refused' ? result.reason : undefined,
      },
      422,
    );
  });

  app.get('/:locale/subscribe/sent', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return sendListPage(reply, <SignupSentPage tr={req.tr} site={deps.site} />);
  });

  app.get('/:locale/subscribe/confirm/:token', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { token } = req.params as { token: string };
    const found = confirmTokenPattern.test(token)
      ? await deps.lists.peekSignup(deps.tokens.hash(token))
      : undefined;
    if (!found) return invalidLink(req, reply, 404, 'list.confirm.unknown');
    if (found.status === 'subscribed') {
      return sendListPage(reply, <SignupDonePage tr={req.tr} site={deps.site} locale={found.locale} />);
    }
    return sendListPage(
      reply,
      <SignupConfirmPage
        tr={req.tr}
        site={deps.site}
        locale={found.locale}
        action={`/${req.contentLocale}/subscribe/confirm/${token}`}
      />,
    );
  });

  app.post('/:locale/subscribe/confirm/:token', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { token } = req.params as { token: string };
    const outcome = await confirmSignup(
      { lists: deps.lists, tokens: deps.tokens, clock: deps.clock },
      { token, expiresAfterMs: deps.confirmExpiryMs },
    );
    switch (outcome.status) {
      case 'confirmed':
      case 'already':
        // The button was pressed from the mailed link: the person holds the address, so their page opens.
        return sendListPage(
          reply,
          <SignupDonePage
            tr={req.tr}
            site={deps.site}
            locale={outcome.locale}
            preferences={
              listLinks('', req.contentLocale, listToken(outcome.supporterId, deps.secret)).preferences
            }
          />,
        );
      case 'expired':
        return invalidLink(req, reply, 410, 'list.confirm.expired');
      case 'unknown':
        return invalidLink(req, reply, 404, 'list.confirm.unknown');
    }
  });
}
