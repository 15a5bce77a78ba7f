// The segment part of the composer: language lists (with their sizes), countries, signed / has not signed
// a campaign, a minimum of campaigns signed in the last 12 months, joined since, partner organisation. Its
// size is counted by the server: the "Count" button works without JavaScript, mailings.js refreshes it as
// the choices change.

import type { SegmentOptions } from '../../../domain/mailing/mailing.ports.js';
import type { MailingField, MailingForm, MailingInputError } from '../../../domain/mailing/mailing-input.js';
import { countryCodes } from '../../../domain/signature/countries.js';
import type { Translator } from '../../../i18n/translator.js';
import { SelectField, SubmitButton, TextField } from '../../views/form-fields.js';
import { composerFields, errorLabel } from './mailing-labels.js';

export interface SegmentFieldsProps {
  tr: Translator;
  form: MailingForm;
  errors: Partial<Record<MailingField, MailingInputError>>;
  options: SegmentOptions;
  campaigns: { id: number; headline: string }[];
  /** The segment's size when counted. */
  size?: number | undefined;
}

export function SegmentFields({ tr, form, errors, options, campaigns, size }: SegmentFieldsProps) {
  const t = tr.t;
  const { err, field } = composerFields(tr, form, errors);
  // Lists with members, and any the form names (a list may have emptied since).
  const lists = [
    ...options.lists,
    ...form.locales
      .filter((l) => !options.lists.some((o) => o.locale === l))
      .map((locale) => ({ locale, subscribed: 0 })),
  ];
  const campaignOptions = campaigns.map((c) => ({ value: String(c.id), label: c.headline }));
  const regionNames = new Intl.DisplayNames([tr.locale], { type: 'region', fallback: 'code' });
  const countries = countryCodes
    .map((code) => ({ code, name: regionNames.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, tr.locale));
  return (
    <fieldset class="segment" data-segment="/editor/mailings/size">
      <legend>{t('mailings.segment.legend')}</legend>
      <fieldset class={`field${errors.locales ? ' field--error' : ''}`} id="locales">
        <legend>{t('mailings.segment.lists')}</legend>
        {errors.locales && (
          <p class="field-error" id="locales-error">
            {t(errors.locales === 'Required' ? 'mailings.error.listsRequired' : errorLabel[errors.locales])}
          </p>
        )}
        {lists.length === 0 && <p>{t('mailings.segment.noLists')}</p>}
        {lists.map((l) => (
          <div class="field--check" key={l.locale}>
            <input
              type="checkbox"
              id={`list-${l.locale}`}
              name="locales"
              value={l.locale}
              checked={form.locales.includes(l.locale)}
            />
            <label for={`list-${l.locale}`}>
              {t('mailings.segment.listOption', { language: tr.languageName(l.locale), count: l.subscribed })}
            </label>
          </div>
        ))}
      </fieldset>
      <div class={`field${errors.countries ? ' field--error' : ''}`}>
        <label for="countries">{t('mailings.segment.countries')}</label>
        {errors.countries && <p class="field-error">{err('countries')}</p>}
        <select id="countries" name="countries" multiple size={6} aria-describedby="countries-help">
          {countries.map((c) => (
            <option key={c.code} value={c.code} selected={form.countries.includes(c.code)}>
              {c.name}
            </option>
          ))}
        </select>
        <p class="help" id="countries-help">
          {t('mailings.segment.countriesHelp')}
        </p>
      </div>
      <SelectField
        {...field('signedCampaignId')}
        label={t('mailings.segment.signed')}
        options={campaignOptions}
        blank={t('mailings.segment.noCondition')}
      />
      <SelectField
        {...field('notSignedCampaignId')}
        label={t('mailings.segment.notSigned')}
        options={campaignOptions}
        blank={t('mailings.segment.noCondition')}
      />
      <TextField
        {...field('minCampaignsLastYear')}
        label={t('mailings.segment.minCampaigns')}
        inputMode="numeric"
        maxLength={3}
      />
      <div class={`field${errors.subscribedSince ? ' field--error' : ''}`}>
        <label for="subscribedSince">{t('mailings.segment.since')}</label>
        {errors.subscribedSince && <p class="field-error">{err('subscribedSince')}</p>}
        <input type="date" id="subscribedSince" name="subscribedSince" value={form.subscribedSince} />
      </div>
      <SelectField
        {...field('partnerId')}
        label={t('mailings.segment.partner')}
        options={options.partners.map((p) => ({ value: String(p.id), label: p.name }))}
        blank={t('mailings.segment.noCondition')}
      />
      <p class="segment__size" data-segment-size aria-live="polite">
        {size === undefined ? '' : t('mailings.segment.size', { count: size })}
      </p>
      <SubmitButton kind="secondary" name="intent" value="count">
        {t('mailings.segment.count')}
      </SubmitButton>
    </fieldset>
  );
}
