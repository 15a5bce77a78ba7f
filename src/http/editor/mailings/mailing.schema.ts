// The mailing forms as they arrive (form bodies, or the size endpoint's query string): strings, and lists
// for the multi-choice fields (a single choice arrives as a string). Lengths only stop absurd bodies; the
// real rules, with translated errors, are domain/mailing/mailing-input.ts.
import { z } from 'zod';
import type { MailingForm } from '../../../domain/mailing/mailing-input.js';
import { field } from '../../schema-fields.js';

const list = z
  .union([z.string().max(20), z.array(z.string().max(20)).max(300)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));

export const segmentSchema = z.object({
  locales: list,
  countries: list,
  signedCampaignId: field(20),
  notSignedCampaignId: field(20),
  minCampaignsLastYear: field(10),
  subscribedSince: field(20),
  partnerId: field(20),
});

export const mailingSchema = segmentSchema.extend({
  kind: field(20),
  campaignId: field(20),
  sourceLocale: field(20),
  subject: field(1_000),
  preheader: field(1_000),
  bodyMd: field(40_000),
  /** Which button: save, or count the segment's size (the no-JavaScript count). */
  intent: z.enum(['save', 'count']).optional().default('save'),
}) satisfies z.ZodType<MailingForm & { intent: 'save' | 'count' }>;

export const testSchema = z.object({ locale: field(20) });
/** `datetime-local` in UTC: YYYY-MM-DDTHH:MM. */
export const scheduleSchema = z.object({ at: field(30) });
export const sendSchema = z.object({ confirm: field(10) });

/** Epoch ms of a `datetime-local` value read as UTC, or undefined when it is not a real time. */
export function utcTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(ms).toISOString().slice(0, 16) === value ? ms : undefined;
}
