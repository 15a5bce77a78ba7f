// Volunteer review of interface strings in the app (issue 17, decision 0036): translators of a language
// (editors and admins: every language) read its strings beside English, correct them and mark them
// reviewed; corrections are stored, audited and shown by the site at once. Each language's catalog and
// review record download as the repository's files, and its strings travel as XLIFF 2.0 both ways.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { correctInterfaceString } from '../../../domain/interface-strings/correct-interface-string.js';
import { importInterfaceStrings } from '../../../domain/interface-strings/import-interface-strings.js';
import {
  filterStrings,
  type StringFilter,
} from '../../../domain/interface-strings/interface-string-state.js';
import type {
  InterfaceCatalogs,
  InterfaceOverrideStore,
} from '../../../domain/interface-strings/interface-strings.ports.js';
import { viewInterfaceStrings } from '../../../domain/interface-strings/view-interface-strings.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { catalogFileWith, reviewFileWith } from '../../../i18n/interface-catalogs.js';
import { canonicalLocale, sourceLocale, uiLocales } from '../../../i18n/locales.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { csrfUploads } from '../../security/multipart.js';
import { EditorPage } from '../../views/editor/editor-layout.js';
import type { SiteInfo } from '../../views/layout.js';
import { editorPage, sendEditorPage } from '../pages.js';
import { type ViewerScopes, viewerOf } from '../translations/translation-viewer.js';
import { boardQuery, correctionForm, importForm } from './interface-strings.schema.js';
import { type BoardForm, InterfaceStringsPage, pageSize } from './interface-strings-page.js';
import { stringsPath } from './interface-strings-text.js';
import { fromXliff, toXliff } from './xliff.js';

export interface InterfaceStringsDeps {
  site: SiteInfo;
  clock: Clock;
  overrides: InterfaceOverrideStore;
  catalogs: InterfaceCatalogs;
  scopes: ViewerScopes;
  /** This process's layer of corrections: told at once when one is stored here. */
  layer: { invalidate(): void };
  uploadMaxMb: number;
}

const edit = { config: { permission: 'translations:edit' as const } };
const notices = {
  saved: 'interfaceStrings.done.saved',
  reviewed: 'interfaceStrings.done.reviewed',
  unchanged: 'interfaceStrings.done.unchanged',
} as const;

export function interfaceStringsRoutes(app: FastifyInstance, deps: InterfaceStringsDeps): void {
  const viewer = viewerOf(deps.scopes);

  /** The language in the URL, the person and the strings they may work on; or the error page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply) {
    const locale = canonicalLocale((req.params as { language: string }).language);
    if (!locale) return void sendError(req, reply, deps.site, 404);
    const who = await viewer(req);
    const view = await viewInterfaceStrings(deps, who, locale);
    if (view.status === 'not_found') return void sendError(req, reply, deps.site, 404);
    if (view.status === 'forbidden') return void sendError(req, reply, deps.site, 403);
    return { locale, who, strings: view.strings };
  }

  type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

  function board(
    req: FastifyRequest,
    reply: FastifyReply,
    loaded: Loaded,
    extra: {
      filter?: StringFilter;
      page?: number;
      status?: number;
      form?: BoardForm;
      report?: Parameters<typeof InterfaceStringsPage>[0]['report'];
      importError?: string;
    } = {},
  ) {
    const q = boardQuery.parse(req.query ?? {});
    const filter = extra.filter ?? { state: q.state, namespace: q.ns, search: q.q };
    const matching = filterStrings(loaded.strings, filter);
    const pages = Math.max(1, Math.ceil(matching.length / pageSize));
    const page = Math.min(extra.page ?? q.page, pages);
    const status = extra.status ?? 200;
    return sendEditorPage(req, reply.code(status), deps.site, InterfaceStringsPage, {
      locale: loaded.locale,
      strings: matching.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      filter,
      page,
      notice: status === 200 && q.done ? notices[q.done] : undefined,
      form: extra.form,
      report: extra.report,
      importError: extra.importError,
    });
  }

  app.get('/editor/interface-strings', edit, async (req, reply) => {
    const who = await viewer(req);
    const served = uiLocales.map((l) => l.code).filter((c) => c !== sourceLocale);
    const mine = who.languages === null ? served : served.filter((c) => who.languages!.includes(c));
    const t = req.tr.t;
    const title = t('interfaceStrings.index.title');
    return sendPage(
      reply,
      <EditorPage page={editorPage(req, deps.site)} title={title} section="translations" heading>
        <p class="help">{t('interfaceStrings.intro')}</p>
        {mine.length === 0 ? (
          <p>{t('translations.board.noLanguages')}</p>
        ) : (
          <ul class="translation-cells">
            {mine.map((code) => (
              <li class="translation-cell" key={code}>
                <a href={stringsPath(code)}>{req.tr.languageName(code)}</a>
              </li>
            ))}
          </ul>
        )}
      </EditorPage>,
    );
  });

  const path = '/editor/interface-strings/:language';

  app.get(path, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    return loaded ? board(req, reply, loaded) : reply;
  });

  app.post(path, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, correctionForm);
    if (!body) return reply;
    const reviewed = body.intent === 'review';
    const result = await correctInterfaceString(deps, loaded.who, {
      locale: loaded.locale,
      key: body.key,
      message: body.message,
      reviewed,
    });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'forbidden') return sendError(req, reply, deps.site, 403);
    if (result.status === 'invalid') {
      // The string alone (its key as the search), the text as typed, the reasons beside it.
      return board(req, reply, loaded, {
        filter: { state: 'all', namespace: 'all', search: body.key },
        page: 1,
        status: 422,
        form: { key: body.key, message: body.message, errors: result.errors },
      });
    }
    if (result.status === 'saved') deps.layer.invalidate();
    const base = stringsPath(loaded.locale);
    // Back to the filtered page the form was on: only a query on this board's own path.
    const back = body.back.startsWith(`${base}?`) && !/[\r\n#]/.test(body.back) ? body.back : `${base}?`;
    const done = result.status === 'unchanged' ? 'unchanged' : reviewed ? 'reviewed' : 'saved';
    const anchor = `#k-${body.key.replaceAll('.', '-')}`;
    return reply.redirect(`${back.replace(/&?done=[a-z]*/, '')}&done=${done}${anchor}`, 303);
  });

  // The catalog (`ar.json`) and the review record (`ar.review.json`) as the repository keeps them.
  const repositoryFiles = [
    { url: 'catalog.json', suffix: '.json', file: catalogFileWith },
    { url: 'review.json', suffix: '.review.json', file: reviewFileWith },
  ];
  for (const { url, suffix, file } of repositoryFiles) {
    app.get(`${path}/${url}`, edit, async (req, reply) => {
      const loaded = await load(req, reply);
      if (!loaded) return reply;
      const overrides = await deps.overrides.list(loaded.locale);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${loaded.locale}${suffix}"`)
        .send(file(loaded.locale, overrides));
    });
  }

  app.get(`${path}/strings.xlf`, edit, async (req, reply) => {
    const loaded = await load(req, reply);
    if (!loaded) return reply;
    return reply
      .type('application/xliff+xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="outcry-${loaded.locale}.xlf"`)
      .send(await toXliff(loaded.locale, loaded.strings));
  });

  app.post(
    `${path}/import`,
    {
      config: { ...edit.config, uploads: csrfUploads(1) },
      bodyLimit: Math.ceil(deps.uploadMaxMb * 1024 * 1024) + 64 * 1024,
    },
    async (req, reply) => {
      const loaded = await load(req, reply);
      if (!loaded) return reply;
      const body = readForm(req, reply, deps, importForm);
      if (!body) return reply;
      const t = req.tr.t;
      const language = req.tr.languageName(loaded.locale);
      if (!body.file || body.file.truncated) {
        const error = body.file
          ? t('interfaceStrings.import.unreadable', { language })
          : t('interfaceStrings.import.noFile');
        return board(req, reply, loaded, { status: 422, importError: error });
      }
      const read = await fromXliff(loaded.locale, body.file.bytes.toString('utf8'));
      if (read.status !== 'ok')
        return board(req, reply, loaded, {
          status: 422,
          importError: t('interfaceStrings.import.unreadable', { language }),
        });
      const result = await importInterfaceStrings(deps, loaded.who, loaded.locale, read.units);
      if (result.status !== 'done')
        return sendError(req, reply, deps.site, result.status === 'forbidden' ? 403 : 404);
      if (result.lines.some((l) => l.result === 'stored')) deps.layer.invalidate();
      // The board as it now reads, with the report on top.
      const after = await load(req, reply);
      return after ? board(req, reply, after, { report: result.lines }) : reply;
    },
  );
}
