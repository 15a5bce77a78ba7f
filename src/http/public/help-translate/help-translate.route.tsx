// "Help translate": how a reader becomes a volunteer translator of campaigns. The page exists only when the
// operator configured the editors' address (TRANSLATORS_CONTACT): its form stores an application that
// editors answer in the editor area (decision 0038); the address stays for questions. The form carries the
// sign form's signed, time-stamped token (scope -1: no campaign has that id) and honeypot.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import { campaignLanguages } from '../../../domain/campaign/create-campaign.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/signature/signature.ports.js';
import { languagesWanted } from '../../../domain/translation/languages-wanted.js';
import type { RawApplicationInput } from '../../../domain/translator-application/application-input.js';
import {
  applicationMinFillMs,
  applyAsTranslator,
} from '../../../domain/translator-application/apply-as-translator.js';
import type { TranslatorApplicationStore } from '../../../domain/translator-application/translator-application.ports.js';
import { checkFormToken, issueFormToken } from '../../../security/form-token.js';
import { ipKey } from '../../../security/ip-key.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';
import { ThanksPage } from '../../views/thanks-page.js';
import { sendFormPage } from '../form-page.js';
import { applicationBodySchema } from './help-translate.schema.js';
import { type ApplicationFormState, HelpTranslatePage } from './help-translate-page.js';

export interface HelpTranslateDeps {
  site: SiteInfo;
  clock: Clock;
  /** Keys form tokens and IP hashes. */
  secret: string;
  applications: TranslatorApplicationStore;
  rateLimiter: RateLimiter;
  /** Live campaigns, to list the languages each is not yet in. */
  campaigns: Pick<CampaignReader, 'listByStatus'>;
}

/** The form token's scope: campaign ids start at 1 and the request form uses 0. */
export const applicationFormScope = -1;

export function helpTranslateRoutes(app: FastifyInstance, deps: HelpTranslateDeps): void {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    contact: string,
    state: Omit<ApplicationFormState, 'token'> & { token?: string | undefined },
    status = 200,
  ) =>
    sendFormPage(req, reply.code(status), deps.site, HelpTranslatePage, {
      action: `/${req.contentLocale}/help-translate`,
      contact,
      wanted: languagesWanted(await deps.campaigns.listByStatus(['live']), campaignLanguages, req.tr.locale),
      state: {
        ...state,
        token: state.token ?? issueFormToken(deps.secret, applicationFormScope, deps.clock.now()),
      },
    });

  app.get('/:locale/help-translate', async (req, reply) => {
    const contact = deps.site.translatorsContact;
    if (!req.localeValid || !contact) return sendError(req, reply, deps.site, 404);
    return render(req, reply, contact, {
      values: { name: '', email: '', languages: [], note: '' },
      errors: {},
    });
  });

  app.post('/:locale/help-translate', async (req, reply) => {
    const contact = deps.site.translatorsContact;
    if (!req.localeValid || !contact) return sendError(req, reply, deps.site, 404);
    const body = readForm(req, reply, deps, applicationBodySchema);
    if (!body) return reply;
    const languages = body.language === undefined ? [] : [body.language].flat();
    const values: RawApplicationInput = { name: body.name, email: body.email, languages, note: body.note };
    const form = checkFormToken(deps.secret, body.token, applicationFormScope, deps.clock.now(), {
      minFillMs: applicationMinFillMs,
    });
    const result = await applyAsTranslator(deps, {
      raw: values,
      locale: req.tr.locale,
      honeypot: body.reference,
      form,
      ipKey: ipKey(deps.secret, req.ip),
    });
    // A genuine token goes back as it was, so the fill time still counts from the first view.
    const token = form.verdict === 'ok' || form.verdict === 'too_fast' ? body.token : undefined;
    switch (result.status) {
      case 'accepted':
        return reply.redirect(`/${req.contentLocale}/help-translate/thanks`, 303);
      case 'invalid':
        return render(req, reply, contact, { values, errors: result.errors, token }, 422);
      case 'refused':
        return render(
          req,
          reply,
          contact,
          { values, errors: {}, refused: result.reason, token },
          result.reason === 'rate_limited' ? 429 : 422,
        );
    }
  });

  app.get('/:locale/help-translate/thanks', async (req, reply) => {
    if (!req.localeValid || !deps.site.translatorsContact) return sendError(req, reply, deps.site, 404);
    return sendPage(reply, <ThanksPage tr={req.tr} site={deps.site} form="helpTranslate" />);
  });
}
