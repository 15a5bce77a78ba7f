// The campaign editor's delivery settings form: delivery mode (individual letters, a digest above the
// hourly cap, petition only), confirmation mode, messages per hour to each target, office hours in the
// targets' own time zones, the digest interval, the start date and how the public petition shows names.
// Same page as the other forms.
import type { ConfirmationMode, DeliveryMode } from '../../../domain/campaign/campaign.js';
import { dayOf, type EditableCampaign } from '../../../domain/campaign/edit-campaign.js';
import {
  type SettingsErrors,
  type SettingsField,
  settingsLimits,
} from '../../../domain/campaign/edit-campaign-settings.js';
import type { PetitionNames } from '../../../domain/petition/petition.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import {
  CheckField,
  Csrf,
  DayField,
  ErrorSummary,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';

export interface SettingsFormValues {
  deliveryMode: string;
  confirmationMode: string;
  hourlyCap: string;
  officeHours: 'any' | 'limited';
  days: number[];
  from: string;
  to: string;
  digestInterval: string;
  startDate: string;
  petitionNames: string;
}

export interface SettingsState {
  values: SettingsFormValues;
  errors: SettingsErrors;
}

export function settingsFormValues(c: EditableCampaign): SettingsFormValues {
  return {
    deliveryMode: c.deliveryMode,
    confirmationMode: c.confirmationMode,
    hourlyCap: String(c.targetHourlyCap),
    officeHours: c.officeHours ? 'limited' : 'any',
    days: c.officeHours?.days ?? [1, 2, 3, 4, 5],
    from: c.officeHours?.start ?? '09:00',
    to: c.officeHours?.end ?? '17:00',
    digestInterval: String(c.digestIntervalMinutes),
    startDate: c.startsAt === null ? '' : dayOf(c.startsAt),
    petitionNames: c.petitionNames,
  };
}

const settingsErrorKeys = {
  Invalid: 'campaignEdit.settings.error.Invalid',
  Required: 'campaignEdit.error.Required',
  NotAWholeNumber: 'campaignEdit.settings.error.NotAWholeNumber',
  OutOfRange: 'campaignEdit.settings.error.OutOfRange',
  TimeFormat: 'campaignEdit.settings.error.TimeFormat',
  EndNotAfterStart: 'campaignEdit.settings.error.EndNotAfterStart',
  NoDays: 'campaignEdit.settings.error.NoDays',
  DateFormat: 'campaignEdit.error.DateFormat',
  AfterEnd: 'campaignEdit.settings.error.AfterEnd',
} as const satisfies Record<NonNullable<SettingsErrors[SettingsField]>, StringKey>;

const settingsOrder: SettingsField[] = [
  'deliveryMode',
  'confirmationMode',
  'hourlyCap',
  'officeHours',
  'days',
  'from',
  'to',
  'digestInterval',
  'startDate',
  'petitionNames',
];

const deliveryKeys: Record<DeliveryMode, { label: StringKey; help: StringKey }> = {
  individual: { label: 'campaignEdit.settings.individual', help: 'campaignEdit.settings.individualHelp' },
  digest: { label: 'campaignEdit.settings.digest', help: 'campaignEdit.settings.digestHelp' },
  petition_only: {
    label: 'campaignEdit.settings.petitionOnly',
    help: 'campaignEdit.settings.petitionOnlyHelp',
  },
};

const petitionNameKeys: Record<PetitionNames, { label: StringKey; help: StringKey }> = {
  short: { label: 'campaignEdit.settings.namesShort', help: 'campaignEdit.settings.namesShortHelp' },
  full: { label: 'campaignEdit.settings.namesFull', help: 'campaignEdit.settings.namesFullHelp' },
};

const confirmationKeys: Record<ConfirmationMode, { label: StringKey; help: StringKey }> = {
  confirm_first: {
    label: 'campaignEdit.settings.confirmFirst',
    help: 'campaignEdit.settings.confirmFirstHelp',
  },
  immediate: { label: 'campaignEdit.settings.immediate', help: 'campaignEdit.settings.immediateHelp' },
};

/** One radio button a choice, each with its label and a line of help, under the field's legend. */
function Choices<T extends string>({
  tr,
  name,
  legend,
  choices,
  value,
  error,
}: {
  tr: Translator;
  name: SettingsField;
  legend: string;
  choices: Record<T, { label: StringKey; help: StringKey }>;
  value: string;
  error?: string | undefined;
}) {
  const options = (Object.keys(choices) as T[]).map((m) => ({
    value: m,
    label: tr.t(choices[m].label),
    help: tr.t(choices[m].help),
  }));
  return (
    <fieldset class={`edit-group${error ? ' field--error' : ''}`} id={name}>
      <legend>{legend}</legend>
      {error && <p class="field-error">{error}</p>}
      {options.map((o) => (
        <CheckField
          key={o.value}
          id={`${name}-${o.value}`}
          name={name}
          type="radio"
          value={o.value}
          checked={o.value === value}
          label={
            <>
              <strong>{o.label}</strong>
              <span class="edit-choice-help">{o.help}</span>
            </>
          }
        />
      ))}
    </fieldset>
  );
}

export function SettingsSection({
  tr,
  csrf,
  campaign: c,
  canEdit,
  state,
}: {
  tr: Translator;
  csrf: string;
  campaign: EditableCampaign;
  canEdit: boolean;
  state: SettingsState;
}) {
  const t = tr.t;
  const v = state.values;
  const wrong = settingsOrder.filter((f) => state.errors[f]);
  const err = (f: SettingsField) => {
    const code = state.errors[f];
    if (!code) return undefined;
    const range = f === 'hourlyCap' ? settingsLimits.hourlyCap : settingsLimits.digestInterval;
    return t(settingsErrorKeys[code], {
      min: range.min,
      max: range.max,
      date: c.endsAt === null ? '' : tr.date(c.endsAt),
    });
  };
  /** Id, value, error and focus of a text field: the first wrong one is focused. */
  const field = (f: 'hourlyCap' | 'from' | 'to' | 'digestInterval' | 'startDate') => ({
    id: f,
    value: v[f],
    error: err(f),
    autofocus: wrong[0] === f,
    autocomplete: 'off',
  });
  const weekday = new Intl.DateTimeFormat(tr.locale, { weekday: 'long', timeZone: 'UTC' });
  return (
    <section class="editor-panel" id="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('campaignEdit.settings.title')}</h2>
      <p class="help">{t('campaignEdit.settings.help')}</p>
      <form
        method="post"
        action={`/editor/campaigns/${c.slug}/edit/settings#settings`}
        class="editor-form"
        novalidate
      >
        <Csrf token={csrf} />
        <ErrorSummary
          title={t('campaignEdit.errors.summary', { count: wrong.length })}
          errors={wrong.map((f) => ({ field: f, text: err(f) ?? '' }))}
        />
        <fieldset class="edit-fieldset" disabled={!canEdit}>
          <Choices
            tr={tr}
            name="deliveryMode"
            legend={t('campaignEdit.settings.deliveryMode')}
            value={v.deliveryMode}
            error={err('deliveryMode')}
            choices={deliveryKeys}
          />
          <Choices
            tr={tr}
            name="confirmationMode"
            legend={t('campaignEdit.settings.confirmationMode')}
            value={v.confirmationMode}
            error={err('confirmationMode')}
            choices={confirmationKeys}
          />
          <TextField
            {...field('hourlyCap')}
            label={t('campaignEdit.settings.hourlyCap')}
            help={t('campaignEdit.settings.hourlyCapHelp')}
            inputMode="numeric"
            maxLength={10}
          />
          <fieldset class={`edit-group${state.errors.officeHours ? ' field--error' : ''}`} id="officeHours">
            <legend>{t('campaignEdit.settings.officeHours')}</legend>
            {err('officeHours') && <p class="field-error">{err('officeHours')}</p>}
            <CheckField
              id="officeHours-any"
              name="officeHours"
              type="radio"
              value="any"
              checked={v.officeHours === 'any'}
              label={t('campaignEdit.settings.anyTime')}
            />
            <CheckField
              id="officeHours-limited"
              name="officeHours"
              type="radio"
              value="limited"
              checked={v.officeHours === 'limited'}
              label={t('campaignEdit.settings.limited')}
            />
            <fieldset class={`edit-days${state.errors.days ? ' field--error' : ''}`} id="days">
              <legend>{t('campaignEdit.settings.days')}</legend>
              {err('days') && <p class="field-error">{err('days')}</p>}
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <CheckField
                  key={d}
                  id={`day${d}`}
                  checked={v.days.includes(d)}
                  label={weekday.format(Date.UTC(2024, 0, d))}
                />
              ))}
            </fieldset>
            <div class="edit-times">
              <TextField
                {...field('from')}
                label={t('campaignEdit.settings.from')}
                inputMode="numeric"
                placeholder="09:00"
                dir="ltr"
                maxLength={5}
              />
              <TextField
                {...field('to')}
                label={t('campaignEdit.settings.to')}
                inputMode="numeric"
                placeholder="17:00"
                dir="ltr"
                maxLength={5}
              />
            </div>
            <p class="help">{t('campaignEdit.settings.officeHoursHelp')}</p>
          </fieldset>
          <TextField
            {...field('digestInterval')}
            label={t('campaignEdit.settings.digestInterval')}
            help={t('campaignEdit.settings.digestIntervalHelp')}
            inputMode="numeric"
            maxLength={10}
          />
          <DayField
            {...field('startDate')}
            label={t('campaignEdit.settings.startDate')}
            help={t('campaignEdit.settings.startDateHelp')}
          />
          <Choices
            tr={tr}
            name="petitionNames"
            legend={t('campaignEdit.settings.petitionNames')}
            value={v.petitionNames}
            error={err('petitionNames')}
            choices={petitionNameKeys}
          />
        </fieldset>
        {canEdit && <SubmitButton>{t('campaignEdit.settings.save')}</SubmitButton>}
      </form>
    </section>
  );
}
