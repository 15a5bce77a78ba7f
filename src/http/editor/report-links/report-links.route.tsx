// Partner reports (docs/decisions/0032-partner-reports.md). Editors make, list and revoke a campaign's
// report links (campaigns:edit); a partner opens its report by link without an account
// (`/{locale}/partner-report/<token>`, the token masked in logs), and downloads the signers as CSV from
// there; a partner account attached to the campaign sees the same report in the editor area.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import { openPartnerReport } from '../../../domain/partner-report/open-partner-report.js';
import type { PartnerAgeKeyStore } from '../../../domain/partner-report/partner-age-key.js';
import { offeredDossier } from '../../../domain/partner-report/partner-dossier.js';
import type { PartnerReportStore } from '../../../domain/partner-report/partner-report.ports.js';
import {
  createReportLink,
  type ReportLinkDays,
  revokeReportLink,
} from '../../../domain/partner-report/report-link.js';
import type { DossierStore } from '../../../domain/petition/dossier.js';
import { mayExport, type PetitionExporter, signersCsv } from '../../../domain/petition/export-signers.js';
import { type PetitionReader, petitionPageSize } from '../../../domain/petition/petition.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { isolate } from '../../../i18n/translator.js';
import { ageEncrypted } from '../../../security/age-export.js';
import { sendError } from '../../errors.js';
import { partnerDossierPath } from '../../public/partner-report/partner-dossier.route.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { EditorPage } from '../../views/editor/editor-layout.js';
import { Layout, type SiteInfo } from '../../views/layout.js';
import { doneNotice, editorPage, sendEditorPage } from '../pages.js';
import { actorOf, campaignOf, edit, idParam } from '../roster-routes.js';
import { PartnerReport, ReportLinksPage } from './report-links-page.js';

export interface ReportLinkDeps {
  site: SiteInfo;
  clock: Clock;
  reports: PartnerReportStore;
  petition: PetitionReader & PetitionExporter;
  scopes: AccountScopeReader;
  tokens: { create(): { token: string; hash: string }; hash(token: string): string };
  /** The dossier each report offers (partner-dossier.route.ts serves it under the link). */
  dossiers: Pick<DossierStore, 'listForCampaign'>;
  /** The partner's age key: its signer file is encrypted to it (decision 0033). */
  ageKeys: Pick<PartnerAgeKeyStore, 'ageKeyOfLink'>;
}

const createForm = z.object({
  partnerId: z.string().max(20),
  days: z.enum(['7', '30', '90']).optional().default('30'),
});

const noStore = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');

export function reportLinkRoutes(app: FastifyInstance, deps: ReportLinkDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/report-links`;
  const load = (req: FastifyRequest, reply: FastifyReply) => campaignOf(req, reply, deps.site, deps.reports);
  const useCases = { reports: deps.reports, tokens: deps.tokens, clock: deps.clock };

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: NonNullable<Awaited<ReturnType<typeof load>>>,
    extra: { created?: { url: string; partner: string }; partnerError?: boolean } = {},
    status = 200,
  ) {
    const [partners, links] = await Promise.all([
      deps.reports.partners(campaign.id),
      deps.reports.links(campaign.id),
    ]);
    const notice = doneNotice(req, { revoked: 'reportLinks.revoked' });
    return sendEditorPage(req, noStore(reply).code(status), deps.site, ReportLinksPage, {
      campaign,
      partners,
      links,
      now: deps.clock.now(),
      notice: notice ? req.tr.t(notice) : undefined,
      ...extra,
    });
  }

  app.get('/editor/campaigns/:slug/report-links', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (campaign) return show(req, reply, campaign);
  });

  app.post('/editor/campaigns/:slug/report-links', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return;
    const form = readForm(req, reply, deps, createForm);
    if (!form) return reply;
    const partnerId = /^[1-9][0-9]{0,14}$/.test(form.partnerId) ? Number(form.partnerId) : 0;
    const result = await createReportLink(useCases, actorOf(req), {
      slug: campaign.slug,
      partnerId,
      days: Number(form.days) as ReportLinkDays,
    });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'no_partner') return show(req, reply, campaign, { partnerError: true }, 422);
    const partner = (await deps.reports.partners(campaign.id)).find((x) => x.id === partnerId)?.name ?? '';
    // Shown in this answer only: a redirect would put the token in a URL, and it is never stored.
    const url = `${deps.site.baseUrl}/${campaign.sourceLocale}/partner-report/${result.token}`;
    return show(req, reply, campaign, { created: { url, partner } }, 201);
  });

  app.post('/editor/campaigns/:slug/report-links/:linkId/revoke', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return;
    if (!readForm(req, reply, deps, z.object({}))) return reply;
    const linkId = idParam(req, 'linkId');
    const done =
      linkId === undefined
        ? 'not_found'
        : await revokeReportLink(useCases, actorOf(req), { slug: campaign.slug, linkId });
    if (done === 'not_found') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`${base(campaign.slug)}?done=revoked`, 303);
  });

  /** The dossier on offer as a link: under the report link (one address), or the editors' file route. */
  const dossierLink = async (campaignId: number, href: string | ((id: number) => string)) => {
    const d = await offeredDossier({ dossiers: deps.dossiers, clock: deps.clock }, campaignId);
    return d && { href: typeof href === 'string' ? href : href(d.id), createdAt: d.createdAt };
  };

  const newest = (campaignId: number) =>
    deps.petition.page({ campaignId, country: null, after: null, limit: petitionPageSize });

  app.get('/:locale/partner-report/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const opened = await openPartnerReport(useCases, { token, use: 'page' });
    if (opened.status === 'gone') return reportGone(req, reply);
    const { report, counts } = opened;
    const ageKey = await deps.ageKeys.ageKeyOfLink(report.linkId);
    const tr = req.tr;
    const title = tr.t('partnerReport.title', { partner: isolate(report.partnerName) });
    return sendPage(
      noStore(reply),
      <Layout
        tr={tr}
        site={deps.site}
        title={title}
        path={`/partner-report/${token}`}
        head={<meta name="robots" content="noindex" />}
      >
        <section class="report">
          <h1>{title}</h1>
          <p class="lead" dir="auto">
            {report.campaign.headline ?? report.campaign.slug}
          </p>
          <p class="help">
            {tr.t('partnerReport.private', { partner: isolate(report.partnerName) })}{' '}
            {tr.t('partnerReport.expires', { date: tr.date(report.expiresAt) })}
          </p>
          {ageKey && (
            <p class="help">
              {tr.t('partnerReport.encrypted', {
                command: isolate(`age -d -i key.txt ${report.campaign.slug}-signers.csv.age`),
              })}
            </p>
          )}
          <PartnerReport
            tr={tr}
            counts={counts}
            newest={await newest(report.campaign.id)}
            petitionNames={report.campaign.petitionNames}
            csvHref={`/${tr.locale}/partner-report/${token}/signers.csv`}
            dossier={await dossierLink(report.campaign.id, partnerDossierPath(tr.locale, token))}
          />
        </section>
      </Layout>,
    );
  });

  app.get('/:locale/partner-report/:token/signers.csv', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const opened = await openPartnerReport(useCases, { token, use: 'csv' });
    if (opened.status === 'gone') return reportGone(req, reply);
    const campaign = opened.report.campaign;
    const rows = signersCsv(deps.petition, campaign, { country: null, locale: null, from: null, to: null });
    // A partner that gave an age key gets the file encrypted to it, whatever the link's address says.
    const ageKey = await deps.ageKeys.ageKeyOfLink(opened.report.linkId);
    if (ageKey) {
      return noStore(reply)
        .header('content-disposition', `attachment; filename="${campaign.slug}-signers.csv.age"`)
        .type('application/octet-stream')
        .send(await ageEncrypted(rows, ageKey));
    }
    return noStore(reply)
      .header('content-disposition', `attachment; filename="${campaign.slug}-signers.csv"`)
      .type('text/csv; charset=utf-8')
      .send(Readable.from(rows));
  });

  function reportGone(req: FastifyRequest, reply: FastifyReply) {
    const tr = req.tr;
    return sendPage(
      noStore(reply),
      <Layout
        tr={tr}
        site={deps.site}
        title={tr.t('partnerReport.gone.title')}
        head={<meta name="robots" content="noindex" />}
      >
        <section>
          <h1>{tr.t('partnerReport.gone.title')}</h1>
          <p>{tr.t('partnerReport.gone.body')}</p>
        </section>
      </Layout>,
      404,
    );
  }

  // A partner account attached to the campaign (and editors) see the same report in the editor area.
  app.get(
    '/editor/campaigns/:slug/report',
    { config: { permission: 'reports:read' } },
    async (req, reply) => {
      const campaign = await campaignOf(req, reply, deps.site, deps.reports);
      if (!campaign) return;
      const user = req.account!.user;
      const attached = user.role === 'partner' ? await deps.scopes.campaignsOf(user.id) : [];
      if (!mayExport(user.role, attached, campaign.id)) return sendError(req, reply, deps.site, 403);
      const [counts, rows, petitionNames] = await Promise.all([
        deps.reports.counts(campaign.id),
        newest(campaign.id),
        deps.reports.petitionNames(campaign.id),
      ]);
      const title = req.tr.t('partnerReport.editorTitle');
      return sendPage(
        noStore(reply),
        <EditorPage page={editorPage(req, deps.site)} title={title} section="campaigns" heading>
          <p class="lead" dir="auto">
            {campaign.headline ?? campaign.slug}
          </p>
          <PartnerReport
            tr={req.tr}
            counts={counts}
            newest={rows}
            petitionNames={petitionNames}
            csvHref={`/editor/campaigns/${campaign.slug}/petition/export.csv`}
            dossier={
              await dossierLink(campaign.id, (id) => `/editor/campaigns/${campaign.slug}/dossiers/${id}/file`)
            }
          />
        </EditorPage>,
      );
    },
  );
}
