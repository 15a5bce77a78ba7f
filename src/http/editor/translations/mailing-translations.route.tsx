// A mailing's language versions on the translators' board: the side-by-side editor of one mailing in one
// language (subject, preheader, Markdown body), its one POST (save, submit, publish) and the reviewers'
// send-back. The same steps, rights and answers as campaign texts; a mailing that has started sending is
// shown read-only. There is no snapshot of a mailing's earlier source: "source changed" says so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeMailingTranslation } from '../../../domain/mailing-translation/change-mailing-translation.js';
import {
  type MailingTranslationWork,
  mailingFields,
  mailingTextSpec,
  openForTranslation,
} from '../../../domain/mailing-translation/mailing-translation.js';
import type { MailingTranslationStore } from '../../../domain/mailing-translation/mailing-translation.ports.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { mayPublish, mayReviewIn, type TranslationViewer } from '../../../domain/translation/translation.js';
import { isStale, pickTexts, tokenOf } from '../../../domain/translation/translation-steps.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import type { SiteInfo } from '../../views/layout.js';
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
import { TranslationEditor, type TranslationFormState } from './translation-editor.js';
import { mailingTranslationForm, sendBackForm } from './translations.schema.js';
import { mailingEditorPath } from './translations-pages.js';

export interface MailingTranslationRouteDeps {
  site: SiteInfo;
  clock: Clock;
  store: MailingTranslationStore;
  viewer: (req: FastifyRequest) => Promise<TranslationViewer>;
}

const fieldKeys = {
  subject: 'translations.mailing.field.subject',
  preheader: 'translations.mailing.field.preheader',
  bodyMd: 'translations.mailing.field.body',
} as const satisfies Record<(typeof mailingFields)[number], StringKey>;

const idPattern = /^[1-9][0-9]{0,14}$/;
const path = '/editor/translations/mailings/:mailingId/:language';
const noTexts = { subject: '', preheader: '', bodyMd: '' };

export function mailingTranslationRoutes(app: FastifyInstance, deps: MailingTranslationRouteDeps): void {
  const useCases = { mailingTranslations: deps.store, clock: deps.clock };

  /** The mailing in the URL's language with the person asking, or the error page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply) {
    const { mailingId, language } = req.params as { mailingId: string; language: string };
    const locale = canonicalLocale(language);
    const work =
      idPattern.test(mailingId) && locale ? await deps.store.work(Number(mailingId), locale) : undefined;
    return openWork(req, reply, deps.site, work, deps.viewer);
  }

  function show(
    req: FastifyRequest,
    reply: FastifyReply,
    work: MailingTranslationWork,
    who: TranslationViewer,
    status = 200,
    form?: Partial<TranslationFormState>,
  ) {
    const tr = req.tr;
    const t = tr.t;
    const done = doneOf(req, status);
    const stored = work.translation;
    const closed = !openForTranslation(work.mailingStatus);
    return sendPage(
      reply,
      <TranslationEditor
        tr={tr}
        site={deps.site}
        user={req.account!.user}
        csrf={req.csrfToken}
        title={t('translations.mailing.editor.title', {
          subject: work.source.subject,
          language: tr.languageName(work.locale),
        })}
        action={mailingEditorPath(work.mailingId, work.locale)}
        sourceLocale={work.sourceLocale}
        locale={work.locale}
        fields={mailingFields.map((f) => ({
          key: f,
          label: t(fieldKeys[f]),
          long: f === 'bodyMd',
          rows: 10,
          ...(f === 'bodyMd' ? { previewId: 'body-preview' } : {}),
        }))}
        source={pickTexts(mailingTextSpec, work.source)}
        stored={
          stored && {
            status: stored.status,
            reviewNote: stored.reviewNote,
            updatedBy: stored.updatedBy,
            texts: pickTexts(mailingTextSpec, stored),
          }
        }
        stale={stored !== null && isStale(stored, work.source.revision)}
        sourceChanged={<p>{t('translations.mailing.sourceChanged.current')}</p>}
        publishedWarning="translations.mailing.editor.publishedWarning"
        closed={closed ? t('translations.mailing.editor.closed') : undefined}
        canPublish={mayPublish(who, work.locale, stored)}
        canSendBack={mayReviewIn(who, work.locale)}
        notice={done === 'published' ? t('translations.mailing.done.published') : done && t(doneKeys[done])}
        form={{
          values: pickTexts(mailingTextSpec, stored ?? noTexts),
          token: tokenOf(work),
          markUpdated: false,
          errors: {},
          ...form,
        }}
      />,
      status,
    );
  }

  /** A step refused because the mailing started sending: the page, read-only, says why (409). */
  const refusedAsClosed = (work: MailingTranslationWork) => !openForTranslation(work.mailingStatus);

  app.get(path, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    return show(req, reply, loaded.work, loaded.who);
  });

  app.post(path, editLong, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, mailingTranslationForm);
    if (!body) return reply;
    const { token, intent: pressed, markUpdated, ...texts } = body;
    const { work, who } = loaded;
    const intent = intentOf(pressed);
    const result = await changeMailingTranslation(
      useCases,
      who,
      { mailingId: work.mailingId, locale: work.locale },
      { intent, token, markUpdated: markUpdated === 'yes', texts },
    );
    if (result.status === 'wrong_state' && refusedAsClosed(work) && !isAutosave(req, intent)) {
      return show(req, reply, work, who, 409, { values: texts });
    }
    return answerStep(req, reply, {
      site: deps.site,
      result,
      path: mailingEditorPath(work.mailingId, work.locale),
      ok: doneFor[intent],
      reload: isAutosave(req, intent) ? () => deps.store.work(work.mailingId, work.locale) : undefined,
      show: (current, status, form) => show(req, reply, current ?? work, who, status, form),
      form: { values: texts, token, markUpdated: markUpdated === 'yes' },
    });
  });

  app.post(`${path}/send-back`, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, sendBackForm);
    if (!body) return reply;
    const { work, who } = loaded;
    const result = await changeMailingTranslation(
      useCases,
      who,
      { mailingId: work.mailingId, locale: work.locale },
      { intent: 'send-back', ...body },
    );
    if (result.status === 'wrong_state' && refusedAsClosed(work)) return show(req, reply, work, who, 409);
    return answerStep(req, reply, {
      site: deps.site,
      result,
      path: mailingEditorPath(work.mailingId, work.locale),
      ok: 'sent-back',
      show: (current, status, form) => show(req, reply, current ?? work, who, status, form),
      form: {
        values: pickTexts(mailingTextSpec, work.translation ?? noTexts),
        token: body.token,
        markUpdated: false,
        note: body.note,
      },
    });
  });
}
