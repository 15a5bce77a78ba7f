// A campaign's life: which status it may move to, by which action, and the rules about its dates. The
// use cases (one per transition, beside this file) check these rules and ask the store to apply the change
// only if the campaign is still where they found it, so two editors clicking at once cannot both win.
//
//              submit                 launch                  close
//    draft ───────────────► in_review ───────────► live ────────────────► closed
//      ▲                        │                 │   ▲  ▲                   │
//      └──────── send back ─────┘          extend └───┘  └────── reopen ─────┘
//
//  launch   needs the source-language text published; starts_at = now unless set; ends_at = the date
//           given, else the one already set, else through the day three calendar months after launch
//           (end dates are whole days in UTC); never in the past
//  extend   a new end date later than the current one and in the future
//  close    closed_at = now, optional outcome (source language), the final dossier asked for; also the job at
//           the end date (no actor)
//  reopen   closed → live with an end date in the future; closed_at cleared
// Extending and reopening forget the reminder sent a week before the old end date, so the new one gets its own.
import type { Actor } from '../account/account.js';
import type { CampaignStatus } from './campaign.js';
import type { CampaignLifecycleStore } from './campaign.ports.js';
import type { FinalDossier } from './close-out.js';

export const lifecycleActions = ['submit', 'launch', 'send_back', 'extend', 'close', 'reopen'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

export const transitions: Readonly<
  Record<LifecycleAction, { from: CampaignStatus; to: CampaignStatus; audit: string }>
> = {
  submit: { from: 'draft', to: 'in_review', audit: 'campaign.submitted' },
  launch: { from: 'in_review', to: 'live', audit: 'campaign.launched' },
  send_back: { from: 'in_review', to: 'draft', audit: 'campaign.sent_back' },
  extend: { from: 'live', to: 'live', audit: 'campaign.extended' },
  close: { from: 'live', to: 'closed', audit: 'campaign.closed' },
  reopen: { from: 'closed', to: 'live', audit: 'campaign.reopened' },
};

/** The actions a campaign in this status allows, in the order the editor page offers them. */
export function actionsFrom(status: CampaignStatus): LifecycleAction[] {
  return lifecycleActions.filter((a) => transitions[a].from === status);
}

/** A campaign as its lifecycle sees it: the editor pages, the transitions and the end-date job. */
export interface LifecycleCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  /** The source-language headline, or null while no source text exists. */
  headline: string | null;
  hasPublishedSource: boolean;
  /** The source-language outcome, if any. */
  outcomeMd: string | null;
  startsAt: number | null;
  endsAt: number | null;
  closedAt: number | null;
  reminderSentAt: number | null;
  /** Counted (confirmed) supporters, all languages. */
  supporters: number;
}

/** What a transition writes; the store applies it only while status and end date are still as expected. */
export interface LifecycleChange {
  campaignId: number;
  action: LifecycleAction;
  from: CampaignStatus;
  to: CampaignStatus;
  /** The end date the decision was made on (null: none); a different one by now makes the change stale. */
  expectedEndsAt: number | null;
  startsAt?: number;
  endsAt?: number;
  closedAt?: number | null;
  /** Clear the "reminder sent" mark (a new end date gets its own reminder). */
  resetReminder?: boolean;
  /** Outcome text stored on the translation in `locale` (the source language). */
  outcome?: { locale: string; markdown: string };
  /** A close asks for the final dossier: its row and build job are written with the change. */
  finalDossier?: FinalDossier;
  /** Null for the system (the end-date job). */
  actor: Pick<Actor, 'id' | 'email'> | null;
  now: number;
}

export type DateProblem = 'format' | 'required' | 'past' | 'not_later';

export type LifecycleResult =
  | { status: 'ok' }
  | { status: 'not_found' }
  | { status: 'wrong_state'; current: CampaignStatus }
  | { status: 'invalid_date'; problem: DateProblem }
  | { status: 'no_source_text' }
  | { status: 'outcome_too_long'; max: number };

export interface LifecycleDeps {
  campaigns: CampaignLifecycleStore;
  clock: { now(): number };
}

export const defaultRunMonths = 3;
export const reminderLeadMs = 7 * 86_400_000;
export const outcomeMax = 20_000;

/**
 * `months` calendar months after `ms`, in UTC, same time of day; a day the target month lacks becomes its
 * last day (launched 30 November → ends 28 February, not 2 March).
 */
export function addCalendarMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** Arabic-Indic and Extended (Persian) digits, as an Arabic or Persian keyboard types them. */
const foreignDigits = /[\u0660-\u0669\u06f0-\u06f9]/g;
const asciiDigit = (d: string) => String((d.codePointAt(0)! - 0x0660) % 0x90);

/**
 * An end date typed as YYYY-MM-DD (ISO, what `<input type="date">` sends too): the campaign runs through
 * that whole day in UTC. Undefined for anything else, including dates that do not exist (2027-02-30).
 */
export function parseEndDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim().replace(foreignDigits, asciiDigit));
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || month < 1 || month > 12 || day < 1) return undefined;
  const end = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  return new Date(end).getUTCDate() === day ? end : undefined;
}

/** The last millisecond of the UTC day `ms` falls in: end dates are whole days. */
export function endOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999);
}

/** When a campaign launched at `now` ends unless told otherwise: through the day three months on. */
export const defaultEndDate = (now: number): number => endOfUtcDay(addCalendarMonths(now, defaultRunMonths));

/** Live and past its end date: the job closes it. */
export const hasEnded = (c: Pick<LifecycleCampaign, 'status' | 'endsAt'>, now: number): boolean =>
  c.status === 'live' && c.endsAt !== null && c.endsAt <= now;

/** Live, ending within a week, and nobody reminded yet for this end date. */
export const needsReminder = (
  c: Pick<LifecycleCampaign, 'status' | 'endsAt' | 'reminderSentAt'>,
  now: number,
): boolean =>
  c.status === 'live' &&
  c.reminderSentAt === null &&
  c.endsAt !== null &&
  c.endsAt > now &&
  c.endsAt - now <= reminderLeadMs;

/** An optional end date field: undefined when empty, else the instant or why it cannot be one. */
export function readEndDate(
  text: string | undefined,
  now: number,
): { ok: true; value: number | undefined } | { ok: false; problem: DateProblem } {
  if (text === undefined || text.trim() === '') return { ok: true, value: undefined };
  const value = parseEndDate(text);
  if (value === undefined) return { ok: false, problem: 'format' };
  if (value <= now) return { ok: false, problem: 'past' };
  return { ok: true, value };
}

/** The campaign if it is in the status `action` starts from, else the result that says why not. */
export async function findFor(
  deps: LifecycleDeps,
  slug: string,
  action: LifecycleAction,
): Promise<{ campaign: LifecycleCampaign } | { refused: LifecycleResult }> {
  const campaign = await deps.campaigns.find(slug);
  if (!campaign) return { refused: { status: 'not_found' } };
  if (campaign.status !== transitions[action].from) {
    return { refused: { status: 'wrong_state', current: campaign.status } };
  }
  return { campaign };
}

/** Applies a change; when another one got there first, says where the campaign is now. */
export async function applyChange(
  deps: LifecycleDeps,
  campaign: LifecycleCampaign,
  change: Omit<LifecycleChange, 'campaignId' | 'from' | 'to' | 'expectedEndsAt'>,
): Promise<LifecycleResult> {
  const { from, to } = transitions[change.action];
  const applied = await deps.campaigns.apply({
    ...change,
    campaignId: campaign.id,
    from,
    to,
    expectedEndsAt: campaign.endsAt,
  });
  if (applied) return { status: 'ok' };
  const now = await deps.campaigns.find(campaign.slug);
  return now ? { status: 'wrong_state', current: now.status } : { status: 'not_found' };
}

/**
 * The use case of a transition that needs nothing but the campaign in the status it starts from (submit,
 * send back): found as `findFor` finds it, then moved.
 */
export function undatedTransition(action: 'submit' | 'send_back') {
  return async (
    deps: LifecycleDeps,
    actor: Pick<Actor, 'id' | 'email'>,
    input: { slug: string },
  ): Promise<LifecycleResult> => {
    const found = await findFor(deps, input.slug, action);
    if ('refused' in found) return found.refused;
    return applyChange(deps, found.campaign, { action, actor, now: deps.clock.now() });
  };
}

/** What a transition that takes an end date writes, besides its action, actor and time. */
export type DatedChange = Pick<LifecycleChange, 'startsAt' | 'endsAt' | 'closedAt' | 'resetReminder'>;

/**
 * The use case of a transition that takes an end date (launch, extend, reopen): the date read first (a wrong
 * one is refused before anything is looked up), then the campaign as `findFor` finds it; `decide` refuses,
 * or says what the transition writes, from the campaign, the time now and the date given (if any).
 */
export function datedTransition(
  action: 'launch' | 'extend' | 'reopen',
  decide: (found: {
    campaign: LifecycleCampaign;
    now: number;
    endDate: number | undefined;
  }) => LifecycleResult | { change: DatedChange },
  { required = false } = {},
) {
  return async (
    deps: LifecycleDeps,
    actor: Pick<Actor, 'id' | 'email'>,
    input: { slug: string; endDate?: string | undefined },
  ): Promise<LifecycleResult> => {
    const now = deps.clock.now();
    const date = readEndDate(input.endDate, now);
    if (!date.ok) return { status: 'invalid_date', problem: date.problem };
    if (required && date.value === undefined) return { status: 'invalid_date', problem: 'required' };
    const found = await findFor(deps, input.slug, action);
    if ('refused' in found) return found.refused;
    const decided = decide({ campaign: found.campaign, now, endDate: date.value });
    if (!('change' in decided)) return decided;
    return applyChange(deps, found.campaign, { action, ...decided.change, actor, now });
  };
}
