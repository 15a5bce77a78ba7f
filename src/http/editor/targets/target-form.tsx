// The add and edit form of a target or union copy address, and the sentences for its errors (shared with
// the CSV import report): name, organisation, address, language of the letters, and for targets the time
// zone, own hourly cap and the countries whose supporters write to it (embassy campaigns). Every field names its error next to it and in the summary at the top.
import type { TargetKind } from '../../../domain/campaign/campaign.js';
import type { EditorTarget, RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import {
  commonLanguages,
  type TargetErrors,
  type TargetField,
  type TargetFieldError,
  type TargetInput,
  targetLimits,
  timeZoneChoices,
} from '../../../domain/campaign/target-fields.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { RosterFormActions } from '../../views/editor/roster-page.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../views/form-fields.js';

const errorKeys: Record<
  TargetField | 'row',
  Partial<Record<TargetFieldError | 'TooManyCells', StringKey>>
> = {
  name: {
    Required: 'targets.error.name.Required',
    TooLong: 'targets.error.name.TooLong',
    InvalidCharacters: 'targets.error.name.InvalidCharacters',
    Formula: 'targets.error.name.Formula',
  },
  organisation: {
    TooLong: 'targets.error.organisation.TooLong',
    InvalidCharacters: 'targets.error.organisation.InvalidCharacters',
    Formula: 'targets.error.organisation.Formula',
  },
  email: {
    Required: 'targets.error.email.Required',
    TooLong: 'targets.error.email.TooLong',
    EmailInvalid: 'targets.error.email.EmailInvalid',
    Formula: 'targets.error.email.Formula',
    Duplicate: 'targets.error.email.Duplicate',
  },
  locale: { LanguageUnknown: 'targets.error.locale.LanguageUnknown' },
  timeZone: { TimeZoneUnknown: 'targets.error.timeZone.TimeZoneUnknown' },
  hourlyCap: { CapInvalid: 'targets.error.hourlyCap.CapInvalid' },
  countries: { CountryUnknown: 'targets.error.countries.CountryUnknown' },
  row: { TooManyCells: 'targets.error.row.TooManyCells' },
};

/** One problem of a target's field as a sentence; `value` is what was typed (for the unknown-code errors). */
export function targetErrorText(
  tr: Translator,
  field: TargetField | 'row',
  error: TargetFieldError | 'TooManyCells',
  value = '',
): string {
  const key = errorKeys[field][error];
  if (!key) return error;
  const max =
    field === 'hourlyCap'
      ? targetLimits.capMax
      : field === 'name'
        ? targetLimits.name
        : targetLimits.organisation;
  return tr.t(key, { max, char: `“${value.trim().charAt(0)}”`, value: value.trim().slice(0, 40) });
}

export const stateKeys: Record<EditorTarget['state'], StringKey> = {
  active: 'targets.state.active',
  paused: 'targets.state.paused',
  bounced: 'targets.state.bounced',
};

/** "Russian (ru)": the language in the reader's language, with its code. */
export const languageLabel = (tr: Translator, code: string) => `${tr.languageName(code)} (${code})`;

function languageOptions(tr: Translator, current: string) {
  const codes = new Set(commonLanguages);
  if (current) codes.add(current);
  const sorted = [...codes]
    .map((code) => ({ value: code, label: languageLabel(tr, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, tr.locale));
  return [{ value: '', label: tr.t('targets.field.languageNone') }, ...sorted];
}

function timeZoneOptions(tr: Translator, current: string) {
  const zones =
    current && !timeZoneChoices.includes(current) ? [current, ...timeZoneChoices] : timeZoneChoices;
  return [
    { value: '', label: tr.t('targets.field.timeZoneNone') },
    ...zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') })),
  ];
}

/** A form being shown again with what was typed and what is wrong with it. */
export interface TargetFormState {
  /** Which form: adding a target, adding a copy address, or changing target `id`. */
  form: { add: TargetKind } | { edit: number };
  values: TargetInput;
  errors: TargetErrors;
}

const fieldOrder: TargetField[] = [
  'name',
  'organisation',
  'email',
  'locale',
  'timeZone',
  'hourlyCap',
  'countries',
];

export function TargetForm(p: {
  tr: Translator;
  csrf: string;
  campaign: RosterCampaign;
  kind: TargetKind;
  action: string;
  prefix: string;
  heading: string;
  button: string;
  values: TargetInput;
  errors: TargetErrors;
  editing?: boolean;
  cancel?: string;
}) {
  const { tr, kind, prefix, values, errors } = p;
  const t = tr.t;
  const id = (f: TargetField) => `${prefix}-${f}`;
  const err = (f: TargetField) => {
    const e = errors[f];
    return e ? targetErrorText(tr, f, e, values[f as keyof TargetInput] ?? '') : undefined;
  };
  /** Id (this form's own), name, value and error of a field. */
  const field = (f: keyof TargetInput) => ({ id: id(f), name: f, value: values[f] ?? '', error: err(f) });
  const summary = fieldOrder.flatMap((f) => {
    const text = err(f);
    return text ? [{ field: id(f), text }] : [];
  });
  return (
    <section class="editor-panel roster-form" id={`${prefix}-form`} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} dir="auto">
        {p.heading}
      </h2>
      <ErrorSummary title={t('form.errors.summary', { count: summary.length })} errors={summary} />
      <form method="post" action={p.action} class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        {!p.editing && <input type="hidden" name="kind" value={kind} />}
        <TextField
          {...field('name')}
          label={t('targets.field.name')}
          maxLength={targetLimits.name}
          required
          autofocus={Boolean(err('name'))}
        />
        <TextField
          {...field('organisation')}
          label={t('targets.field.organisation')}
          maxLength={targetLimits.organisation}
          autofocus={Boolean(err('organisation'))}
        />
        <TextField
          {...field('email')}
          type="email"
          label={t('targets.field.email')}
          autocomplete="off"
          maxLength={320}
          required
          {...(p.editing ? { help: t('targets.field.emailHelp') } : {})}
          autofocus={Boolean(err('email'))}
        />
        <SelectField
          {...field('locale')}
          label={t('targets.field.language')}
          options={languageOptions(tr, values.locale)}
          help={t('targets.field.languageHelp')}
        />
        {kind === 'target' && (
          <>
            <SelectField
              {...field('timeZone')}
              label={t('targets.field.timeZone')}
              options={timeZoneOptions(tr, values.timeZone)}
              help={t('targets.field.timeZoneHelp')}
            />
            <TextField
              {...field('hourlyCap')}
              label={t('targets.field.cap')}
              help={t('targets.field.capHelp', { cap: p.campaign.targetHourlyCap })}
              maxLength={6}
              autofocus={Boolean(err('hourlyCap'))}
            />
            <TextField
              {...field('countries')}
              label={t('targets.field.countries')}
              help={t('targets.field.countriesHelp')}
              maxLength={1_000}
              autofocus={Boolean(err('countries'))}
            />
          </>
        )}
        <RosterFormActions tr={tr} button={p.button} cancel={p.cancel} />
      </form>
    </section>
  );
}

export const emptyTarget: TargetInput = {
  name: '',
  organisation: '',
  email: '',
  locale: '',
  timeZone: '',
  hourlyCap: '',
  countries: '',
};

export const targetValues = (t: EditorTarget): TargetInput => ({
  name: t.name,
  organisation: t.organisation ?? '',
  email: t.email,
  locale: t.locale ?? '',
  timeZone: t.timeZone ?? '',
  hourlyCap: t.hourlyCap === null ? '' : String(t.hourlyCap),
  countries: t.countries.join(' '),
});
