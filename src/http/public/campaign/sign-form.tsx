// The sign form. Plain HTML that works with no JavaScript: labels, help and errors tied to their fields,
// an error summary, the first wrong field autofocused on re-render, input kept. The alerts box is never
// pre-ticked; its exact text is what gets stored as consent. It says plainly what the public petition will
// show of the signer, with the (never pre-ticked) choice to appear only as "a supporter from <country>".

import type { PetitionNames } from '../../../domain/petition/petition.js';
import { countryCodes } from '../../../domain/signature/countries.js';
import {
  type RawSignInput,
  type SignField,
  type SignFieldError,
  signLimits,
} from '../../../domain/signature/sign-input.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import {
  CheckField,
  ErrorSummary,
  Honeypot,
  PrivacyAndSubmit,
  SelectField,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { formErrors } from '../form-errors.js';

export type SignFormValues = Omit<RawSignInput, 'source'>;

export interface SignFormProps {
  tr: Translator;
  /** How the campaign's public petition shows names (what the form tells the signer). */
  petitionNames: PetitionNames;
  /**
   * Whether the alerts box is offered: only where signing proves the address (confirm first), because a
   * signature is what puts a ticked box on the list. Elsewhere the form links to the list sign-up.
   */
  offersAlerts: boolean;
  action: string;
  token: string;
  source: string;
  values: SignFormValues;
  errors: Partial<Record<SignField, SignFieldError>>;
}

const fieldOrder: SignField[] = ['name', 'email', 'union', 'country', 'message'];

const maxFor: Partial<Record<SignFieldError, number>> = {
  NameTooLong: signLimits.name,
  UnionTooLong: signLimits.union,
  MessageTooLong: signLimits.message,
};

const sortedCountries = new Map<string, { value: string; label: string }[]>();

/** The country choices, named and sorted in the reader's language (the list sign-up form's too). */
export function countriesFor(locale: string) {
  let list = sortedCountries.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale);
    list = countryCodes
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    sortedCountries.set(locale, list);
  }
  return list;
}

export function errorText(tr: Translator, error: SignFieldError): string {
  return tr.t(`form.error.${error}` as StringKey, { max: maxFor[error] ?? 0 });
}

export function SignForm({
  tr,
  petitionNames,
  offersAlerts,
  action,
  token,
  source,
  values,
  errors,
}: SignFormProps) {
  const t = tr.t;
  const { wrong, errorOf, field } = formErrors(fieldOrder, errors, (e) => errorText(tr, e));
  return (
    <form class="sign-form" method="post" action={action} novalidate={wrong.length > 0 ? true : undefined}>
      <h2 id="sign">{t('form.heading')}</h2>
      <ErrorSummary
        title={t('form.errors.summary', { count: wrong.length })}
        errors={wrong.map((f) => ({ field: f, text: errorOf(f)! }))}
      />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="src" value={source} />
      <Honeypot tr={tr} name="website" />

      <TextField
        {...field('name')}
        label={t('form.name.label')}
        value={values.name}
        autocomplete="name"
        maxLength={signLimits.name}
        required
      />
      <TextField
        {...field('email')}
        type="email"
        label={t('form.email.label')}
        help={t('form.email.help')}
        value={values.email}
        autocomplete="email"
        maxLength={254}
        required
      />
      <TextField
        {...field('union')}
        label={t('form.union.label')}
        value={values.union}
        autocomplete="organization"
        maxLength={signLimits.union}
      />
      <SelectField
        {...field('country')}
        label={t('form.country.label')}
        blank={t('form.country.choose')}
        options={countriesFor(tr.locale)}
        value={values.country}
        required
        autocomplete="country"
      />
      <TextArea
        {...field('message')}
        label={t('form.message.label')}
        help={t('form.message.help')}
        value={values.message}
        rows={8}
        required
        maxLength={signLimits.message}
        dir="auto"
      />
      <p class="sign-form__petition" id="petition-help">
        {t(petitionNames === 'full' ? 'form.petition.full' : 'form.petition.short')}
      </p>
      <CheckField id="anonymous" label={t('form.anonymous.label')} checked={values.anonymous} />
      {offersAlerts ? (
        <CheckField id="alerts" label={t('form.alerts.label')} checked={values.alerts} />
      ) : (
        <p class="sign-form__alerts">
          <a href={`/${tr.locale}/subscribe`}>{t('form.alerts.signupLink')}</a>
        </p>
      )}

      <PrivacyAndSubmit tr={tr} label={t('form.submit')} />
    </form>
  );
}
