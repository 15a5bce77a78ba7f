// The campaign editor's shared ground: the campaign as the editor sees it, the storage port its use cases
// (edit-campaign-texts, edit-campaign-settings, edit-campaign-photo, remove-campaign-photo, post-update,
// edit-update, delete-update, set-successor) write through, and the rules several of them share (slugs,
// calendar days, the stale-form token).
//
// Stale forms: the texts form carries a token computed from exactly the stored values it shows. A save
// whose token no longer matches the stored campaign was made on an old copy; it writes nothing and the
// editor sees the newer version beside their own text. The store checks again inside its transaction.
import type { ActorRef } from '../account/account.js';

export type { ActorRef };

import type { OfficeHours } from '../delivery/delivery.js';
import type { PetitionNames } from '../petition/petition.js';
import type { ImageStore } from '../shared/image.ports.js';
import type {
  CampaignStatus,
  CampaignUpdate,
  ConfirmationMode,
  DeliveryMode,
  TranslationStatus,
} from './campaign.js';

/** The source-language text, the translation row whose locale is the campaign's source language. */
export interface SourceTexts {
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  targetSubject: string;
  targetSalutation: string;
  photoAlt: string;
  status: TranslationStatus;
  /** Bumped whenever a translatable text changes; translations made from an older one show "source changed". */
  revision: number;
}

export interface EditableCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  goal: number | null;
  moreInfoUrl: string | null;
  photoPath: string | null;
  confirmationMode: ConfirmationMode;
  deliveryMode: DeliveryMode;
  targetHourlyCap: number;
  officeHours: OfficeHours | null;
  digestIntervalMinutes: number;
  /** How the public petition shows signers' names. */
  petitionNames: PetitionNames;
  startsAt: number | null;
  endsAt: number | null;
  /** Null while no source-language text exists. */
  source: SourceTexts | null;
  /** Every language version, drafts too, source language first. */
  translations: { locale: string; status: TranslationStatus }[];
  /** All languages, newest first. */
  updates: CampaignUpdate[];
  successor: { id: number; slug: string; status: CampaignStatus; headline: string | null } | null;
  /** Slugs this campaign used before; their public URLs redirect here. */
  oldSlugs: string[];
}

/** The fields of the texts form that are stored on the campaign row. */
export interface CampaignFields {
  slug: string;
  goal: number | null;
  moreInfoUrl: string | null;
  sourceLocale: string;
}

/** The translatable fields of the texts form, stored on the source translation. */
export interface TextFields {
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  targetSubject: string;
  targetSalutation: string;
}

export interface TextsChange {
  campaignId: number;
  /** The token the form was filled from; the store refuses the change when the campaign no longer has it. */
  expectedToken: string;
  before: CampaignFields & { texts: TextFields | null };
  after: CampaignFields & { texts: TextFields };
  /** Create the source row (none existed) or mark it published. */
  publish: boolean;
  actor: ActorRef;
  now: number;
}

export interface SettingsValues {
  deliveryMode: DeliveryMode;
  confirmationMode: ConfirmationMode;
  targetHourlyCap: number;
  officeHours: OfficeHours | null;
  digestIntervalMinutes: number;
  petitionNames: PetitionNames;
  startsAt: number | null;
}

export interface PhotoChange {
  campaignId: number;
  before: { photoPath: string | null; photoAlt: string };
  after: { photoPath: string | null; photoAlt: string };
  action: 'campaign.photo_changed' | 'campaign.photo_removed';
  actor: ActorRef;
  now: number;
}

export interface UpdateValues {
  day: string;
  locale: string;
  bodyMd: string;
}

/** One of a campaign's settings (the settings form, the follow-up campaign) as an editor changes it. */
export interface SettingChange<V> {
  campaignId: number;
  before: V;
  after: V;
  actor: ActorRef;
  now: number;
}

/**
 * Stores a setting's change: nothing is written when it is the same (and the form says saved), and
 * not_found when the campaign went meanwhile.
 */
export async function saveSetting<V>(
  save: (change: SettingChange<V>) => Promise<boolean>,
  change: SettingChange<V>,
  unchanged: boolean,
): Promise<{ status: 'saved'; changed: boolean } | { status: 'not_found' }> {
  if (unchanged) return { status: 'saved', changed: false };
  return (await save(change)) ? { status: 'saved', changed: true } : { status: 'not_found' };
}

/** One posted update of a campaign, as an editor changes or deletes it. */
export interface UpdateChange {
  campaignId: number;
  id: number;
  actor: ActorRef;
  now: number;
}

export type TextsSaveOutcome = 'saved' | 'stale' | 'slug_taken' | 'locale_taken';

export interface CampaignEditorStore {
  find(slug: string): Promise<EditableCampaign | undefined>;
  findById(id: number): Promise<EditableCampaign | undefined>;
  /** The campaign that uses `slug` now or used it before, if any. */
  slugOwner(slug: string): Promise<number | undefined>;
  /**
   * Writes the texts form and its audit entry in one transaction, only while the campaign still has
   * `expectedToken`, the new slug is free and the new source language has no translation yet.
   */
  saveTexts(change: TextsChange): Promise<TextsSaveOutcome>;
  saveSettings(change: SettingChange<SettingsValues>): Promise<boolean>;
  /** Photo path on the campaign, alt text on the source translation; false when that row is gone. */
  savePhoto(change: PhotoChange): Promise<boolean>;
  addUpdate(change: {
    campaignId: number;
    values: UpdateValues;
    actor: ActorRef | null;
    now: number;
  }): Promise<number>;
  /** False when the update does not belong to the campaign (any more). */
  changeUpdate(change: UpdateChange & { values: UpdateValues }): Promise<boolean>;
  deleteUpdate(change: UpdateChange): Promise<boolean>;
  setSuccessor(change: SettingChange<number | null>): Promise<boolean>;
  /** Every other campaign with its source headline, for the "superseded by" picker. */
  successorChoices(campaignId: number): Promise<SuccessorChoice[]>;
}

export interface SuccessorChoice {
  id: number;
  slug: string;
  status: CampaignStatus;
  headline: string | null;
  /** The campaign this one is superseded by, to refuse cycles. */
  supersededBy: number | null;
}

/** Old public URLs: the current slug of the campaign that used `slug` before. */
export interface OldSlugReader {
  currentSlug(oldSlug: string): Promise<string | undefined>;
}

export interface CampaignEditDeps {
  campaigns: CampaignEditorStore;
  clock: { now(): number };
}

export interface PhotoDeps extends CampaignEditDeps {
  images: ImageStore;
}

export const textLimits = {
  headline: 300,
  background: 20_000,
  defaultMessage: 5_000,
  subject: 300,
  salutation: 300,
  moreInfoUrl: 2_000,
  slug: 120,
  photoAlt: 500,
  update: 10_000,
  goal: 100_000_000,
} as const;

/** Lowercase ASCII letters and digits in hyphen-separated words: `kazakhstan-free-erlan-baltabay`. */
const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Words the public and editor URLs use beside campaign slugs (/campaigns/archive, /editor/campaigns/new). */
export const reservedSlugs = new Set(['archive', 'new']);

export type SlugProblem = 'SlugRequired' | 'SlugFormat' | 'SlugTooLong' | 'SlugReserved';

export function checkSlug(slug: string): SlugProblem | undefined {
  if (slug === '') return 'SlugRequired';
  if (slug.length > textLimits.slug) return 'SlugTooLong';
  if (!slugShape.test(slug) || slug.length < 3) return 'SlugFormat';
  if (reservedSlugs.has(slug)) return 'SlugReserved';
  return undefined;
}

/** Arabic-Indic and Extended (Persian) digits, as an Arabic or Persian keyboard types them. */
const foreignDigits = /[\u0660-\u0669\u06f0-\u06f9]/g;
export const asciiDigits = (text: string): string =>
  text.replace(foreignDigits, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));

/** A calendar day typed as YYYY-MM-DD (what `<input type="date">` sends), or undefined. */
export function parseDay(text: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(asciiDigits(text.trim()));
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCDate() !== day) return undefined;
  return at.toISOString().slice(0, 10);
}

/** The UTC day of an instant as YYYY-MM-DD. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A well-formed language tag (`en`, `pt-BR`, `sr-Latn`); the http layer canonicalises its casing. */
export const isLanguageTag = (tag: string): boolean => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/.test(tag);

/** 53-bit string hash (cyrb53): change detection, not security. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The stale-form token of the texts form: it changes exactly when one of the stored values the form shows
 * changes (a photo caption or a settings change elsewhere on the page does not make the form stale).
 */
export function editToken(c: CampaignFields & { source: TextFields | null }): string {
  const s = c.source;
  return hash(
    JSON.stringify([
      c.slug,
      c.goal,
      c.moreInfoUrl,
      c.sourceLocale,
      s?.headline ?? null,
      s?.backgroundMd ?? null,
      s?.defaultMessage ?? null,
      s?.targetSubject ?? null,
      s?.targetSalutation ?? null,
    ]),
  );
}
