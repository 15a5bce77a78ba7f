// Row types for campaigns and what hangs off them. Row types never leave db/; repositories map them.
import type { Generated } from 'kysely';

export interface CampaignsTable {
  id: Generated<number>;
  slug: string;
  status: string;
  source_locale: string;
  confirmation_mode: Generated<string>;
  delivery_mode: Generated<string>;
  goal: number | null;
  more_info_url: string | null;
  photo_path: string | null;
  starts_at: number | null;
  ends_at: number | null;
  closed_at: number | null;
  /** When admins and editors were told it ends within a week; cleared when the end date moves. */
  reminder_sent_at: number | null;
  /** Messages per hour to each target address unless the target sets its own. */
  target_hourly_cap: Generated<number>;
  /** JSON OfficeHours, evaluated in each target's time zone; null means any time. */
  office_hours: string | null;
  digest_interval_minutes: Generated<number>;
  /** The follow-up campaign a closed one points to ("This campaign continues: …"). */
  superseded_by: number | null;
  /** How the petition shows names: 'short' (first name and initial) or 'full' (0010-petition). */
  petition_names: Generated<string>;
  created_at: number;
  updated_at: number;
}

export interface CampaignTranslationsTable {
  id: Generated<number>;
  campaign_id: number;
  locale: string;
  status: string;
  headline: string;
  background_md: string;
  default_message: string;
  target_subject: string;
  /** The line letters to targets open with ("Dear Minister,"); empty for none. */
  target_salutation: Generated<string>;
  /** The campaign photo described for people who cannot see it; empty when there is no photo. */
  photo_alt: Generated<string>;
  outcome_md: string | null;
  /** The source translation's revision this one was made from ("source changed" flags). */
  source_revision: Generated<number>;
  revision: Generated<number>;
  /** JSON of the source's translatable texts at `source_revision` (the "source changed" diff); null before 0012. */
  source_snapshot: string | null;
  /** Why a reviewer sent the translation back; cleared when it is submitted again. */
  review_note: string | null;
  updated_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface PartnersTable {
  id: Generated<number>;
  campaign_id: number;
  name: string;
  url: string | null;
  logo_path: string | null;
  description: string | null;
  position: Generated<number>;
  /** The partner's age public key (`age1…`): signer files made for it are encrypted to it (migration 0022). */
  age_recipient: Generated<string | null>;
}

export interface TargetsTable {
  id: Generated<number>;
  campaign_id: number;
  kind: Generated<string>;
  name: string;
  organisation: string | null;
  email: string;
  locale: string | null;
  time_zone: string | null;
  status: Generated<string>;
  position: Generated<number>;
  created_at: number;
  hourly_cap: number | null;
  paused_at: number | null;
  bounced_at: number | null;
  last_error: string | null;
  /** The address this target had before an editor replaced a bounced one. */
  replaced_email: string | null;
  last_digest_at: number | null;
  /** ISO country codes separated by spaces: only their supporters write to this target; '' for everyone. */
  countries: Generated<string>;
}

/** Slugs a campaign used before; their public URLs redirect (301) to the current one. */
export interface CampaignSlugsTable {
  slug: string;
  campaign_id: number;
  created_at: number;
}

/** Dated updates shown on the public page, each in one language. */
export interface CampaignUpdatesTable {
  id: Generated<number>;
  campaign_id: number;
  /** YYYY-MM-DD */
  day: string;
  locale: string;
  body_md: string;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}
