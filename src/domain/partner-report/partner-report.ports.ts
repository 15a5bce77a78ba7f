// Partner reports (docs/decisions/0032-partner-reports.md): what the editors' link page and the partner's
// report need from storage; db/partner-report.repository.ts implements it. Creating and revoking a link,
// and every use of one, write their audit entry in the same transaction.
import type { ActorRef } from '../account/account.js';
import type { RosterCampaign } from '../campaign/campaign-roster.ports.js';
import type { PetitionNames } from '../petition/petition.js';

export interface ReportLink {
  id: number;
  partnerId: number;
  partnerName: string;
  createdAt: number;
  /** The account that made it, or null when that account is gone. */
  createdBy: string | null;
  expiresAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  uses: number;
}

export interface ReportCounts {
  /** Counted signatures (confirmed, and repeats counted as their first would be). */
  total: number;
  /** Most first. */
  byCountry: { country: string; n: number }[];
  byLanguage: { locale: string; n: number }[];
}

/** What a valid link opens: the campaign and the partner it was made for. */
export interface OpenedReport {
  linkId: number;
  partnerName: string;
  expiresAt: number;
  campaign: {
    id: number;
    slug: string;
    status: string;
    headline: string | null;
    petitionNames: PetitionNames;
  };
}

/** What a use of a link was: the page, the CSV or the dossier (audited as viewed or downloaded). */
export type ReportUse = 'page' | 'csv' | 'dossier';

export interface PartnerReportStore {
  campaign(slug: string): Promise<RosterCampaign | undefined>;
  partners(campaignId: number): Promise<{ id: number; name: string }[]>;
  /** Every link of the campaign, newest first, revoked and expired ones too. */
  links(campaignId: number): Promise<ReportLink[]>;
  /** 'no_partner' when the partner is not one of this campaign's. */
  createLink(
    link: { campaignId: number; partnerId: number; tokenHash: string; expiresAt: number },
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number } | 'no_partner'>;
  /** False when the link is not the campaign's or was revoked already. */
  revokeLink(campaignId: number, linkId: number, actor: ActorRef, now: number): Promise<boolean>;
  /**
   * The report a live link opens (not revoked, not expired), counting and auditing this use in one
   * transaction; undefined for any other token.
   */
  openLink(tokenHash: string, use: ReportUse, now: number): Promise<OpenedReport | undefined>;
  counts(campaignId: number): Promise<ReportCounts>;
  /** How the campaign's petition shows names: the report shows them the same way. */
  petitionNames(campaignId: number): Promise<PetitionNames>;
}
