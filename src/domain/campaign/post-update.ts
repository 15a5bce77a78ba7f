// Posts a dated update on the campaign page ("12 March: Erlan's appeal was rejected…"), in one of the
// campaign's languages. The page shows the updates written in its own language, newest first, or the
// source language's when it has none (updatesFor in campaign.ts). The rules for the three fields are
// here and shared with edit-update.ts.
import { normaliseText } from '../signature/text.js';
import type { CampaignFormResult } from './campaign.js';
import {
  type ActorRef,
  type CampaignEditDeps,
  dayOf,
  type EditableCampaign,
  parseDay,
  textLimits,
  type UpdateValues,
} from './edit-campaign.js';

export type UpdateField = 'day' | 'locale' | 'text';
export type UpdateError = 'DateFormat' | 'Future' | 'LocaleInvalid' | 'Required' | 'TooLong';
export type UpdateErrors = Partial<Record<UpdateField, UpdateError>>;

export interface UpdateInput {
  slug: string;
  day: string;
  locale: string;
  text: string;
}

export type UpdateResult = CampaignFormResult<{ status: 'saved'; id: number }, UpdateErrors>;

/** The update as it will be stored, or what is wrong with it. A day up to tomorrow (time zones) is fine. */
export function readUpdate(
  campaign: Pick<EditableCampaign, 'translations'>,
  input: Omit<UpdateInput, 'slug'>,
  now: number,
): { ok: true; values: UpdateValues } | { ok: false; errors: UpdateErrors } {
  const errors: UpdateErrors = {};
  const day = parseDay(input.day);
  if (!day) errors.day = input.day.trim() === '' ? 'Required' : 'DateFormat';
  else if (day > dayOf(now + 86_400_000)) errors.day = 'Future';
  if (!campaign.translations.some((t) => t.locale === input.locale)) errors.locale = 'LocaleInvalid';
  const text = normaliseText(input.text, { max: textLimits.update });
  if (!text.ok) errors.text = text.error;
  if (!day || !text.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { day, locale: input.locale, bodyMd: text.value } };
}

export async function postUpdate(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: UpdateInput,
): Promise<UpdateResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };
  const now = deps.clock.now();
  const read = readUpdate(campaign, input, now);
  if (!read.ok) return { status: 'invalid', errors: read.errors };
  const id = await deps.campaigns.addUpdate({ campaignId: campaign.id, values: read.values, actor, now });
  return { status: 'saved', id };
}
