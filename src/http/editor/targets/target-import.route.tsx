// The CSV import of targets: a file (multipart) or pasted text (urlencoded) is checked and the row-by-row
// report shown before anything is saved; its good rows come back in a signed field (target-import-token.ts)
// and are saved in one transaction. Both steps need campaigns:edit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import { checkTargetImport } from '../../../domain/campaign/check-target-import.js';
import { importTargets } from '../../../domain/campaign/import-targets.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendEditorPage } from '../pages.js';
import { actorOf, campaignOf, edit, editUpload } from '../roster-routes.js';
import type { TargetEditorDeps } from './deps.js';
import { problemText, TargetImportPage } from './target-import-page.js';
import { openImportRows, sealImportRows } from './target-import-token.js';
import { confirmForm, importBytes, importForm } from './targets.schema.js';

const importBody = { ...editUpload, bodyLimit: importBytes };
const confirmBody = { ...edit, bodyLimit: importBytes };

export function targetImportRoutes(app: FastifyInstance, deps: TargetEditorDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/targets`;
  const useCases = { targets: deps.targets, clock: deps.clock };

  function showImport(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: RosterCampaign,
    props: Partial<Pick<Parameters<typeof TargetImportPage>[0], 'error' | 'pasted' | 'report'>> = {},
    status = 200,
  ) {
    return sendEditorPage(req, reply.code(status), deps.site, TargetImportPage, { campaign, ...props });
  }

  app.get('/editor/campaigns/:slug/targets/import', edit, async (req, reply) => {
    const campaign = await campaignOf(req, reply, deps.site, deps.targets);
    if (campaign) return showImport(req, reply, campaign);
  });

  app.post('/editor/campaigns/:slug/targets/import', importBody, async (req, reply) => {
    const campaign = await campaignOf(req, reply, deps.site, deps.targets);
    if (!campaign) return;
    const form = readForm(req, reply, deps, importForm);
    if (!form) return reply;
    const { file, csv } = form;
    const pasted = file ? undefined : csv;
    if (!file && (pasted === undefined || pasted.trim() === '')) {
      return showImport(req, reply, campaign, { error: req.tr.t('targets.import.noInput') }, 422);
    }
    const result = await checkTargetImport(useCases, {
      slug: campaign.slug,
      csv: file ? { bytes: file.bytes, truncated: file.truncated } : { text: pasted! },
    });
    // Pasted text comes back in the box to be corrected there; a huge one is not echoed.
    const keep = pasted !== undefined && pasted.length <= 200_000 ? { pasted } : {};
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'problem') {
      return showImport(req, reply, campaign, { error: problemText(req.tr, result.problem), ...keep }, 422);
    }
    const token =
      result.report.good.length > 0
        ? sealImportRows(
            deps.secret,
            { campaignId: campaign.id, userId: req.account!.user.id, now: deps.clock.now() },
            result.report.good,
          )
        : '';
    return showImport(req, reply, campaign, { report: { report: result.report, token }, ...keep });
  });

  app.post('/editor/campaigns/:slug/targets/import/confirm', confirmBody, async (req, reply) => {
    const campaign = await campaignOf(req, reply, deps.site, deps.targets);
    if (!campaign) return;
    const form = confirmForm.safeParse(req.body ?? {});
    const rows =
      form.success &&
      openImportRows(
        deps.secret,
        { campaignId: campaign.id, userId: req.account!.user.id, now: deps.clock.now() },
        form.data.rows,
      );
    if (!rows) return showImport(req, reply, campaign, { error: req.tr.t('targets.import.expired') }, 422);
    const result = await importTargets(useCases, actorOf(req), { slug: campaign.slug, rows });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalid') {
      return showImport(req, reply, campaign, { error: req.tr.t('targets.import.expired') }, 422);
    }
    return reply.redirect(
      `${base(campaign.slug)}?done=imported&n=${result.imported}&m=${result.skipped}#targets-heading`,
      303,
    );
  });
}
