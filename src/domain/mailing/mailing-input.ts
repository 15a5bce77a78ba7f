// The composer's rules, shared by the form and the tests: what a mailing's texts and segment may hold.
// Subjects and preheaders are single lines (a line break in a mail header is an injection); the body is
// Markdown, normalised like every multi-line text; the segment must name a list and be consistent.
import { isLanguageTag } from '../campaign/create-campaign.js';
import { normaliseLine, normaliseText } from '../signature/text.js';
import { type MailingDraft, type MailingKind, mailingKinds } from './mailing.js';
import { type Segment, segmentProblem } from './segment.js';

export const subjectMax = 200;
export const preheaderMax = 200;
export const bodyMax = 20_000;
/** "Signed at least N campaigns": more than this is never a real condition. */
export const minCampaignsMax = 100;

/** The form's fields that choose the recipients. */
type SegmentField =
  | 'locales'
  | 'countries'
  | 'signedCampaignId'
  | 'notSignedCampaignId'
  | 'minCampaignsLastYear'
  | 'subscribedSince'
  | 'partnerId';

export type MailingField =
  | 'kind'
  | 'campaignId'
  | 'sourceLocale'
  | 'subject'
  | 'preheader'
  | 'bodyMd'
  | SegmentField;

export type MailingInputError =
  | 'Required'
  | 'TooLong'
  | 'InvalidCharacters'
  | 'Invalid'
  | 'SignedAndNotSigned';

/** The form as typed: every value a string (or a list of them for the multi-choice fields). */
export interface MailingForm {
  kind: string;
  campaignId: string;
  sourceLocale: string;
  subject: string;
  preheader: string;
  bodyMd: string;
  locales: string[];
  countries: string[];
  signedCampaignId: string;
  notSignedCampaignId: string;
  minCampaignsLastYear: string;
  /** YYYY-MM-DD, UTC. */
  subscribedSince: string;
  partnerId: string;
}

export type MailingInputResult =
  | { ok: true; draft: MailingDraft }
  | { ok: false; errors: Partial<Record<MailingField, MailingInputError>> };

const idPattern = /^[1-9][0-9]{0,14}$/;
const countryPattern = /^[A-Z]{2}$/;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const optionalId = (v: string): number | null | 'Invalid' =>
  v === '' ? null : idPattern.test(v) ? Number(v) : 'Invalid';

/** Midnight UTC of a YYYY-MM-DD day, or undefined when it is not a real day. */
export function dayStart(day: string): number | undefined {
  const m = dayPattern.exec(day);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : undefined;
}

/** The segment part of the form, checked on its own (the live size asks for it without the texts). */
export function readSegment(
  form: Pick<MailingForm, SegmentField>,
): { ok: true; segment: Segment } | { ok: false; errors: Partial<Record<MailingField, MailingInputError>> } {
  const errors: Partial<Record<MailingField, MailingInputError>> = {};
  const locales = [...new Set(form.locales)];
  if (locales.some((l) => !isLanguageTag(l))) errors.locales = 'Invalid';
  const countries = [...new Set(form.countries.map((c) => c.toUpperCase()))];
  if (countries.some((c) => !countryPattern.test(c))) errors.countries = 'Invalid';
  const signed = optionalId(form.signedCampaignId);
  if (signed === 'Invalid') errors.signedCampaignId = 'Invalid';
  const notSigned = optionalId(form.notSignedCampaignId);
  if (notSigned === 'Invalid') errors.notSignedCampaignId = 'Invalid';
  const partner = optionalId(form.partnerId);
  if (partner === 'Invalid') errors.partnerId = 'Invalid';
  let minCampaigns: number | null = null;
  if (form.minCampaignsLastYear !== '') {
    const n = /^[0-9]{1,3}$/.test(form.minCampaignsLastYear) ? Number(form.minCampaignsLastYear) : Number.NaN;
    if (!(n >= 1 && n <= minCampaignsMax)) errors.minCampaignsLastYear = 'Invalid';
    else minCampaigns = n;
  }
  let since: number | null = null;
  if (form.subscribedSince !== '') {
    const ms = dayStart(form.subscribedSince);
    if (ms === undefined) errors.subscribedSince = 'Invalid';
    else since = ms;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const segment: Segment = {
    locales,
    countries,
    signedCampaignId: signed as number | null,
    notSignedCampaignId: notSigned as number | null,
    minCampaignsLastYear: minCampaigns,
    subscribedSince: since,
    partnerId: partner as number | null,
  };
  const problem = segmentProblem(segment);
  if (problem === 'NoList') return { ok: false, errors: { locales: 'Required' } };
  if (problem === 'SignedAndNotSigned')
    return { ok: false, errors: { notSignedCampaignId: 'SignedAndNotSigned' } };
  return { ok: true, segment };
}

/** The whole composer form: every problem at once, so the page can show them all. */
export function readMailingForm(form: MailingForm): MailingInputResult {
  const errors: Partial<Record<MailingField, MailingInputError>> = {};
  const kind = (mailingKinds as readonly string[]).includes(form.kind)
    ? (form.kind as MailingKind)
    : undefined;
  if (!kind) errors.kind = 'Invalid';
  const campaignId = optionalId(form.campaignId);
  if (campaignId === 'Invalid') errors.campaignId = 'Invalid';
  if (!isLanguageTag(form.sourceLocale)) errors.sourceLocale = 'Invalid';
  const subject = normaliseLine(form.subject, { max: subjectMax, required: true });
  if (!subject.ok) errors.subject = subject.error;
  const preheader = normaliseLine(form.preheader, { max: preheaderMax, required: false });
  if (!preheader.ok) errors.preheader = preheader.error;
  const body = normaliseText(form.bodyMd, { max: bodyMax });
  if (!body.ok) errors.bodyMd = body.error;
  const segment = readSegment(form);
  if (!segment.ok) Object.assign(errors, segment.errors);
  if (Object.keys(errors).length > 0 || !kind || !subject.ok || !preheader.ok || !body.ok || !segment.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      kind,
      campaignId: campaignId as number | null,
      sourceLocale: form.sourceLocale,
      subject: subject.value,
      preheader: preheader.value,
      bodyMd: body.value,
      segment: segment.segment,
    },
  };
}

/** The form a stored draft shows (and the template prefill). */
export function mailingForm(draft: MailingDraft): MailingForm {
  const s = draft.segment;
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    kind: draft.kind,
    campaignId: text(draft.campaignId),
    sourceLocale: draft.sourceLocale,
    subject: draft.subject,
    preheader: draft.preheader,
    bodyMd: draft.bodyMd,
    locales: s.locales,
    countries: s.countries,
    signedCampaignId: text(s.signedCampaignId),
    notSignedCampaignId: text(s.notSignedCampaignId),
    minCampaignsLastYear: text(s.minCampaignsLastYear),
    subscribedSince: s.subscribedSince === null ? '' : new Date(s.subscribedSince).toISOString().slice(0, 10),
    partnerId: text(s.partnerId),
  };
}
