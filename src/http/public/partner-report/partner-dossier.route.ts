// A partner's report link offers the campaign's printable dossier too (decisions 0032 and 0035):
// GET /{locale}/partner-report/<token>/dossier.pdf answers the newest finished whole-petition PDF (the final
// dossier once the campaign is closed), with no account. Every download is a use of the link, counted and
// audited; an expired or revoked link, or a campaign with no dossier kept, is a 404 that says nothing more.
// A partner that gave an age key gets the file encrypted to it, like its CSV (decision 0033).
import type { FastifyInstance } from 'fastify';
import type { PartnerAgeKeyStore } from '../../../domain/partner-report/partner-age-key.js';
import { downloadPartnerDossier } from '../../../domain/partner-report/partner-dossier.js';
import type { PartnerReportStore } from '../../../domain/partner-report/partner-report.ports.js';
import type { DossierStore } from '../../../domain/petition/dossier.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { ageEncryptedBytes } from '../../../security/age-export.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';

export interface PartnerDossierDeps {
  site: SiteInfo;
  clock: Clock;
  reports: Pick<PartnerReportStore, 'openLink' | 'counts'>;
  dossiers: Pick<DossierStore, 'listForCampaign' | 'file'>;
  tokens: { hash(token: string): string };
  ageKeys: Pick<PartnerAgeKeyStore, 'ageKeyOfLink'>;
}

/** The address of the dossier download under a report link. */
export const partnerDossierPath = (locale: string, token: string) =>
  `/${locale}/partner-report/${token}/dossier.pdf`;

export function partnerDossierRoutes(app: FastifyInstance, deps: PartnerDossierDeps): void {
  app.get('/:locale/partner-report/:token/dossier.pdf', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const result = await downloadPartnerDossier(deps, { token });
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (result.status !== 'ok') return sendError(req, reply, deps.site, 404);
    const { file, dossier, slug, linkId } = result;
    const ageKey = await deps.ageKeys.ageKeyOfLink(linkId);
    if (ageKey) {
      const sealed = await ageEncryptedBytes(file, ageKey);
      return reply
        .header('content-disposition', `attachment; filename="${slug}-dossier-${dossier.id}.pdf.age"`)
        .type('application/octet-stream')
        .send(Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength));
    }
    return reply
      .header('content-disposition', `attachment; filename="${slug}-dossier-${dossier.id}.pdf"`)
      .type('application/pdf')
      .send(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  });
}
