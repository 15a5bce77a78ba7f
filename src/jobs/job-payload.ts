// A task's first step, written once: its job's payload read by the kind's schema (kinds.ts). A payload that
// does not parse is a bug, not a passing fault, so its job goes dead at once (PermanentJobError).
import type { z } from 'zod';
import { type JobKind, type JobPayload, jobPayloads } from './kinds.js';
import { PermanentJobError } from './worker.js';

export function payloadOf<K extends JobKind>(kind: K, payload: unknown): JobPayload<K> {
  const schema: z.ZodType = jobPayloads[kind];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`invalid ${kind} payload`);
  // Indexed by a generic kind the table only says "one of the schemas"; it is kind K's, so this is K's payload.
  return parsed.data as JobPayload<K>;
}
