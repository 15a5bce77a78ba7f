// Saves the campaign's source-language texts and the fields that go with them on the editor's first form:
// headline, background (Markdown), default message, the subject and salutation of letters to targets, the
// more-information link, the goal, the slug and the source language.
//
// Rules: a changed translatable text bumps the source revision (translations made from an older one show
// "source changed"); a form filled from an older version is refused as stale, never written over what
// someone else saved; changing the slug of a campaign the public has seen needs a confirmation, and the
// old slug keeps redirecting; a slug is never one another campaign uses or used; the source language can
// change only to one the campaign has no translation in yet.
import { normaliseLine, normaliseText } from '../signature/text.js';
import { type CampaignFormResult, isPublic } from './campaign.js';
import {
  type ActorRef,
  asciiDigits,
  type CampaignEditDeps,
  type CampaignFields,
  checkSlug,
  type EditableCampaign,
  editToken,
  isLanguageTag,
  type SlugProblem,
  type TextFields,
  textLimits,
} from './edit-campaign.js';

export type TextsField =
  | 'headline'
  | 'background'
  | 'defaultMessage'
  | 'subject'
  | 'salutation'
  | 'moreInfoUrl'
  | 'goal'
  | 'slug'
  | 'sourceLocale';

export type TextsError =
  | 'Required'
  | 'TooLong'
  | 'InvalidCharacters'
  | 'UrlInvalid'
  | 'GoalInvalid'
  | 'GoalTooLarge'
  | SlugProblem
  | 'SlugTaken'
  | 'LocaleInvalid'
  | 'LocaleTaken';

export type TextsErrors = Partial<Record<TextsField, TextsError>>;

/** What the form sends, as typed. */
export interface TextsInput {
  /** The campaign's slug when the form was opened (from the URL). */
  slug: string;
  /** The stale-form token the form was filled from. */
  token: string;
  headline: string;
  background: string;
  defaultMessage: string;
  subject: string;
  salutation: string;
  moreInfoUrl: string;
  goal: string;
  newSlug: string;
  sourceLocale: string;
  /** The editor confirmed changing the public address. */
  confirmSlug: boolean;
  /** Mark a draft source text as ready (launch needs it published). */
  publish: boolean;
}

/** The texts as stored, as the form sends them when nothing is changed (what a fresh page is filled with). */
export function storedTexts(c: EditableCampaign): TextsInput {
  return {
    slug: c.slug,
    token: editToken(c),
    headline: c.source?.headline ?? '',
    background: c.source?.backgroundMd ?? '',
    defaultMessage: c.source?.defaultMessage ?? '',
    subject: c.source?.targetSubject ?? '',
    salutation: c.source?.targetSalutation ?? '',
    moreInfoUrl: c.moreInfoUrl ?? '',
    goal: c.goal === null ? '' : String(c.goal),
    newSlug: c.slug,
    sourceLocale: c.sourceLocale,
    confirmSlug: false,
    publish: false,
  };
}

export type TextsResult = CampaignFormResult<
  | { status: 'saved'; slug: string; changed: boolean }
  | { status: 'stale'; current: EditableCampaign }
  | { status: 'confirm_slug'; from: string; to: string },
  TextsErrors
>;

/** An optional http(s) link, normalised as the browser will open it, or why it is refused. */
export function readLink(
  text: string,
): { ok: true; value: string | null } | { ok: false; error: TextsError } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (trimmed.length > textLimits.moreInfoUrl) return { ok: false, error: 'TooLong' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed)) return { ok: false, error: 'UrlInvalid' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'UrlInvalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    return { ok: false, error: 'UrlInvalid' };
  }
  if (url.href.length > textLimits.moreInfoUrl) return { ok: false, error: 'TooLong' };
  return { ok: true, value: url.href };
}

/** An optional goal: a positive whole number, thousands separators and Arabic digits accepted. */
export function readGoal(
  text: string,
): { ok: true; value: number | null } | { ok: false; error: TextsError } {
  const digits = asciiDigits(text).replace(/[\s,.'’_\u066b\u066c\u00a0\u202f]/g, '');
  if (digits === '') return { ok: true, value: null };
  if (!/^\d+$/.test(digits)) return { ok: false, error: 'GoalInvalid' };
  const value = Number(digits);
  if (value < 1) return { ok: false, error: 'GoalInvalid' };
  if (value > textLimits.goal) return { ok: false, error: 'GoalTooLarge' };
  return { ok: true, value };
}

function readTexts(input: TextsInput, errors: TextsErrors): TextFields {
  const line = (field: TextsField, text: string, max: number, required: boolean) => {
    const r = normaliseLine(text, { max, required });
    if (r.ok) return r.value;
    errors[field] = r.error;
    return '';
  };
  const block = (field: TextsField, text: string, max: number) => {
    const r = normaliseText(text, { max });
    if (r.ok) return r.value;
    errors[field] = r.error;
    return '';
  };
  return {
    headline: line('headline', input.headline, textLimits.headline, true),
    backgroundMd: block('background', input.background, textLimits.background),
    defaultMessage: block('defaultMessage', input.defaultMessage, textLimits.defaultMessage),
    targetSubject: line('subject', input.subject, textLimits.subject, true),
    targetSalutation: line('salutation', input.salutation, textLimits.salutation, false),
  };
}

const sameTexts = (a: TextFields | null, b: TextFields): boolean =>
  a !== null &&
  a.headline === b.headline &&
  a.backgroundMd === b.backgroundMd &&
  a.defaultMessage === b.defaultMessage &&
  a.targetSubject === b.targetSubject &&
  a.targetSalutation === b.targetSalutation;

const sameFields = (a: CampaignFields, b: CampaignFields): boolean =>
  a.slug === b.slug &&
  a.goal === b.goal &&
  a.moreInfoUrl === b.moreInfoUrl &&
  a.sourceLocale === b.sourceLocale;

export async function editCampaignTexts(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: TextsInput,
): Promise<TextsResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };

  const errors: TextsErrors = {};
  const texts = readTexts(input, errors);
  const link = readLink(input.moreInfoUrl);
  if (!link.ok) errors.moreInfoUrl = link.error;
  const goal = readGoal(input.goal);
  if (!goal.ok) errors.goal = goal.error;
  const slug = input.newSlug.trim();
  const slugProblem = slug === campaign.slug ? undefined : checkSlug(slug);
  if (slugProblem) errors.slug = slugProblem;
  else if (slug !== campaign.slug) {
    const owner = await deps.campaigns.slugOwner(slug);
    if (owner !== undefined && owner !== campaign.id) errors.slug = 'SlugTaken';
  }
  const sourceLocale = input.sourceLocale.trim();
  if (!isLanguageTag(sourceLocale)) errors.sourceLocale = 'LocaleInvalid';
  else if (
    sourceLocale !== campaign.sourceLocale &&
    campaign.translations.some((t) => t.locale === sourceLocale)
  ) {
    errors.sourceLocale = 'LocaleTaken';
  }
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };

  if (input.token !== editToken(campaign)) return { status: 'stale', current: campaign };
  if (slug !== campaign.slug && isPublic(campaign) && !input.confirmSlug) {
    return { status: 'confirm_slug', from: campaign.slug, to: slug };
  }

  const before = {
    slug: campaign.slug,
    goal: campaign.goal,
    moreInfoUrl: campaign.moreInfoUrl,
    sourceLocale: campaign.sourceLocale,
  };
  const after = {
    slug,
    goal: goal.ok ? goal.value : null,
    moreInfoUrl: link.ok ? link.value : null,
    sourceLocale,
  };
  const publish = campaign.source === null || (input.publish && campaign.source.status !== 'published');
  if (sameFields(before, after) && sameTexts(campaign.source, texts) && !publish) {
    return { status: 'saved', slug: campaign.slug, changed: false };
  }
  const outcome = await deps.campaigns.saveTexts({
    campaignId: campaign.id,
    expectedToken: input.token,
    before: { ...before, texts: campaign.source },
    after: { ...after, texts },
    publish,
    actor,
    now: deps.clock.now(),
  });
  switch (outcome) {
    case 'saved':
      return { status: 'saved', slug, changed: true };
    case 'slug_taken':
      return { status: 'invalid', errors: { slug: 'SlugTaken' } };
    case 'locale_taken':
      return { status: 'invalid', errors: { sourceLocale: 'LocaleTaken' } };
    case 'stale': {
      const current = await deps.campaigns.findById(campaign.id);
      return current ? { status: 'stale', current } : { status: 'not_found' };
    }
  }
}
