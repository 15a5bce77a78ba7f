// Saves how a campaign delivers and confirms: delivery mode (individual letters, a digest above the hourly
// cap, or petition only), confirmation mode, messages per hour to each target, office hours in the
// targets' own time zones (or any time), the digest interval, the start date and how the public petition
// shows names (first name and initial, or full). Changeable while live:
// the delivery loop reads them on every round, and the change is audited with before and after.

import { petitionNameModes } from '../petition/petition.js';
import {
  type CampaignFormResult,
  type ConfirmationMode,
  confirmationModes,
  type DeliveryMode,
  deliveryModes,
  isPublic,
} from './campaign.js';
import {
  type ActorRef,
  asciiDigits,
  type CampaignEditDeps,
  dayOf,
  parseDay,
  type SettingsValues,
  saveSetting,
} from './edit-campaign.js';

export type SettingsField =
  | 'deliveryMode'
  | 'confirmationMode'
  | 'hourlyCap'
  | 'officeHours'
  | 'days'
  | 'from'
  | 'to'
  | 'digestInterval'
  | 'startDate'
  | 'petitionNames';

export type SettingsError =
  | 'Invalid'
  | 'Required'
  | 'NotAWholeNumber'
  | 'OutOfRange'
  | 'TimeFormat'
  | 'EndNotAfterStart'
  | 'NoDays'
  | 'DateFormat'
  | 'AfterEnd';

export type SettingsErrors = Partial<Record<SettingsField, SettingsError>>;

export const settingsLimits = {
  /** 0 means no limit; above a few hundred an hour a target's server treats us as a flood anyway. */
  hourlyCap: { min: 0, max: 1_000 },
  digestInterval: { min: 5, max: 7 * 24 * 60 },
} as const;

export interface SettingsInput {
  slug: string;
  deliveryMode: string;
  confirmationMode: string;
  hourlyCap: string;
  /** 'any' (any time) or 'limited' (the days and hours below). */
  officeHours: string;
  /** ISO weekdays ticked, 1 = Monday … 7 = Sunday. */
  days: number[];
  from: string;
  to: string;
  digestInterval: string;
  startDate: string;
  /** 'short' or 'full'; absent or empty (a form from before the setting) keeps what the campaign has. */
  petitionNames?: string;
}

export type SettingsResult = CampaignFormResult<{ status: 'saved'; changed: boolean }, SettingsErrors>;

function wholeNumber(text: string, { min, max }: { min: number; max: number }) {
  const digits = asciiDigits(text).replace(/[\s,.\u066c\u00a0]/g, '');
  if (digits === '') return { ok: false as const, error: 'Required' as const };
  if (!/^\d+$/.test(digits)) return { ok: false as const, error: 'NotAWholeNumber' as const };
  const value = Number(digits);
  if (value < min || value > max) return { ok: false as const, error: 'OutOfRange' as const };
  return { ok: true as const, value };
}

/** "9", "9:00", "09.30", "٩:٠٠" → "09:00" / "09:30"; undefined for anything else. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(asciiDigits(text.trim()));
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const same = (a: SettingsValues, b: SettingsValues) => JSON.stringify(a) === JSON.stringify(b);

export async function editCampaignSettings(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: SettingsInput,
): Promise<SettingsResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };
  const errors: SettingsErrors = {};

  const deliveryMode = deliveryModes.find((m) => m === input.deliveryMode);
  if (!deliveryMode) errors.deliveryMode = 'Invalid';
  const confirmationMode = confirmationModes.find((m) => m === input.confirmationMode);
  if (!confirmationMode) errors.confirmationMode = 'Invalid';
  const cap = wholeNumber(input.hourlyCap, settingsLimits.hourlyCap);
  if (!cap.ok) errors.hourlyCap = cap.error;
  const interval = wholeNumber(input.digestInterval, settingsLimits.digestInterval);
  if (!interval.ok) errors.digestInterval = interval.error;
  const petitionNames =
    input.petitionNames === undefined || input.petitionNames === ''
      ? campaign.petitionNames
      : petitionNameModes.find((m) => m === input.petitionNames);
  if (!petitionNames) errors.petitionNames = 'Invalid';

  let officeHours: SettingsValues['officeHours'] = null;
  if (input.officeHours === 'limited') {
    const days = [...new Set(input.days)]
      .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
      .sort((a, b) => a - b);
    if (days.length === 0) errors.days = 'NoDays';
    const from = parseTime(input.from);
    const to = parseTime(input.to);
    if (!from) errors.from = input.from.trim() === '' ? 'Required' : 'TimeFormat';
    if (!to) errors.to = input.to.trim() === '' ? 'Required' : 'TimeFormat';
    else if (from && to <= from) errors.to = 'EndNotAfterStart';
    if (days.length > 0 && from && to && to > from) officeHours = { days, start: from, end: to };
  } else if (input.officeHours !== 'any') {
    errors.officeHours = 'Invalid';
  }

  let startsAt: number | null = null;
  if (input.startDate.trim() === '') {
    // A launched campaign has started; only a campaign not yet launched may leave it to launch day.
    if (isPublic(campaign)) errors.startDate = 'Required';
  } else {
    const day = parseDay(input.startDate);
    if (!day) errors.startDate = 'DateFormat';
    else {
      // The same day typed again keeps the stored instant (a launch stores the minute it happened).
      startsAt =
        campaign.startsAt !== null && dayOf(campaign.startsAt) === day
          ? campaign.startsAt
          : Date.parse(`${day}T00:00:00Z`);
      if (campaign.endsAt !== null && startsAt > campaign.endsAt) errors.startDate = 'AfterEnd';
    }
  }
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };

  const before: SettingsValues = {
    deliveryMode: campaign.deliveryMode,
    confirmationMode: campaign.confirmationMode,
    targetHourlyCap: campaign.targetHourlyCap,
    officeHours: campaign.officeHours,
    digestIntervalMinutes: campaign.digestIntervalMinutes,
    petitionNames: campaign.petitionNames,
    startsAt: campaign.startsAt,
  };
  const after: SettingsValues = {
    deliveryMode: deliveryMode as DeliveryMode,
    confirmationMode: confirmationMode as ConfirmationMode,
    targetHourlyCap: cap.ok ? cap.value : 0,
    officeHours,
    digestIntervalMinutes: interval.ok ? interval.value : 0,
    petitionNames: petitionNames ?? campaign.petitionNames,
    startsAt,
  };
  const change = { campaignId: campaign.id, before, after, actor, now: deps.clock.now() };
  return saveSetting((c) => deps.campaigns.saveSettings(c), change, same(before, after));
}
