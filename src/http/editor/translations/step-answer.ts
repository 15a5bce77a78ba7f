// What the translation routes share, for campaigns and mailings alike: the permission each route asks
// (translations:edit: who may review which language is the domain's rule, decision 0039), and
// how they answer a step: a redirect with a notice, the page again with the input kept (422), or, when a
// colleague saved first, their version beside this person's text with the new token (409), so saving
// again is a deliberate choice to replace theirs. A draft saved while typing (translation-autosave.js,
// `X-Autosave: 1`) is answered in JSON instead: the new token, or why it was not saved.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  mayTranslate,
  type StepResult,
  type TranslationViewer,
  tokenOf,
} from '../../../domain/translation/translation-steps.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';
import type { TranslationFormState } from './translation-editor.js';

export const edit = { config: { permission: 'translations:edit' as const } };
/** Long texts in scripts of 2–4 bytes a character, percent-encoded: above the site's 64 KB default. */
export const editLong = { ...edit, bodyLimit: 512 * 1024 };

export const doneKeys = {
  saved: 'translations.done.saved',
  unchanged: 'translations.done.unchanged',
  submitted: 'translations.done.submitted',
  published: 'translations.done.published',
  'sent-back': 'translations.done.sentBack',
} as const satisfies Record<string, StringKey>;
export type Done = keyof typeof doneKeys;

/** The notice a redirect's `?done=` names, on a page answered 200 only. */
export function doneOf(req: FastifyRequest, status: number): Done | undefined {
  const query = (req.query as { done?: unknown } | undefined)?.done;
  return status === 200 && typeof query === 'string' && Object.hasOwn(doneKeys, query)
    ? (query as Done)
    : undefined;
}

export const intentOf = (intent: string) =>
  intent === 'publish' || intent === 'submit' ? intent : ('save' as const);

export const doneFor = { save: 'saved', submit: 'submitted', publish: 'published' } as const satisfies Record<
  string,
  Done
>;

/** A save sent by translation-autosave.js while the translator types, not by a button. */
export const isAutosave = (req: FastifyRequest, intent: string): boolean =>
  intent === 'save' && req.headers['x-autosave'] === '1';

/** What translation-autosave.js reads: saved with the form's next token, or why not (nothing else). */
export type AutosaveAnswer = { state: 'saved'; token: string } | { state: 'stale' | 'invalid' | 'refused' };

export function answerStep<W extends Parameters<typeof tokenOf>[0]>(
  req: FastifyRequest,
  reply: FastifyReply,
  p: {
    site: SiteInfo;
    result: StepResult<string, W>;
    /** The editor page's path: redirects go back to it. */
    path: string;
    ok: Done;
    show: (work: W | undefined, status: number, form: Partial<TranslationFormState>) => unknown;
    form: Omit<TranslationFormState, 'errors'>;
    /** Set for an autosave: the work as stored after the step, for the form's next token. */
    reload?: (() => Promise<W | undefined>) | undefined;
  },
) {
  const { result, form } = p;
  if (p.reload) return answerAutosave(reply, result, p.reload);
  switch (result.status) {
    case 'saved':
      return reply.redirect(`${p.path}?done=${p.ok}`, 303);
    case 'unchanged':
      return reply.redirect(`${p.path}?done=unchanged`, 303);
    case 'not_found':
      return sendError(req, reply, p.site, 404);
    case 'forbidden':
      return sendError(req, reply, p.site, 403);
    case 'wrong_state':
      return sendError(req, reply, p.site, 409);
    case 'invalid':
      return p.show(undefined, 422, {
        ...form,
        errors: result.errors,
        noteMissing: result.noteMissing ?? false,
      });
    case 'stale':
      return p.show(result.current, 409, {
        ...form,
        token: tokenOf(result.current),
        errors: {},
        staleSave: true,
      });
  }
}

async function answerAutosave<W extends Parameters<typeof tokenOf>[0]>(
  reply: FastifyReply,
  result: StepResult<string, W>,
  reload: () => Promise<W | undefined>,
) {
  const send = (status: number, body: AutosaveAnswer) =>
    reply.code(status).header('cache-control', 'no-store').send(body);
  switch (result.status) {
    case 'saved':
    case 'unchanged': {
      const now = await reload();
      return now ? send(200, { state: 'saved', token: tokenOf(now) }) : send(404, { state: 'refused' });
    }
    case 'stale':
      return send(409, { state: 'stale' });
    case 'invalid':
      return send(422, { state: 'invalid' });
    case 'not_found':
      return send(404, { state: 'refused' });
    case 'forbidden':
      return send(403, { state: 'refused' });
    case 'wrong_state':
      return send(409, { state: 'refused' });
  }
}

/**
 * The text in the URL's language with the person asking, or the error page already sent: 404 for no such
 * text or its own source language, 403 for a language the person does not work in.
 */
export async function openWork<W extends { locale: string; sourceLocale: string }>(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  work: W | undefined,
  viewer: (req: FastifyRequest) => Promise<TranslationViewer>,
): Promise<{ work: W; who: TranslationViewer } | undefined> {
  if (!work || work.locale === work.sourceLocale) return void sendError(req, reply, site, 404);
  const who = await viewer(req);
  if (!mayTranslate(who, work.locale)) return void sendError(req, reply, site, 403);
  return { work, who };
}
