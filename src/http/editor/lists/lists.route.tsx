// /editor/lists: the language lists (mailings:send), the suppressed addresses, the CSV import and its report
// download, and each list's CSV export (supporters:export, audited, streamed). The import is a multipart
// form read only after the editor gate and its CSRF token (security/multipart.ts), processed in the request
// and stored in one transaction (docs/decisions/0022-list-import.md) while the answer streams its progress
// (import-progress-page.tsx); a file it cannot read gets a translated 422 with the list and consent source kept.
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { exportList } from '../../../domain/list-admin/export-list.js';
import { importReportCsv } from '../../../domain/list-admin/import-report-csv.js';
import {
  consentSourceMax,
  type ImportReport,
  importSubscribers,
} from '../../../domain/list-admin/import-subscribers.js';
import type { ImportProgress, ListAdminStore } from '../../../domain/list-admin/list-admin.ports.js';
import type { ImportProblem } from '../../../domain/list-admin/subscriber-csv.js';
import { importLimits } from '../../../domain/list-admin/subscriber-csv.js';
import { viewLists, viewSuppressed } from '../../../domain/list-admin/view-lists.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { canonicalLocale, uiLocales } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { erasedEmailKey } from '../../../security/email-key.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { csrfUploads } from '../../security/multipart.js';
import { Notice } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { editorPage, sendEditorPage } from '../pages.js';
import { importProgressPage, importStep } from './import-progress-page.js';
import { openReport, sealReport } from './import-report-token.js';
import {
  importForm,
  parseCursor,
  reportBytes,
  reportForm,
  suppressedQuery,
  suppressedSearch,
} from './lists.schema.js';
import { type ImportFormState, ListsPage, Report } from './lists-page.js';
import { SuppressedAddressesPage } from './suppressed-page.js';

export interface ListsEditorDeps {
  site: SiteInfo;
  clock: Clock;
  /** APP_SECRET: the erasures' keyed hash, and the signature on a report's download field. */
  secret: string;
  lists: ListAdminStore;
  uploadMaxMb: number;
}

const send = { config: { permission: 'mailings:send' as const } };

const problemKeys: Record<ImportProblem['error'], StringKey> = {
  Empty: 'editor.lists.problem.Empty',
  TooLarge: 'editor.lists.problem.TooLarge',
  NotUtf8: 'editor.lists.problem.NotUtf8',
  NoEmailColumn: 'editor.lists.problem.NoEmailColumn',
  DuplicateColumn: 'editor.lists.problem.DuplicateColumn',
  Malformed: 'editor.lists.problem.Malformed',
  NoRows: 'editor.lists.problem.NoRows',
  TooManyRows: 'editor.lists.problem.TooManyRows',
};

function problemText(tr: Translator, problem: ImportProblem): string {
  return tr.t(problemKeys[problem.error], {
    size: 'maxMb' in problem ? problem.maxMb : 0,
    column: 'column' in problem ? problem.column : '',
    line: 'line' in problem ? problem.line : 0,
    rows: 'rows' in problem ? problem.rows : 0,
    max: importLimits.maxRows,
  });
}

export function listsEditorRoutes(app: FastifyInstance, deps: ListsEditorDeps): void {
  const siteLocales = uiLocales.map((l) => l.code);
  const actor = (req: FastifyRequest) => ({ id: req.account!.user.id, email: req.account!.user.email });

  async function showLists(
    req: FastifyRequest,
    reply: FastifyReply,
    form: ImportFormState,
    report?: ImportReport,
    status = 200,
  ) {
    const overview = await viewLists({ lists: deps.lists }, { siteLocales });
    const token = report
      ? sealReport(deps.secret, { userId: actor(req).id, now: deps.clock.now() }, report.rows)
      : '';
    return sendEditorPage(req, reply.code(status), deps.site, ListsPage, {
      overview,
      form,
      report: report ? { report, token } : undefined,
    });
  }

  // The import form offers the editor's own language first.
  app.get('/editor/lists', send, async (req, reply) =>
    showLists(req, reply, { locale: req.tr.locale, consentSource: '' }),
  );

  app.post(
    '/editor/lists/import',
    {
      config: { ...send.config, uploads: csrfUploads(1) },
      bodyLimit: Math.ceil(deps.uploadMaxMb * 1024 * 1024) + 64 * 1024,
    },
    async (req, reply) => {
      const parsed = readForm(req, reply, deps, importForm);
      if (!parsed) return reply;
      const { file, consentSource } = parsed;
      const locale = canonicalLocale(parsed.locale.trim());
      const form = { locale: locale ?? '', consentSource };
      const t = req.tr.t;
      if (!locale)
        return showLists(req, reply, { ...form, error: t('editor.lists.import.noList') }, undefined, 422);
      if (!file) {
        return showLists(
          req,
          reply,
          { ...form, field: 'file', error: t('editor.lists.import.noFile') },
          undefined,
          422,
        );
      }
      // Once the file is accepted the page streams: its head, then a line per step, then the report.
      let page: PassThrough | undefined;
      let parts: ReturnType<typeof importProgressPage> | undefined;
      let lastStep = { phase: '', at: 0 };
      const progress = async (step: ImportProgress) => {
        if (!page) {
          parts = importProgressPage({ ...editorPage(req, deps.site), locale });
          page = new PassThrough();
          void reply
            .code(200)
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(page);
          page.write(parts.head);
        }
        // A line when the step changes, ends, or every quarter second: enough to watch, little to send.
        const now = Date.now();
        if (step.phase !== lastStep.phase || step.done === step.total || now - lastStep.at >= 250) {
          lastStep = { phase: step.phase, at: now };
          page.write(importStep(req.tr, step));
        }
        // Lets the bytes go out (SQLite's driver answers without a turn of the event loop).
        await new Promise<void>((resolve) => setImmediate(resolve));
      };
      let result: Awaited<ReturnType<typeof importSubscribers>>;
      try {
        result = await importSubscribers(
          { lists: deps.lists, clock: deps.clock, erasedKey: (c) => erasedEmailKey(deps.secret, c) },
          {
            locale,
            consentSource,
            file: { bytes: file.bytes, truncated: file.truncated },
            maxMb: deps.uploadMaxMb,
            actor: actor(req),
            progress,
          },
        );
      } catch (error) {
        if (!page || !parts) throw error;
        // The one transaction rolled back: nothing of the file is stored, and the page says so.
        req.log.error({ err: error }, 'list import failed');
        page.end(
          `${parts.middle}${renderToString(<Notice kind="error">{t('editor.lists.import.failed')}</Notice>)}${parts.tail}`,
        );
        return reply;
      }
      if (result.status === 'invalid') {
        const error =
          result.error === 'Required'
            ? t('editor.lists.import.consentRequired')
            : t('editor.lists.import.consentTooLong', { max: consentSourceMax });
        return showLists(req, reply, { ...form, field: 'consentSource', error }, undefined, 422);
      }
      if (result.status === 'problem') {
        return showLists(
          req,
          reply,
          { ...form, field: 'file', error: problemText(req.tr, result.problem) },
          undefined,
          422,
        );
      }
      // Every accepted file streams; the form comes back empty, as the same file twice only reports "already".
      if (!page || !parts) return showLists(req, reply, { locale, consentSource: '' }, result.report);
      const token = sealReport(
        deps.secret,
        { userId: actor(req).id, now: deps.clock.now() },
        result.report.rows,
      );
      page.end(
        `${parts.middle}${renderToString(<Report p={{ tr: req.tr, csrf: editorPage(req, deps.site).csrf }} report={result.report} token={token} />)}${parts.tail}`,
      );
      return reply;
    },
  );

  app.post('/editor/lists/import/report.csv', { ...send, bodyLimit: reportBytes }, async (req, reply) => {
    const parsed = reportForm.safeParse(req.body ?? {});
    const rows =
      parsed.success &&
      openReport(deps.secret, { userId: actor(req).id, now: deps.clock.now() }, parsed.data.report);
    if (!rows) return sendError(req, reply, deps.site, 400);
    return download(reply, 'import-report.csv', 'text/csv; charset=utf-8').send(importReportCsv(rows));
  });

  async function showSuppressed(
    req: FastifyRequest,
    reply: FastifyReply,
    search: string,
    after: string | undefined,
  ) {
    const cursor = parseCursor(after);
    const page = await viewSuppressed({ lists: deps.lists }, { search, after: cursor });
    return sendEditorPage(req, reply, deps.site, SuppressedAddressesPage, {
      search: search.trim(),
      page,
      paged: cursor !== null,
    });
  }

  app.get('/editor/lists/suppressed', send, async (req, reply) => {
    const parsed = suppressedQuery.safeParse(req.query ?? {});
    if (!parsed.success) return sendError(req, reply, deps.site, 400);
    return showSuppressed(req, reply, '', parsed.data.after);
  });

  // A search is a POST: part of an address stays out of URLs, and so out of logs and history.
  app.post('/editor/lists/suppressed', send, async (req, reply) => {
    const parsed = readForm(req, reply, deps, suppressedSearch);
    if (!parsed) return reply;
    return showSuppressed(req, reply, parsed.q, parsed.after);
  });

  app.get(
    '/editor/lists/:locale/export.csv',
    { config: { permission: 'supporters:export' as const } },
    async (req, reply) => {
      const { locale: raw } = req.params as { locale: string };
      const locale = canonicalLocale(raw);
      if (!locale) return sendError(req, reply, deps.site, 404);
      const csv = await exportList({ lists: deps.lists, clock: deps.clock }, { locale, actor: actor(req) });
      return download(reply, `list-${locale}.csv`, 'text/csv; charset=utf-8').send(Readable.from(csv));
    },
  );
}
