// /editor/campaigns/:slug/dossiers: printable dossiers of the petition's signers for hand delivery
// (domain/petition/request-dossier.ts, build-dossier.ts). GET shows the form and the campaign's dossiers with
// their progress (the page reloads itself while one is being made); POST asks for one (the worker makes
// it); GET …/:id/file downloads it. Who: as for the CSV export, editors and admins, and partner accounts
// attached to the campaign. Asking and downloading are audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditRecorder } from '../../../domain/account/account.ports.js';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import { type CampaignWithContent, chooseTexts, slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import type { PartnerAgeKeyStore } from '../../../domain/partner-report/partner-age-key.js';
import { type DossierRenderer, type DossierStore, dossierKinds } from '../../../domain/petition/dossier.js';
import { mayExport } from '../../../domain/petition/export-signers.js';
import type { PetitionReader } from '../../../domain/petition/petition.js';
import { requestDossier } from '../../../domain/petition/request-dossier.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { ageEncryptedBytes } from '../../../security/age-export.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { DossierPage } from './dossier-page.js';

export interface DossierDeps {
  site: SiteInfo;
  campaigns: CampaignReader;
  petition: Pick<PetitionReader, 'countries'>;
  dossiers: DossierStore;
  renderer: Pick<DossierRenderer, 'available'>;
  retentionDays: () => Promise<number>;
  scopes: AccountScopeReader;
  audit: AuditRecorder;
  clock: Clock;
  /** Partners' age keys: a dossier downloaded for a partner is encrypted to its key (decision 0033). */
  ageKeys: Pick<PartnerAgeKeyStore, 'ageKeys'>;
}

const gate = { config: { permission: 'reports:read' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;
const code = z.string().max(3);
const dossierForm = z.object({
  kind: z.enum(dossierKinds),
  locale: z.string().max(20),
  country: z.union([code, z.array(code).max(300)]).optional(),
});
const pageQuery = z.object({ queued: z.literal('1').optional() });
const fileQuery = z.object({ partner: z.string().max(20).optional() });

export function dossierRoutes(app: FastifyInstance, deps: DossierDeps): void {
  /** The campaign when the account may export its signers; otherwise the error page is sent. */
  const allowed = async (req: FastifyRequest, reply: FastifyReply): Promise<CampaignWithContent | null> => {
    const { slug } = req.params as { slug: string };
    const campaign = slugPattern.test(slug) ? await deps.campaigns.findBySlug(slug) : undefined;
    const user = req.account!.user;
    const attached = user.role === 'partner' ? await deps.scopes.campaignsOf(user.id) : [];
    if (campaign && mayExport(user.role, attached, campaign.id)) return campaign;
    sendError(req, reply, deps.site, campaign ? 403 : 404);
    return null;
  };

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: CampaignWithContent,
    extra: { error?: 'locale' | 'countries'; queued?: boolean; status?: number },
  ) => {
    const [dossiers, countries, keys] = await Promise.all([
      deps.dossiers.listForCampaign(campaign.id, 20),
      deps.petition.countries(campaign.id),
      deps.ageKeys.ageKeys(campaign.id),
    ]);
    const busy = dossiers.some((d) => d.status === 'queued' || d.status === 'running');
    reply.header('cache-control', 'no-store');
    // Progress without JavaScript: the browser reloads the page every few seconds while one is being made.
    if (busy) reply.header('refresh', '3');
    return sendEditorPage(req, reply.code(extra.status ?? 200), deps.site, DossierPage, {
      campaign,
      headline: chooseTexts(campaign, req.tr.locale)?.texts.headline ?? campaign.slug,
      dossiers,
      countries,
      rendererReady: deps.renderer.available(),
      error: extra.error,
      queued: extra.queued ?? false,
      keyedPartners: keys.filter((k) => k.recipient).map((k) => ({ id: k.partnerId, name: k.name })),
    });
  };

  app.get('/editor/campaigns/:slug/dossiers', gate, async (req, reply) => {
    const query = pageQuery.safeParse(req.query ?? {});
    if (!query.success) return sendError(req, reply, deps.site, 400);
    const campaign = await allowed(req, reply);
    if (!campaign) return reply;
    return show(req, reply, campaign, { queued: query.data.queued === '1' });
  });

  app.post('/editor/campaigns/:slug/dossiers', gate, async (req, reply) => {
    const campaign = await allowed(req, reply);
    if (!campaign) return reply;
    const form = dossierForm.safeParse(req.body ?? {});
    if (!form.success) return show(req, reply, campaign, { error: 'locale', status: 422 });
    const { kind, locale, country } = form.data;
    const countries = (Array.isArray(country) ? country : country ? [country] : []).map((c) =>
      c.trim().toUpperCase(),
    );
    const user = req.account!.user;
    const result = await requestDossier(
      { dossiers: deps.dossiers, clock: deps.clock, retentionDays: deps.retentionDays },
      { campaign, kind, locale, countries, actorId: user.id },
    );
    if (result.status === 'invalid') return show(req, reply, campaign, { error: result.field, status: 422 });
    await deps.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'petition.dossier_requested',
      entityType: 'campaign',
      entityId: campaign.id,
      after: { dossierId: result.id, kind, locale, countries },
      now: deps.clock.now(),
    });
    return reply.redirect(`/editor/campaigns/${campaign.slug}/dossiers?queued=1`, 303);
  });

  app.get('/editor/campaigns/:slug/dossiers/:dossierId/file', gate, async (req, reply) => {
    const { dossierId: id } = req.params as { dossierId: string };
    if (!idPattern.test(id)) return sendError(req, reply, deps.site, 404);
    const query = fileQuery.safeParse(req.query ?? {});
    if (!query.success) return sendError(req, reply, deps.site, 400);
    const campaign = await allowed(req, reply);
    if (!campaign) return reply;
    let partner: { name: string; recipient: string } | undefined;
    if (query.data.partner) {
      const found = (await deps.ageKeys.ageKeys(campaign.id)).find(
        (k) => String(k.partnerId) === query.data.partner,
      );
      // A partner without a key (or not this campaign's): nothing leaves in clear by mistake.
      if (!found?.recipient) return sendError(req, reply, deps.site, 400);
      partner = { name: found.name, recipient: found.recipient };
    }
    const dossier = await deps.dossiers.find(Number(id));
    const file = dossier?.campaignId === campaign.id ? await deps.dossiers.file(dossier.id) : undefined;
    if (!dossier || !file) return sendError(req, reply, deps.site, 404);
    const user = req.account!.user;
    await deps.audit.record({
      actor: { id: user.id, email: user.email },
      action: 'petition.dossier_downloaded',
      entityType: 'campaign',
      entityId: campaign.id,
      after: { dossierId: dossier.id, ...(partner ? { encryptedFor: partner.name } : {}) },
      now: deps.clock.now(),
    });
    if (partner) {
      return download(
        reply,
        `${campaign.slug}-dossier-${dossier.id}.${dossier.kind}.age`,
        'application/octet-stream',
      ).send(Buffer.from(await ageEncryptedBytes(file, partner.recipient)));
    }
    return download(
      reply,
      `${campaign.slug}-dossier-${dossier.id}.${dossier.kind}`,
      dossier.kind === 'zip' ? 'application/zip' : 'application/pdf',
    ).send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });
}
