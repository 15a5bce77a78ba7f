// The public "Request a campaign" page, one URL per language (/ar/request), its multipart POST and the
// thank-you page. The form carries the sign form's signed, time-stamped token (scope 0: no campaign has
// that id) and honeypot; the checks themselves are the submitRequest use case's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SubmitDeps } from '../../../domain/campaign-request/campaign-request.ports.js';
import { chooseTerms, type TermsVersion } from '../../../domain/campaign-request/partnership-terms.js';
import { requestMinFillMs, submitRequest } from '../../../domain/campaign-request/submit-request.js';
import { sourceLocale } from '../../../i18n/locales.js';
import { checkFormToken, issueFormToken } from '../../../security/form-token.js';
import { ipKey } from '../../../security/ip-key.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { formTokenUploads } from '../../security/multipart.js';
import type { SiteInfo } from '../../views/layout.js';
import { ThanksPage } from '../../views/thanks-page.js';
import { sendFormPage } from '../form-page.js';
import { requestBodySchema } from './request.schema.js';
import {
  emptyRequestValues,
  RequestFormPage,
  type RequestFormState,
  type RequestFormValues,
} from './request-page.js';

export interface RequestRouteDeps extends SubmitDeps {
  site: SiteInfo;
  /** Keys form tokens and IP hashes. */
  secret: string;
  maxUploadMb: number;
}

/** The form token's scope: campaign ids start at 1, so a sign form's token never passes here. */
export const requestFormScope = 0;

export function requestRoutes(app: FastifyInstance, deps: RequestRouteDeps): void {
  const action = (req: FastifyRequest) => `/${req.contentLocale}/request`;
  const fresh = () => issueFormToken(deps.secret, requestFormScope, deps.clock.now());
  const defaultLanguage = (req: FastifyRequest) => req.contentLocale.split('-')[0] ?? sourceLocale;

  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    state: (Omit<RequestFormState, 'maxUploadMb' | 'token'> & { token?: string }) | undefined,
    status = 200,
  ) =>
    sendFormPage(req, reply.code(status), deps.site, RequestFormPage, {
      action: action(req),
      state: state && { ...state, token: state.token ?? fresh(), maxUploadMb: deps.maxUploadMb },
    });

  const currentTerms = async (req: FastifyRequest): Promise<TermsVersion | undefined> =>
    chooseTerms(await deps.terms.latest(), req.tr.locale, sourceLocale);

  app.get('/request', (req, reply) => reply.redirect(`/${req.contentLocale}/request`, 302));

  app.get('/:locale/request', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const terms = await currentTerms(req);
    return render(
      req,
      reply,
      terms && { terms, values: emptyRequestValues(defaultLanguage(req)), errors: {}, filesDropped: false },
    );
  });

  const uploads = formTokenUploads({
    ...deps,
    scope: requestFormScope,
    minFillMs: requestMinFillMs,
    maxFiles: 2,
  });
  app.post('/:locale/request', { config: { uploads } }, async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const body = readForm(req, reply, deps, requestBodySchema);
    if (!body) return reply;
    const values: RequestFormValues = {
      orgName: body.orgName,
      orgDescription: body.orgDescription,
      orgWebsite: body.orgWebsite,
      contactName: body.contactName,
      contactEmail: body.contactEmail,
      language: body.language,
      headline: body.headline,
      background: body.background,
      message: body.message,
      moreInfoUrl: body.moreInfoUrl,
      targets: body.targets,
      terms: body.terms === 'yes',
    };
    const form = checkFormToken(deps.secret, body.token, requestFormScope, deps.clock.now(), {
      minFillMs: requestMinFillMs,
    });
    const result = await submitRequest(deps, {
      raw: values,
      termsVersion: body.termsVersion,
      logo: body.logo,
      photo: body.photo,
      contactLocale: req.tr.locale,
      fallbackLocale: sourceLocale,
      honeypot: body.reference,
      form,
      ipKey: ipKey(deps.secret, req.ip),
    });
    const filesDropped = body.logo !== undefined || body.photo !== undefined || req.uploadsDropped;
    // A genuine token (sound, even if sent too soon) goes back as it was, so the fill time still counts
    // from the first view; a missing, forged or expired one is replaced.
    const token = form.verdict === 'ok' || form.verdict === 'too_fast' ? { token: body.token } : {};
    switch (result.status) {
      case 'accepted':
        return reply.redirect(`/${req.contentLocale}/request/thanks`, 303);
      case 'closed':
        return render(req, reply, undefined, 409);
      case 'invalid':
        return render(
          req,
          reply,
          {
            terms: result.terms,
            values,
            errors: result.errors,
            filesDropped,
            ...token,
          },
          422,
        );
      case 'refused':
        return render(
          req,
          reply,
          { terms: result.terms, values, errors: {}, refused: result.reason, filesDropped, ...token },
          result.reason === 'rate_limited' ? 429 : 422,
        );
    }
  });

  app.get('/:locale/request/thanks', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    return sendPage(reply, <ThanksPage tr={req.tr} site={deps.site} form="request" />);
  });
}
