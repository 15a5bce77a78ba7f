// XLIFF 2.0 exchange of one campaign's translation (decision 0037): GET downloads the source with the
// current draft, POST (multipart, the CSRF field first) reads an uploaded file and saves it as the draft
// through importTranslationFile, then shows the editor again with what happened to each field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type ImportResult,
  importTranslationFile,
} from '../../../domain/translation/import-translation-file.js';
import type { TranslationViewer, TranslationWork } from '../../../domain/translation/translation.js';
import type { TranslationDeps } from '../../../domain/translation/translation.ports.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { csrfUploads } from '../../security/multipart.js';
import { uploadField } from '../../uploads.js';
import type { SiteInfo } from '../../views/layout.js';
import { edit } from './step-answer.js';
import { readTranslationXliff, writeTranslationXliff, xliffFileName, xliffMaxBytes } from './xliff-file.js';
import type { XliffState } from './xliff-panel.js';

const uploadForm = z.object({ file: uploadField });
const upload = { config: { ...edit.config, uploads: csrfUploads(1) }, bodyLimit: xliffMaxBytes + 64 * 1024 };

export interface XliffRouteDeps {
  site: SiteInfo;
  useCases: TranslationDeps;
  load(
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ work: TranslationWork; who: TranslationViewer } | undefined>;
  show(
    req: FastifyRequest,
    reply: FastifyReply,
    work: TranslationWork,
    who: TranslationViewer,
    status: number,
    xliff: XliffState,
  ): Promise<unknown>;
}

export function xliffRoutes(app: FastifyInstance, deps: XliffRouteDeps): void {
  app.get('/editor/campaigns/:slug/translations/:language/xliff', edit, async (req, reply) => {
    const loaded = await deps.load(req, reply);
    if (!loaded) return reply;
    const xml = await writeTranslationXliff(loaded.work);
    return download(reply, xliffFileName(loaded.work), 'application/xliff+xml; charset=utf-8').send(
      `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`,
    );
  });

  app.post('/editor/campaigns/:slug/translations/:language/xliff', upload, async (req, reply) => {
    const loaded = await deps.load(req, reply);
    if (!loaded) return reply;
    const body = readForm(req, reply, deps, uploadForm);
    if (!body) return reply;
    const t = req.tr.t;
    const { work, who } = loaded;
    const refuse = (error: string, status = 422) => deps.show(req, reply, work, who, status, { error });
    if (!body.file) return refuse(t('translations.xliff.noFile'));
    const file = body.file.truncated ? undefined : await readTranslationXliff(body.file.bytes);
    if (!file) return refuse(t('translations.xliff.notXliff'));
    const result: ImportResult = await importTranslationFile(deps.useCases, who, work, file);
    switch (result.status) {
      case 'not_found':
        return sendError(req, reply, deps.site, 404);
      case 'forbidden':
        return sendError(req, reply, deps.site, 403);
      case 'stale':
        return refuse(t('translations.xliff.busy'), 409);
      case 'wrong_file':
        return refuse(t('translations.xliff.wrongFile', { problem: result.problem }));
      case 'nothing':
      case 'imported': {
        const now = (await deps.useCases.translations.work(work.slug, work.locale)) ?? work;
        return deps.show(req, reply, now, who, 200, {
          report: result.report,
          saved: result.status === 'imported',
        });
      }
    }
  });
}
