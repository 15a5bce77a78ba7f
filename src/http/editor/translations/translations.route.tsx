// Volunteer translation of campaign texts: the board (/editor/translations, with the mailings' section),
// the side-by-side editor of one campaign in one language, its one POST (save, submit for review, or
// publish: which button was pressed), the reviewers' send-back, claiming a language and releasing a claim
// (decision 0042), and the Markdown preview. Mailings' editor
// routes are in mailing-translations.route.tsx. translations:edit opens them; which languages a translator
// may touch and who may publish is the domain's rule (domain/translation/translation-steps.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { MailingTranslationStore } from '../../../domain/mailing-translation/mailing-translation.ports.js';
import { viewMailingBoard } from '../../../domain/mailing-translation/view-mailing-board.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { claimTranslation } from '../../../domain/translation/claim-translation.js';
import { publishTranslation } from '../../../domain/translation/publish-translation.js';
import { releaseClaim } from '../../../domain/translation/release-claim.js';
import { saveTranslation } from '../../../domain/translation/save-translation.js';
import { sendBackTranslation } from '../../../domain/translation/send-back-translation.js';
import { submitTranslation } from '../../../domain/translation/submit-translation.js';
import { suggestTranslations } from '../../../domain/translation/suggest-translations.js';
import {
  mayPublish,
  mayReviewIn,
  sourceTexts,
  type TranslationViewer,
  type TranslationWork,
  workToken,
} from '../../../domain/translation/translation.js';
import type {
  TranslationClaimStore,
  TranslationMemoryStore,
  TranslationStore,
} from '../../../domain/translation/translation.ports.js';
import { activeClaim, mayRelease } from '../../../domain/translation/translation-claim.js';
import type { TranslatorBulletinStore } from '../../../domain/translation/translator-bulletin.ports.js';
import { awaitingReview, viewTranslationBoard } from '../../../domain/translation/view-translation-board.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { markdownPreviewRoute } from '../markdown-preview.js';
import { sendEditorPage } from '../pages.js';
import { bulletinSettingRoutes } from './bulletin-setting.route.js';
import { glossaryRoutes } from './glossary.route.js';
import { mailingTranslationRoutes } from './mailing-translations.route.js';
import {
  answerStep,
  doneFor,
  doneKeys,
  doneOf,
  edit,
  editLong,
  intentOf,
  isAutosave,
  openWork,
} from './step-answer.js';
import type { TranslationFormState } from './translation-editor.js';
import { type ViewerScopes, viewerOf } from './translation-viewer.js';
import { sendBackForm, translationForm } from './translations.schema.js';
import {
  BoardPage,
  editorPath,
  isolated,
  mailingEditorPath,
  type ReviewLink,
  TranslationEditorPage,
} from './translations-pages.js';
import { xliffRoutes } from './xliff.route.js';
import type { XliffState } from './xliff-panel.js';

export interface TranslationRouteDeps {
  site: SiteInfo;
  clock: Clock;
  translations: TranslationStore;
  mailingTranslations: MailingTranslationStore;
  scopes: ViewerScopes;
  memory: TranslationMemoryStore;
  bulletins: TranslatorBulletinStore;
  claims: TranslationClaimStore;
}

export function translationRoutes(app: FastifyInstance, deps: TranslationRouteDeps): void {
  const useCases = { translations: deps.translations, clock: deps.clock };
  const claimCases = { ...useCases, claims: deps.claims };

  const viewer = viewerOf(deps.scopes);

  /** The campaign in the URL's language with the person asking, or the error page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply) {
    const { slug, language: raw } = req.params as { slug: string; language: string };
    const locale = canonicalLocale(raw);
    const work = slugPattern.test(slug) && locale ? await deps.translations.work(slug, locale) : undefined;
    return openWork(req, reply, deps.site, work, viewer);
  }

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    work: TranslationWork,
    who: TranslationViewer,
    status = 200,
    form?: Partial<TranslationFormState>,
    xliff?: XliffState,
  ) {
    const done = doneOf(req, status);
    const t = work.translation;
    const aids = await suggestTranslations({ memory: deps.memory }, work);
    const claim = activeClaim(await deps.claims.claimOf(work.campaignId, work.locale), deps.clock.now());
    return sendEditorPage(req, reply.code(status), deps.site, TranslationEditorPage, {
      work,
      aids,
      canPublish: mayPublish(who, work.locale, t),
      canSendBack: mayReviewIn(who, work.locale),
      claim: claim && { name: claim.name, at: claim.claimedAt, mayRelease: mayRelease(who, claim) },
      notice: done && doneKeys[done],
      xliff,
      form: {
        values: t ? sourceTexts(t) : sourceTexts(emptyTexts),
        token: workToken(work),
        markUpdated: false,
        errors: {},
        ...form,
      },
    });
  }

  /** The board, with a refused claim's reason (409) when there is one. */
  async function showBoard(req: FastifyRequest, reply: FastifyReply, status = 200, error?: string) {
    const who = await viewer(req);
    const board = await viewTranslationBoard(useCases, who);
    const mailings = await viewMailingBoard(
      { mailingTranslations: deps.mailingTranslations, clock: deps.clock },
      who,
    );
    const review: ReviewLink[] = [
      ...awaitingReview(who, board.rows).map(({ row, ...i }) => ({
        ...i,
        href: editorPath(row.slug, i.locale),
        title: row.headline ?? row.slug,
        titleLocale: row.sourceLocale,
      })),
      ...awaitingReview(who, mailings.rows).map(({ row, ...i }) => ({
        ...i,
        href: mailingEditorPath(row.id, i.locale),
        title: row.subject,
        titleLocale: row.sourceLocale,
      })),
    ];
    return sendEditorPage(req, reply.code(status), deps.site, BoardPage, {
      board,
      mailings,
      limited: who.languages !== null,
      review,
      error,
    });
  }

  app.get('/editor/translations', edit, (req, reply) => showBoard(req, reply));

  // Claims are advisory (decision 0042): the editor stays open to every translator of the language.
  app.post('/editor/campaigns/:slug/translations/:language/claim', edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const { slug, locale } = loaded.work;
    const result = await claimTranslation(claimCases, loaded.who, { slug, locale });
    switch (result.status) {
      case 'claimed':
        return reply.redirect(`/editor/translations#c-${slug}`, 303);
      case 'taken':
        return showBoard(
          req,
          reply,
          409,
          req.tr.t('translations.claim.taken', {
            name: isolated(result.claim?.name ?? ''),
            language: req.tr.languageName(locale),
          }),
        );
      case 'not_needed':
        return showBoard(
          req,
          reply,
          409,
          req.tr.t('translations.claim.notNeeded', { language: req.tr.languageName(locale) }),
        );
      case 'forbidden':
        return sendError(req, reply, deps.site, 403);
      case 'not_found':
        return sendError(req, reply, deps.site, 404);
    }
  });

  app.post('/editor/campaigns/:slug/translations/:language/release', edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const { slug, locale } = loaded.work;
    const result = await releaseClaim(claimCases, loaded.who, { slug, locale });
    if (result.status === 'forbidden') return sendError(req, reply, deps.site, 403);
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    // Released, or already ended (lapsed, or its holder saved): either way the language is free.
    return reply.redirect(`/editor/translations#c-${slug}`, 303);
  });

  app.get('/editor/campaigns/:slug/translations/:language', edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    return show(req, reply, loaded.work, loaded.who);
  });

  app.post('/editor/campaigns/:slug/translations/:language', editLong, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, translationForm);
    if (!body) return reply;
    const { token, intent: pressed, markUpdated, ...values } = body;
    const input = {
      slug: loaded.work.slug,
      locale: loaded.work.locale,
      token,
      markUpdated: markUpdated === 'yes',
      ...values,
    };
    const intent = intentOf(pressed);
    const run =
      intent === 'publish' ? publishTranslation : intent === 'submit' ? submitTranslation : saveTranslation;
    return answerStep(req, reply, {
      site: deps.site,
      result: await run(useCases, loaded.who, input),
      path: editorPath(loaded.work.slug, loaded.work.locale),
      ok: doneFor[intent],
      reload: isAutosave(req, intent)
        ? () => deps.translations.work(loaded.work.slug, loaded.work.locale)
        : undefined,
      show: (work, status, form) => show(req, reply, work ?? loaded.work, loaded.who, status, form),
      form: { values, token, markUpdated: input.markUpdated },
    });
  });

  app.post('/editor/campaigns/:slug/translations/:language/send-back', edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, sendBackForm);
    if (!body) return reply;
    const result = await sendBackTranslation(useCases, loaded.who, {
      slug: loaded.work.slug,
      locale: loaded.work.locale,
      ...body,
    });
    const t = loaded.work.translation;
    return answerStep(req, reply, {
      site: deps.site,
      result,
      path: editorPath(loaded.work.slug, loaded.work.locale),
      ok: 'sent-back',
      show: (work, status, form) => show(req, reply, work ?? loaded.work, loaded.who, status, form),
      form: {
        values: t ? sourceTexts(t) : sourceTexts(emptyTexts),
        token: body.token,
        markUpdated: false,
        note: body.note,
      },
    });
  });

  markdownPreviewRoute(app, '/editor/translations/preview-markdown', editLong, deps);

  xliffRoutes(app, {
    site: deps.site,
    useCases,
    load,
    show: (req, reply, work, who, status, xliff) => show(req, reply, work, who, status, undefined, xliff),
  });

  bulletinSettingRoutes(app, { site: deps.site, clock: deps.clock, bulletins: deps.bulletins });

  glossaryRoutes(app, { site: deps.site, clock: deps.clock, memory: deps.memory, viewer });

  mailingTranslationRoutes(app, {
    site: deps.site,
    clock: deps.clock,
    store: deps.mailingTranslations,
    viewer,
  });
}

const emptyTexts = {
  headline: '',
  backgroundMd: '',
  defaultMessage: '',
  targetSubject: '',
  targetSalutation: '',
};
