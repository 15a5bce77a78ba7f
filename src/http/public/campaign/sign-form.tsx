// The sign form. Plain HTML that works with no JavaScript: labels, help and errors tied to their fields,
// an error summary, the first wrong field autofocused on re-render, input kept. The alerts box is never
// pre-ticked; its exact text is what gets stored as consent.
import { countryCodes } from '../../../domain/signature/countries.js';
import {
  type RawSignInput,
  type SignField,
  type SignFieldError,
  signLimits,
} from '../../../domain/signature/sign-input.js';
import type { MessageKey, Translator } from '../../../i18n/translator.js';

export type SignFormValues = Omit<RawSignInput, 'source'>;

export interface SignFormProps {
  tr: Translator;
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

const sortedCountries = new Map<string, { code: string; name: string }[]>();

function countriesFor(locale: string) {
  let list = sortedCountries.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale);
    list = countryCodes
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
    sortedCountries.set(locale, list);
  }
  return list;
}

export function errorText(tr: Translator, error: SignFieldError): string {
  return tr.t(`form.error.${error}` as MessageKey, { max: maxFor[error] ?? 0 });
}

interface TextFieldProps {
  field: 'name' | 'email' | 'union';
  label: string;
  help?: string;
  type?: 'text' | 'email';
  autocomplete: string;
  maxLength: number;
  required?: boolean;
  tr: Translator;
  values: SignFormValues;
  errors: Partial<Record<SignField, SignFieldError>>;
  first: SignField | undefined;
  described(field: SignField, help?: boolean): string | undefined;
}

function TextField({
  field,
  label,
  help,
  type = 'text',
  autocomplete,
  maxLength,
  required,
  ...p
}: TextFieldProps) {
  const error = p.errors[field];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={field}>{label}</label>
      {error && (
        <p class="field-error" id={`${field}-error`}>
          {errorText(p.tr, error)}
        </p>
      )}
      <input
        id={field}
        name={field}
        // Preact's input typings are a union keyed on a literal `type`; both values here are plain text inputs.
        type={type as 'text'}
        autocomplete={autocomplete}
        inputMode={type === 'email' ? 'email' : undefined}
        dir={type === 'email' ? 'ltr' : undefined}
        required={required}
        maxLength={maxLength}
        value={p.values[field]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={p.described(field, Boolean(help))}
        autofocus={p.first === field ? true : undefined}
      />
      {help && (
        <p class="help" id={`${field}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

export function SignForm({ tr, action, token, source, values, errors }: SignFormProps) {
  const t = tr.t;
  const wrong = fieldOrder.filter((f) => errors[f]);
  const first = wrong[0];
  const described = (field: SignField, help?: boolean) =>
    [errors[field] ? `${field}-error` : '', help ? `${field}-help` : ''].filter(Boolean).join(' ') ||
    undefined;
  const fieldError = (field: SignField) => {
    const e = errors[field];
    return e ? (
      <p class="field-error" id={`${field}-error`}>
        {errorText(tr, e)}
      </p>
    ) : null;
  };
  const common = { tr, values, errors, first, described };
  return (
    <form class="sign-form" method="post" action={action} novalidate={wrong.length > 0 ? true : undefined}>
      <h2 id="sign">{t('form.heading')}</h2>
      {wrong.length > 0 && (
        <div class="error-summary" role="alert">
          <p>{t('form.errors.summary', { count: wrong.length })}</p>
          <ul>
            {wrong.map((f) => (
              <li key={f}>
                <a href={`#${f}`}>{errorText(tr, errors[f]!)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="src" value={source} />
      <div class="hp" aria-hidden="true">
        <label for="website">{t('form.honeypot')}</label>
        <input type="text" id="website" name="website" tabIndex={-1} autocomplete="off" />
      </div>

      <TextField
        field="name"
        label={t('form.name.label')}
        autocomplete="name"
        maxLength={signLimits.name}
        required
        {...common}
      />
      <TextField
        field="email"
        label={t('form.email.label')}
        help={t('form.email.help')}
        type="email"
        autocomplete="email"
        maxLength={254}
        required
        {...common}
      />
      <TextField
        field="union"
        label={t('form.union.label')}
        autocomplete="organization"
        maxLength={signLimits.union}
        {...common}
      />

      <div class={`field${errors.country ? ' field--error' : ''}`}>
        <label for="country">{t('form.country.label')}</label>
        {fieldError('country')}
        <select
          id="country"
          name="country"
          required
          autocomplete="country"
          aria-invalid={errors.country ? 'true' : undefined}
          aria-describedby={described('country')}
          autofocus={first === 'country' ? true : undefined}
        >
          <option value="">{t('form.country.choose')}</option>
          {countriesFor(tr.locale).map((c) => (
            <option key={c.code} value={c.code} selected={c.code === values.country}>
              {c.name}
            </option>
          ))}
        </select>
      </div>

      <div class={`field${errors.message ? ' field--error' : ''}`}>
        <label for="message">{t('form.message.label')}</label>
        {fieldError('message')}
        <textarea
          id="message"
          name="message"
          rows={8}
          required
          maxLength={signLimits.message}
          dir="auto"
          aria-invalid={errors.message ? 'true' : undefined}
          aria-describedby={described('message', true)}
          autofocus={first === 'message' ? true : undefined}
        >
          {values.message}
        </textarea>
        <p class="help" id="message-help">
          {t('form.message.help')}
        </p>
      </div>

      <div class="field field--check">
        <input id="alerts" name="alerts" type="checkbox" value="yes" checked={values.alerts} />
        <label for="alerts">{t('form.alerts.label')}</label>
      </div>

      <p class="privacy-link">
        <a href={`/${tr.locale}/privacy`}>{t('form.privacy')}</a>
      </p>
      <button class="button button--big" type="submit">
        {t('form.submit')}
      </button>
    </form>
  );
}
