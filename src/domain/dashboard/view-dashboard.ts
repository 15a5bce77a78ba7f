// The editor dashboard: what each signed-in person sees on landing, assembled from cheap reads. What a
// role sees follows its permissions: figures for those who may read reports (partners see only these),
// delivery and "needs a human" for those who edit campaigns, translation status for those who translate.
//
// What counts: confirmed signatures only (confirmed by email, or at once where the campaign does not ask).
// "Today", "this week" and the chart count the signatures made in that UTC day or week (weeks start on
// Monday) that are confirmed by now; pending and held ones are shown apart and never counted.
//
// Scopes (account-scopes.ts): a partner sees the figures of the campaigns it is attached to only, a
// translator the translation status of its languages only (the source text's status stays: it is what
// they translate from). Without a scope reader or a viewer id, scoped roles see none of it (fail closed).
import {
  type AccountScopeReader,
  limitedToCampaigns,
  limitedToLanguages,
} from '../account/account-scopes.js';
import { can, type Role } from '../account/permissions.js';
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';
import { reminderLeadMs } from '../campaign/lifecycle.js';
import type { Clock } from '../shared/clock.js';
import { chartDayStarts, dayIndex, startOfDay, startOfWeek } from './calendar.js';
import type {
  BouncedTarget,
  DashboardCampaign,
  DashboardReader,
  DeliveryHealth,
  RequestsWaiting,
} from './dashboard.ports.js';

export interface DashboardDeps {
  reader: DashboardReader;
  clock: Clock;
  requests?: RequestsWaiting | undefined;
  /** What partners and translators are limited to; without it they see nothing of the scoped parts. */
  scopes?: AccountScopeReader | undefined;
}

/** Who is looking: the role decides the parts, the account's scope what partners and translators see. */
export interface DashboardViewer {
  role: Role;
  id?: number | undefined;
}

export interface CampaignFigures {
  slug: string;
  headline: string | null;
  goal: number | null;
  today: number;
  week: number;
  total: number;
  /** Not counted: waiting for the signer to confirm by email. */
  pending: number;
  /** Not counted: held as suspicious until reviewed or confirmed. */
  held: number;
  /** Counted signatures per chart day, oldest first (same order as Dashboard.days). */
  days: number[];
  /** Counted signatures per language, largest first; languages with none are left out. */
  languages: { locale: string; n: number }[];
}

export type TranslationCell = {
  locale: string;
  status: TranslationStatus;
  /** The source text changed after this translation was made. */
  outdated: boolean;
};

export interface CampaignTranslations {
  slug: string;
  headline: string | null;
  status: CampaignStatus;
  sourceLocale: string;
  /** The source text's own status, then every translation by language code. */
  source: TranslationStatus | null;
  languages: TranslationCell[];
}

export interface NeedsAHuman {
  held: { slug: string; headline: string | null; n: number }[];
  bounced: BouncedTarget[];
  endingSoon: { slug: string; headline: string | null; endsAt: number; reminderSentAt: number | null }[];
  /** Messages whose outcome is unknown: an editor decides whether to resend. */
  unknown: number;
  openAlerts: number;
  /** Left out when the campaign request feature is not wired, or the role may not review requests. */
  requestsWaiting?: number;
}

export interface Dashboard {
  now: number;
  /** Start of today and of this week (UTC). */
  todayStart: number;
  weekStart: number;
  /** Start of each chart day, oldest first. */
  days: number[];
  /** Live campaigns with their figures, for roles that may read reports. */
  figures?: CampaignFigures[];
  delivery?: DeliveryHealth;
  translations?: CampaignTranslations[];
  needs?: NeedsAHuman;
  /**
   * Set for scoped roles: how many campaigns a partner is attached to (any status; only live ones have
   * figures), and the languages a translator works in.
   */
  scope?: { campaigns?: number; languages?: string[] };
}

/** Which parts of the dashboard a role sees. */
export function dashboardSections(role: Role) {
  return {
    figures: can(role, 'reports:read'),
    delivery: can(role, 'campaigns:edit'),
    translations: can(role, 'translations:edit'),
    needs: can(role, 'campaigns:edit'),
    requests: can(role, 'requests:review'),
  };
}

/** Outdated when the source moved past the revision the translation was made from (0: made from the first). */
export function isOutdated(translationSourceRevision: number, sourceRevision: number): boolean {
  return Math.max(translationSourceRevision, 1) < sourceRevision;
}

function figuresOf(
  campaigns: DashboardCampaign[],
  counts: Awaited<ReturnType<DashboardReader['countsByLanguage']>>,
  byDay: Awaited<ReturnType<DashboardReader['countedByDay']>>,
  days: number[],
  todayStart: number,
  weekStart: number,
): CampaignFigures[] {
  const firstDay = dayIndex(days[0]!);
  const today = dayIndex(todayStart);
  const week = dayIndex(weekStart);
  return campaigns.map((c) => {
    const perDay = new Array<number>(days.length).fill(0);
    let weekTotal = 0;
    for (const d of byDay) {
      if (d.campaignId !== c.id) continue;
      if (d.day >= firstDay && d.day <= today) perDay[d.day - firstDay]! += d.n;
      if (d.day >= week && d.day <= today) weekTotal += d.n;
    }
    const mine = counts.filter((r) => r.campaignId === c.id);
    const sum = (status: string) => mine.filter((r) => r.status === status).reduce((a, r) => a + r.n, 0);
    const languages = new Map<string, number>();
    for (const r of mine) {
      if (r.status === 'confirmed' && r.n > 0) languages.set(r.locale, (languages.get(r.locale) ?? 0) + r.n);
    }
    return {
      slug: c.slug,
      headline: c.headline,
      goal: c.goal,
      today: perDay[perDay.length - 1]!,
      week: weekTotal,
      total: sum('confirmed'),
      pending: sum('pending'),
      held: sum('held'),
      days: perDay,
      languages: [...languages]
        .map(([locale, n]) => ({ locale, n }))
        .sort((a, b) => b.n - a.n || a.locale.localeCompare(b.locale)),
    };
  });
}

function translationsOf(
  campaigns: DashboardCampaign[],
  states: Awaited<ReturnType<DashboardReader['translations']>>,
  /** Only these translations (a translator's languages); every one when undefined. */
  languages?: ReadonlySet<string>,
): CampaignTranslations[] {
  return campaigns.map((c) => {
    const mine = states.filter(
      (s) => s.campaignId === c.id && (!languages || s.locale === c.sourceLocale || languages.has(s.locale)),
    );
    const source = mine.find((s) => s.locale === c.sourceLocale);
    return {
      slug: c.slug,
      headline: c.headline,
      status: c.status,
      sourceLocale: c.sourceLocale,
      source: source?.status ?? null,
      languages: mine
        .filter((s) => s.locale !== c.sourceLocale)
        .sort((a, b) => a.locale.localeCompare(b.locale))
        .map((s) => ({
          locale: s.locale,
          status: s.status,
          outdated: source !== undefined && isOutdated(s.sourceRevision, source.revision),
        })),
    };
  });
}

/** The campaign ids a partner may see, or undefined when the role is not limited to campaigns. */
async function attachedCampaigns(deps: DashboardDeps, viewer: DashboardViewer) {
  if (!limitedToCampaigns(viewer.role)) return undefined;
  if (!deps.scopes || viewer.id === undefined) return new Set<number>();
  return new Set(await deps.scopes.campaignsOf(viewer.id));
}

async function workingLanguages(deps: DashboardDeps, viewer: DashboardViewer) {
  if (!limitedToLanguages(viewer.role)) return undefined;
  if (!deps.scopes || viewer.id === undefined) return [];
  return deps.scopes.languagesOf(viewer.id);
}

export async function viewDashboard(deps: DashboardDeps, viewer: DashboardViewer): Promise<Dashboard> {
  const now = deps.clock.now();
  const show = dashboardSections(viewer.role);
  const days = chartDayStarts(now);
  const todayStart = startOfDay(now);
  const weekStart = startOfWeek(now);
  const view: Dashboard = { now, todayStart, weekStart, days };
  const attached = await attachedCampaigns(deps, viewer);
  const languages = show.translations ? await workingLanguages(deps, viewer) : undefined;
  if (attached) view.scope = { campaigns: attached.size };
  if (languages) view.scope = { ...view.scope, languages };

  const wantsCampaigns =
    (show.figures || show.needs || show.translations) && (!attached || attached.size > 0);
  const all = (wantsCampaigns ? await deps.reader.campaigns(['draft', 'in_review', 'live']) : []).filter(
    (c) => !attached || attached.has(c.id),
  );
  const live = all.filter((c) => c.status === 'live');

  const counts = show.figures || show.needs ? await deps.reader.countsByLanguage(live.map((c) => c.id)) : [];
  if (show.figures) {
    const byDay = live.length > 0 ? await deps.reader.countedByDay(days[0]!) : [];
    view.figures = figuresOf(live, counts, byDay, days, todayStart, weekStart);
  }
  if (show.translations) {
    // A translator with no languages yet has nothing to look at; the page says why.
    const shown = languages?.length === 0 ? [] : all;
    view.translations = translationsOf(
      shown,
      await deps.reader.translations(shown.map((c) => c.id)),
      languages && new Set(languages),
    );
  }
  if (show.delivery || show.needs) {
    const health = await deps.reader.deliveryHealth();
    if (show.delivery) view.delivery = health;
    if (show.needs) {
      const held = live
        .map((c) => ({
          slug: c.slug,
          headline: c.headline,
          n: counts.filter((r) => r.campaignId === c.id && r.status === 'held').reduce((a, r) => a + r.n, 0),
        }))
        .filter((h) => h.n > 0);
      const endingSoon = live
        .filter((c) => c.endsAt !== null && c.endsAt > now && c.endsAt - now <= reminderLeadMs)
        .sort((a, b) => a.endsAt! - b.endsAt!)
        .map((c) => ({
          slug: c.slug,
          headline: c.headline,
          endsAt: c.endsAt!,
          reminderSentAt: c.reminderSentAt,
        }));
      view.needs = {
        held,
        bounced: health.bouncedTargets,
        endingSoon,
        unknown: health.unknown,
        openAlerts: health.openAlerts,
      };
    }
  }
  if (show.requests && deps.requests) {
    const waiting = await deps.requests.waiting();
    view.needs = {
      held: [],
      bounced: [],
      endingSoon: [],
      unknown: 0,
      openAlerts: 0,
      ...view.needs,
      requestsWaiting: waiting,
    };
  }
  return view;
}
