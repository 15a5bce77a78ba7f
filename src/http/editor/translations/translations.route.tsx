// Volunteer translation of campaign texts: the board (/editor/translations), the side-by-side editor of one
// campaign in one language, its one POST (save, submit for review, or publish: which button was pressed),
// the reviewers' send-back, and the Markdown preview. translations:edit opens them; which languages a
// translator may touch and who may publish is the domain's rule (domain/translation/translation.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { normaliseText } from '../../../domain/signature/text.js';
import { publishTranslation } from '../../../domain/translation/publish-translation.js';
import { saveTranslation } from '../../../domain/translation/save-translation.js';
import { sendBackTranslation } from '../../../domain/translation/send-back-translation.js';
import { submitTranslation } from '../../../domain/translation/submit-translation.js';
import {
  languagesLimited,
  mayReview,
  mayTranslate,
  type TranslationViewer,
  type TranslationWork,
  translatableFields,
  workToken,
} from '../../../domain/translation/translation.js';
import type { TranslationStore } from '../../../domain/translation/translation.ports.js';
import type { TranslationResult } from '../../../domain/translation/translation-change.js';
import { viewTranslationBoard } from '../../../domain/translation/view-translation-board.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import { markdownForm, sendBackForm, translationForm } from './translations.schema.js';
import {
  BoardPage,
  editorPath,
  TranslationEditorPage,
  type TranslationFormState,
} from './translations-pages.js';

export interface TranslationRouteDeps {
  site: SiteInfo;
  clock: Clock;
  translations: TranslationStore;
  scopes: Pick<AccountScopeReader, 'languagesOf'>;
}

const edit = { config: { permission: 'translations:edit' as const } };
/** Long texts in scripts of 2–4 bytes a character, percent-encoded: above the site's 64 KB default. */
const editLong = { ...edit, bodyLimit: 512 * 1024 };
const review = { config: { permission: 'translations:review' as const } };

const done = {
  saved: 'translations.done.saved',
  unchanged: 'translations.done.unchanged',
  submitted: 'translations.done.submitted',
  published: 'translations.done.published',
  'sent-back': 'translations.done.sentBack',
} as const satisfies Record<string, StringKey>;

export function translationRoutes(app: FastifyInstance, deps: TranslationRouteDeps): void {
  const useCases = { translations: deps.translations, clock: deps.clock };

  async function viewer(req: FastifyRequest): Promise<TranslationViewer> {
    const user = req.account!.user;
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      languages: languagesLimited(user.role) ? await deps.scopes.languagesOf(user.id) : null,
    };
  }

  /** The campaign in the URL's language with the person asking, or the error page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply) {
    const { slug, language: raw } = req.params as { slug: string; language: string };
    const locale = canonicalLocale(raw);
    const work = slugPattern.test(slug) && locale ? await deps.translations.work(slug, locale) : undefined;
    if (!work || work.locale === work.sourceLocale) return void sendError(req, reply, deps.site, 404);
    const who = await viewer(req);
    if (!mayTranslate(who, work.locale)) return void sendError(req, reply, deps.site, 403);
    return { work, who };
  }

  function show(
    req: FastifyRequest,
    reply: FastifyReply,
    work: TranslationWork,
    who: TranslationViewer,
    status = 200,
    form?: Partial<TranslationFormState>,
  ) {
    const query = (req.query as { done?: unknown } | undefined)?.done;
    const notice =
      status === 200 && typeof query === 'string' && Object.hasOwn(done, query)
        ? done[query as keyof typeof done]
        : undefined;
    const t = work.translation;
    const stored = Object.fromEntries(translatableFields.map((f) => [f, t ? t[f] : ''])) as Record<
      (typeof translatableFields)[number],
      string
    >;
    return sendPage(
      reply,
      <TranslationEditorPage
        tr={req.tr}
        site={deps.site}
        user={req.account!.user}
        csrf={req.csrfToken}
        work={work}
        canReview={mayReview(who)}
        notice={notice}
        form={{ values: stored, token: workToken(work), markUpdated: false, errors: {}, ...form }}
      />,
      status,
    );
  }

  app.get('/editor/translations', edit, async (req, reply) => {
    const who = await viewer(req);
    const board = await viewTranslationBoard(useCases, who);
    return sendPage(
      reply,
      <BoardPage
        tr={req.tr}
        site={deps.site}
        user={req.account!.user}
        csrf={req.csrfToken}
        board={board}
        limited={who.languages !== null}
      />,
    );
  });

  app.get('/editor/campaigns/:slug/translations/:language', edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    return show(req, reply, loaded.work, loaded.who);
  });

  /** The answer to a use case: a redirect with a notice, or the page again with the input kept. */
  function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    work: TranslationWork,
    who: TranslationViewer,
    result: TranslationResult,
    ok: keyof typeof done,
    form: Omit<TranslationFormState, 'errors'>,
  ) {
    switch (result.status) {
      case 'saved':
        return reply.redirect(`${editorPath(work.slug, work.locale)}?done=${ok}`, 303);
      case 'unchanged':
        return reply.redirect(`${editorPath(work.slug, work.locale)}?done=unchanged`, 303);
      case 'not_found':
        return sendError(req, reply, deps.site, 404);
      case 'forbidden':
        return sendError(req, reply, deps.site, 403);
      case 'wrong_state':
        return sendError(req, reply, deps.site, 409);
      case 'invalid':
        return show(req, reply, work, who, 422, {
          ...form,
          errors: result.errors,
          noteMissing: result.noteMissing ?? false,
        });
      case 'stale':
        // The newer version on the page, this person's text in the form with the new token: saving again
        // is a deliberate choice to replace what the colleague saved.
        return show(req, reply, result.current, who, 409, {
          ...form,
          token: workToken(result.current),
          errors: {},
          staleSave: true,
        });
    }
  }

  app.post('/editor/campaigns/:slug/translations/:language', editLong, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = translationForm.safeParse(req.body ?? {});
    if (!body.success) return sendError(req, reply, deps.site, 400);
    const { token, intent, markUpdated, ...values } = body.data;
    const input = {
      slug: loaded.work.slug,
      locale: loaded.work.locale,
      token,
      markUpdated: markUpdated === 'yes',
      ...values,
    };
    const run =
      intent === 'publish' ? publishTranslation : intent === 'submit' ? submitTranslation : saveTranslation;
    const ok = intent === 'publish' ? 'published' : intent === 'submit' ? 'submitted' : 'saved';
    const result = await run(useCases, loaded.who, input);
    return answer(req, reply, loaded.work, loaded.who, result, ok, {
      values,
      token,
      markUpdated: input.markUpdated,
    });
  });

  app.post('/editor/campaigns/:slug/translations/:language/send-back', review, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = sendBackForm.safeParse(req.body ?? {});
    if (!body.success) return sendError(req, reply, deps.site, 400);
    const result = await sendBackTranslation(useCases, loaded.who, {
      slug: loaded.work.slug,
      locale: loaded.work.locale,
      ...body.data,
    });
    const t = loaded.work.translation;
    const stored = Object.fromEntries(translatableFields.map((f) => [f, t ? t[f] : ''])) as Record<
      (typeof translatableFields)[number],
      string
    >;
    return answer(req, reply, loaded.work, loaded.who, result, 'sent-back', {
      values: stored,
      token: body.data.token,
      markUpdated: false,
      note: body.data.note,
    });
  });

  // The live preview: the public page's renderer and sanitiser; a fragment of HTML.
  app.post('/editor/translations/preview-markdown', editLong, async (req, reply) => {
    const body = markdownForm.safeParse(req.body ?? {});
    if (!body.success) return sendError(req, reply, deps.site, 400);
    const text = normaliseText(body.data.markdown, { max: 100_000 });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(text.ok ? renderMarkdown(text.value) : '');
  });
}
