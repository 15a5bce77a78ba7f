// Each language's glossary (decisions 0026, 0039): translators of the language read it, its reviewers
// (coordinators of the language, editors, admins) add, change and remove terms. Answers like the other translation pages: a redirect with a notice, or the form again with
// the input kept (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../domain/shared/clock.js';
import { removeGlossaryTerm } from '../../../domain/translation/remove-glossary-term.js';
import { saveGlossaryTerm } from '../../../domain/translation/save-glossary-term.js';
import type { TranslationMemoryStore } from '../../../domain/translation/translation.ports.js';
import type { TranslationViewer } from '../../../domain/translation/translation-steps.js';
import { viewGlossary } from '../../../domain/translation/view-glossary.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { type GlossaryForm, GlossaryPage } from './glossary-page.js';
import { edit } from './step-answer.js';
import { glossaryPath } from './translation-aids.js';
import { glossaryRemoveForm, glossaryTermForm } from './translations.schema.js';

const notices = { saved: 'translations.glossary.saved', removed: 'translations.glossary.removed' } as const;
const blank: GlossaryForm = { values: { term: '', rendering: '', note: '' }, errors: {} };

export function glossaryRoutes(
  app: FastifyInstance,
  deps: {
    site: SiteInfo;
    clock: Clock;
    memory: TranslationMemoryStore;
    viewer: (req: FastifyRequest) => Promise<TranslationViewer>;
  },
): void {
  const path = '/editor/translations/glossary/:language';
  // Translators read their languages' glossaries; the language's reviewers (its coordinators, editors,
  // admins) change them: the domain decides per language, so the routes ask translations:edit only.

  /** The language in the URL, the person, and the glossary they may see; or the error page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply) {
    const locale = canonicalLocale((req.params as { language: string }).language);
    if (!locale) return void sendError(req, reply, deps.site, 404);
    const who = await deps.viewer(req);
    const view = await viewGlossary(deps, who, locale);
    if (view.status === 'forbidden') return void sendError(req, reply, deps.site, 403);
    return { locale, who, view };
  }

  function show(
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: NonNullable<Awaited<ReturnType<typeof load>>>,
    status = 200,
    form: GlossaryForm = blank,
  ) {
    const done = (req.query as { done?: unknown }).done;
    return sendEditorPage(req, reply.code(status), deps.site, GlossaryPage, {
      locale: loaded.locale,
      terms: loaded.view.status === 'ok' ? loaded.view.terms : [],
      canEdit: loaded.view.status === 'ok' && loaded.view.canEdit,
      notice: status === 200 && (done === 'saved' || done === 'removed') ? notices[done] : undefined,
      form,
    });
  }

  app.get(path, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    return loaded ? show(req, reply, loaded) : reply;
  });

  app.post(path, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, glossaryTermForm);
    if (!body) return reply;
    const result = await saveGlossaryTerm(deps, loaded.who, { locale: loaded.locale, ...body });
    if (result.status === 'forbidden') return sendError(req, reply, deps.site, 403);
    if (result.status === 'invalid')
      return show(req, reply, loaded, 422, { values: body, errors: result.errors });
    return reply.redirect(`${glossaryPath(loaded.locale)}?done=saved`, 303);
  });

  app.post(`${path}/remove`, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, glossaryRemoveForm);
    if (!body) return reply;
    const id = /^[1-9][0-9]{0,15}$/.test(body.id) ? Number(body.id) : 0;
    const result = await removeGlossaryTerm(deps, loaded.who, { locale: loaded.locale, id });
    if (result === 'forbidden') return sendError(req, reply, deps.site, 403);
    if (result === 'not_found') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`${glossaryPath(loaded.locale)}?done=removed`, 303);
  });
}
