// The partnership terms editor (admins: settings:manage). GET shows the current text per language; each
// POST saves one language's text as a new version (saveTerms), then redirects with a notice, or shows the
// page again with the error and the text kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staleTerms, type TermsStore, termsMax } from '../../../domain/campaign-request/partnership-terms.js';
import { saveTerms } from '../../../domain/campaign-request/save-terms.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { sourceLocale, uiLocales } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import { TermsPage, type TermsPageProps } from './terms-page.js';

export interface TermsEditorDeps {
  site: SiteInfo;
  clock: Clock;
  terms: TermsStore;
}

const manage = { config: { permission: 'settings:manage' as const } };
const termsForm = z.object({
  locale: z.string().max(20).optional().default(''),
  bodyMd: z.string().max(200_000).optional().default(''),
});

const done = { saved: 'terms.done.saved', unchanged: 'terms.done.unchanged' } as const satisfies Record<
  string,
  StringKey
>;

export function termsEditorRoutes(app: FastifyInstance, deps: TermsEditorDeps): void {
  const locales = uiLocales.map((l) => l.code);

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    refused?: Pick<TermsPageProps, 'error' | 'values'>,
  ) {
    const [latest, history] = await Promise.all([deps.terms.latest(), deps.terms.history(100)]);
    const notice = doneNotice(req, done);
    return sendEditorPage(req, reply.code(status), deps.site, TermsPage, {
      latest,
      history,
      stale: staleTerms(latest, sourceLocale),
      fallback: sourceLocale,
      notice: refused ? undefined : notice,
      error: refused?.error,
      values: refused?.values,
    });
  }

  app.get('/editor/terms', manage, (req, reply) => show(req, reply));

  app.post('/editor/terms', manage, async (req, reply) => {
    const form = readForm(req, reply, deps, termsForm);
    if (!form) return reply;
    const { id, email } = req.account!.user;
    const result = await saveTerms(
      { terms: deps.terms, clock: deps.clock, locales },
      { id, email },
      { locale: form.locale, bodyMd: form.bodyMd },
    );
    if (result.status !== 'invalid') return reply.redirect(`/editor/terms?done=${result.status}`, 303);
    if (result.error === 'LanguageInvalid') return sendError(req, reply, deps.site, 400);
    const text =
      result.error === 'Required'
        ? req.tr.t('terms.error.required')
        : req.tr.t('terms.error.tooLong', { max: termsMax });
    return show(req, reply, 422, {
      error: { locale: form.locale, text },
      values: { locale: form.locale, bodyMd: form.bodyMd },
    });
  });
}
