// Account scopes: a partner account reads the reports of the campaigns it is attached to and no others; a
// translator account sees the translation status of the languages it works in and no others. Admins and
// editors are not scoped: they see whatever their permissions allow. Admins change scopes (users:manage)
// through the use cases beside this file; the dashboard and the translation pages read them through
// `AccountScopeReader`. A scope is kept when the account's role changes, but only counts for that role.
import type { CampaignStatus } from '../campaign/campaign.js';
import { campaignLanguages } from '../campaign/create-campaign.js';
import type { LanguageGrant, LanguageStanding } from '../translation/language-standing.js';
import type { Actor, UserStatus } from './account.js';
import type { AuditRecorder } from './account.ports.js';
import type { Role } from './permissions.js';

/** Partners see only the campaigns they are attached to. */
export const limitedToCampaigns = (role: Role): boolean => role === 'partner';
/** Translators see only the languages they work in. */
export const limitedToLanguages = (role: Role): boolean => role === 'translator';

/** What the dashboard and the translation pages ask about the person signed in. */
export interface AccountScopeReader {
  /** Ids of the campaigns a partner account is attached to (any status), in no particular order. */
  campaignsOf(userId: number): Promise<number[]>;
  /** Language tags a translator account works in, sorted. */
  languagesOf(userId: number): Promise<string[]>;
}

export interface ScopeCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  /** Source-language headline; null while the campaign has none. */
  headline: string | null;
}

/** An account as the campaign page lists it under "partner accounts with access". */
export interface ScopeAccount {
  id: number;
  email: string;
  name: string;
  status: UserStatus;
}

/** The stores bound to one transaction: a change is checked, written and audited together. */
export interface AccountScopeUnit extends AccountScopeReader {
  /** The account, locked until the transaction ends where the database can (its role is checked). */
  account(userId: number): Promise<{ id: number; role: Role } | undefined>;
  campaign(campaignId: number): Promise<ScopeCampaign | undefined>;
  /** False when the account was attached already. */
  attach(userId: number, campaignId: number, by: number, now: number): Promise<boolean>;
  /** False when the account was not attached. */
  detach(userId: number, campaignId: number): Promise<boolean>;
  /** Replaces the account's languages with these (a language kept keeps its standing). */
  setLanguages(userId: number, locales: readonly string[], by: number, now: number): Promise<void>;
  /** The account's languages with its standing in each (decision 0039), sorted by tag. */
  grantsOf(userId: number): Promise<LanguageGrant[]>;
  /** False when the account does not have the language. */
  setStanding(userId: number, locale: string, standing: LanguageStanding): Promise<boolean>;
  /** Languages some campaign has a text in (source or translation). */
  contentLanguages(): Promise<string[]>;
  audit: AuditRecorder;
}

export interface AccountScopeStore extends AccountScopeReader {
  transaction<T>(work: (unit: AccountScopeUnit) => Promise<T>): Promise<T>;
  /** The campaigns a partner account is attached to, newest campaign first. */
  attachedCampaigns(userId: number): Promise<ScopeCampaign[]>;
  /** Every campaign an admin can attach a partner to, newest first. */
  campaignChoices(): Promise<ScopeCampaign[]>;
  /** Partner accounts attached to a campaign, by name (accounts of other roles are left out). */
  partnerAccounts(campaignId: number): Promise<ScopeAccount[]>;
  /** A translator account's languages with its standing in each, sorted by tag. */
  grantsOf(userId: number): Promise<LanguageGrant[]>;
  contentLanguages(): Promise<string[]>;
}

export interface AccountScopeDeps {
  scopes: AccountScopeStore;
  clock: { now(): number };
}

/**
 * The languages a translator can be given: those offered when a campaign starts, every language some
 * campaign already has a text in, and the ones the translator has now (so they can be taken away after the
 * campaign that had them is gone). Sorted by tag.
 */
export function translatorLanguageChoices(
  inUse: readonly string[],
  current: readonly string[] = [],
): string[] {
  return [...new Set([...campaignLanguages, ...inUse, ...current])].sort();
}

export type ScopeChangeRefused =
  | { status: 'not_found' }
  /** The account does not have the role this scope is for. */
  | { status: 'wrong_role'; role: Role };

/**
 * A scope change in one transaction: the account is read (and locked), refused unless it exists and has
 * the scope's role, then `work` checks, writes and audits the change.
 */
export function changeScope<R>(
  deps: AccountScopeDeps,
  userId: number,
  role: 'partner' | 'translator',
  work: (unit: AccountScopeUnit, account: { id: number }, now: number) => Promise<R>,
): Promise<R | ScopeChangeRefused> {
  const now = deps.clock.now();
  return deps.scopes.transaction(async (unit): Promise<R | ScopeChangeRefused> => {
    const account = await unit.account(userId);
    if (!account) return { status: 'not_found' };
    if (account.role !== role) return { status: 'wrong_role', role: account.role };
    return work(unit, account, now);
  });
}

/** The audit entry of a scope change, always about the account. */
export function scopeAudit(
  actor: Actor,
  action: 'user.campaign_attached' | 'user.campaign_detached' | 'user.languages_changed',
  userId: number,
  change: { before?: unknown; after?: unknown },
  now: number,
) {
  return { actor, action, entityType: 'user', entityId: userId, ...change, now };
}
