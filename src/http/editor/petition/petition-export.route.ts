// GET /editor/campaigns/:slug/petition/export.csv: the signers as CSV (domain/petition/export-signers.ts),
// streamed batch by batch. The gate lets in whoever may read reports; the handler then allows editors and
// admins (supporters:export) and partner accounts attached to this campaign only. Filters: ?country=CL,
// ?language=ar, ?from=2026-11-01&to=2026-11-30 (whole UTC days, both included); ?partner=<id> encrypts the
// file to that partner organisation's age key (`.csv.age`, decision 0033). Every export is audited.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditRecorder } from '../../../domain/account/account.ports.js';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import type { PartnerAgeKeyStore } from '../../../domain/partner-report/partner-age-key.js';
import {
  type ExportColumn,
  type ExportFilter,
  exportColumns,
  mayExport,
  type PetitionExporter,
  signersCsv,
} from '../../../domain/petition/export-signers.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { isCountryCode } from '../../../domain/signature/countries.js';
import type { ExportStamp } from '../../../domain/signature-log/export-stamp.js';
import type { SignatureLogStore } from '../../../domain/signature-log/signature-log.ports.js';
import { ageEncrypted } from '../../../security/age-export.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';

export interface PetitionExportDeps {
  site: SiteInfo;
  campaigns: CampaignReader;
  exporter: PetitionExporter;
  scopes: AccountScopeReader;
  audit: AuditRecorder;
  clock: Clock;
  /** The latest tree head and its leaves, which stamp the file (decision 0031). */
  log: Pick<SignatureLogStore, 'latestHead' | 'leaves'>;
  /** Partners' age keys: an export made for a partner is encrypted to its key. */
  ageKeys: Pick<PartnerAgeKeyStore, 'ageKeys'>;
}

const day = /^\d{4}-\d{2}-\d{2}$/;
const exportQuery = z.object({
  country: z.string().max(10).optional(),
  language: z
    .string()
    .regex(/^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  source: z.string().max(100).optional(),
  /** Columns to include, comma-separated, in the order given (`columns=name,country`); all when absent. */
  columns: z.string().max(200).optional(),
  /** A partner organisation of the campaign that gave an age key: the file is encrypted to it. */
  partner: z.string().max(20).optional(),
});

/** The chosen columns, or undefined when one is unknown, repeated or none is left. */
function chosenColumns(text: string | undefined): ExportColumn[] | undefined {
  if (text === undefined || text === '') return [...exportColumns];
  const list = text.split(',').map((c) => c.trim());
  const known = new Set<string>(exportColumns);
  if (new Set(list).size !== list.length || !list.every((c) => known.has(c))) return undefined;
  return list as ExportColumn[];
}

/** Midnight UTC of a YYYY-MM-DD day, or undefined for a malformed or impossible date. */
function dayStart(text: string): number | undefined {
  if (!day.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? undefined : ms;
}

export function petitionExportRoutes(app: FastifyInstance, deps: PetitionExportDeps): void {
  app.get(
    '/editor/campaigns/:slug/petition/export.csv',
    { config: { permission: 'reports:read' } },
    async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const parsed = exportQuery.safeParse(req.query ?? {});
      if (!slugPattern.test(slug)) return sendError(req, reply, deps.site, 404);
      if (!parsed.success) return sendError(req, reply, deps.site, 400);
      const q = parsed.data;
      const country = q.country ? q.country.trim().toUpperCase() : null;
      const from = q.from ? dayStart(q.from) : null;
      const toDay = q.to ? dayStart(q.to) : null;
      const columns = chosenColumns(q.columns);
      if (
        (country && !isCountryCode(country)) ||
        from === undefined ||
        toDay === undefined ||
        columns === undefined
      ) {
        return sendError(req, reply, deps.site, 400);
      }
      const campaign = await deps.campaigns.findBySlug(slug);
      if (!campaign) return sendError(req, reply, deps.site, 404);
      const user = req.account!.user;
      const attached = user.role === 'partner' ? await deps.scopes.campaignsOf(user.id) : [];
      if (!mayExport(user.role, attached, campaign.id)) return sendError(req, reply, deps.site, 403);
      let partner: { name: string; recipient: string } | undefined;
      if (q.partner) {
        const found = (await deps.ageKeys.ageKeys(campaign.id)).find(
          (k) => String(k.partnerId) === q.partner && k.recipient !== null,
        );
        // Not this campaign's partner, or no key: nothing is exported unencrypted by mistake.
        if (!found?.recipient) return sendError(req, reply, deps.site, 400);
        partner = { name: found.name, recipient: found.recipient };
      }
      const filter: ExportFilter = {
        country,
        locale: q.language || null,
        from,
        to: toDay === null ? null : toDay + 86_400_000,
        source: q.source?.trim() || null,
      };
      await deps.audit.record({
        actor: { id: user.id, email: user.email },
        action: 'petition.exported',
        entityType: 'campaign',
        entityId: campaign.id,
        after: {
          country: filter.country,
          language: filter.locale,
          from: q.from ?? null,
          to: q.to ?? null,
          source: filter.source,
          columns,
          ...(partner ? { encryptedFor: partner.name } : {}),
        },
        now: deps.clock.now(),
      });
      const head = await deps.log.latestHead(campaign.id);
      const stamp: ExportStamp | undefined = head && {
        head,
        leaves: () => deps.log.leaves(campaign.id, head.size),
      };
      const rows = signersCsv(deps.exporter, campaign, filter, columns, stamp);
      if (partner) {
        return download(reply, `${campaign.slug}-signers.csv.age`, 'application/octet-stream').send(
          await ageEncrypted(rows, partner.recipient),
        );
      }
      return download(reply, `${campaign.slug}-signers.csv`, 'text/csv; charset=utf-8').send(
        Readable.from(rows),
      );
    },
  );
}
