// Row types of the interface strings' stored corrections (migration 0027-interface-overrides).
import type { Generated } from 'kysely';

/** A language's correction (or review) of one interface string, layered over the shipped catalog. */
export interface InterfaceOverridesTable {
  id: Generated<number>;
  locale: string;
  key: string;
  message: string | null;
  previous_message: string;
  source_hash: string;
  reviewed_at: number | null;
  updated_by: number | null;
  updated_at: number;
}

/** One row (id 1): bumped by every change, read by each web process to learn that the layer changed. */
export interface InterfaceOverrideVersionsTable {
  id: number;
  version: number;
}
