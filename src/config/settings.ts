// Settings that operators change while the site runs, stored in the database as JSON (the settings table)
// and read through a schema, like the environment in config.ts: a stored value that does not match is
// never used half-valid; its setting falls back to the default.
import { z } from 'zod';
import type { RateLimits } from '../security/rate-limiter.js';

export interface Setting<T> {
  /** The row's key in the settings table. */
  key: string;
  schema: z.ZodType<T>;
  /** In force while nothing (or nothing valid) is stored. */
  fallback: T;
}

const perHour = z.number().int().min(0);

/** Signatures per hour from one network and one email domain before they are held for confirmation. */
export const signingRateLimits = {
  key: 'signing.rate_limits',
  schema: z.object({ ipPerHour: perHour, domainPerHour: perHour }),
  fallback: { ipPerHour: 30, domainPerHour: 500 },
} satisfies Setting<RateLimits>;

const months = z.number().int().min(1).max(240);

/**
 * How long personal data lives (admins change it at /editor/settings/privacy; the privacy page shows the
 * same values): signers' personal fields after their campaign closes, entries of the audit log, and the
 * delivery logs (target addresses and server replies of sent letters and mailings).
 */
export const privacyRetention = {
  key: 'privacy.retention',
  // Delivery logs came later (issue 14): a value stored before them keeps its other limits.
  schema: z.object({ signerMonths: months, auditMonths: months, deliveryMonths: months.default(12) }),
  fallback: { signerMonths: 24, auditMonths: 24, deliveryMonths: 12 },
} satisfies Setting<{ signerMonths: number; auditMonths: number; deliveryMonths: number }>;

/**
 * How long a finished dossier (PDF or per-country ZIP of signers) is kept for download before the daily job
 * deletes it: it holds names, so no longer than a delivery needs.
 */
export const dossierRetention = {
  key: 'dossiers.retention',
  schema: z.object({ days: z.number().int().min(1).max(365) }),
  fallback: { days: 7 },
} satisfies Setting<{ days: number }>;
