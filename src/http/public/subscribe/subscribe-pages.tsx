// The sign-up page of the language lists: address, optional name, country, the list (the page's language
// unless chosen otherwise) and the consent box, never ticked for the person; its exact words are what gets
// stored. Then the "check your mail" answer, the same for every address, and the confirmation button.

import { listLanguages } from '../../../domain/list/membership.js';
import type { SignupErrors, SignupField, SignupFieldError } from '../../../domain/list/signup-input.js';
import { signupLimits } from '../../../domain/list/signup-input.js';
import type { Translator } from '../../../i18n/translator.js';
import {
  CheckField,
  ErrorSummary,
  Honeypot,
  languageChoices,
  SelectField,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';
import { countriesFor } from '../campaign/sign-form.js';
import { formErrors } from '../form-errors.js';
import { ListMessagePage, ListPage, type ListPageBase, PreferencesLink } from '../preferences/list-page.js';

export interface SignupValues {
  email: string;
  name: string;
  country: string;
  list: string;
  consent: boolean;
}

const fieldOrder: SignupField[] = ['email', 'name', 'country', 'list', 'consent'];

/** The sign form's words for the errors the two forms share; the list's own for the rest. */
export function signupErrorText(tr: Translator, error: SignupFieldError): string {
  return error === 'ListInvalid' || error === 'ConsentRequired'
    ? tr.t(`list.error.${error}`)
    : tr.t(`form.error.${error}`, { max: signupLimits.name });
}

/** The lists one can choose, each named in the reader's language and in its own. */
export const listOptions = (tr: Translator) => languageChoices(tr, listLanguages(tr.locale));

export interface SignupPageProps extends ListPageBase {
  action: string;
  token: string;
  values: SignupValues;
  errors: SignupErrors;
  refused?: 'form_expired' | 'too_fast' | undefined;
}

export function SignupPage(p: SignupPageProps) {
  const { tr, errors } = p;
  const t = tr.t;
  const { wrong, errorOf, field } = formErrors(fieldOrder, errors, (e) => signupErrorText(tr, e));
  return (
    <ListPage tr={tr} site={p.site} title="list.signup.title" path="/subscribe">
      <p>{t('list.signup.intro', { siteName: p.site.name })}</p>
      {p.refused && (
        <p class="notice notice--important" role="alert">
          {t(p.refused === 'too_fast' ? 'list.signup.tooFast' : 'list.signup.formExpired')}
        </p>
      )}
      <form method="post" action={p.action} novalidate={wrong.length > 0 ? true : undefined}>
        <ErrorSummary
          title={t('form.errors.summary', { count: wrong.length })}
          errors={wrong.map((f) => ({ field: f, text: errorOf(f)! }))}
        />
        <input type="hidden" name="token" value={p.token} />
        <Honeypot tr={tr} name="website" />
        <TextField
          {...field('email')}
          type="email"
          label={t('list.field.email')}
          value={p.values.email}
          autocomplete="email"
          required
          maxLength={254}
        />
        <TextField
          {...field('name')}
          label={t('list.field.name')}
          value={p.values.name}
          autocomplete="name"
          maxLength={signupLimits.name}
        />
        <SelectField
          {...field('country')}
          label={t('list.field.country')}
          options={countriesFor(tr.locale)}
          value={p.values.country}
          blank={t('form.country.choose')}
          autocomplete="country"
          required
        />
        <SelectField
          {...field('list')}
          label={t('list.field.list')}
          options={listOptions(tr)}
          value={p.values.list}
        />
        <CheckField
          {...field('consent')}
          label={t('list.consent.label', { siteName: p.site.name })}
          checked={p.values.consent}
          required
        />
        <SubmitButton kind="big">{t('list.signup.button')}</SubmitButton>
      </form>
    </ListPage>
  );
}

export function SignupSentPage(p: ListPageBase) {
  return <ListMessagePage {...p} title="list.sent.title" body="list.sent.body" />;
}

export function SignupConfirmPage(p: ListPageBase & { action: string; locale: string }) {
  return (
    <ListMessagePage
      {...p}
      title="list.confirm.title"
      body="list.confirm.body"
      values={{ language: p.tr.languageName(p.locale) }}
    >
      <form method="post" action={p.action}>
        <SubmitButton kind="big">{p.tr.t('list.confirm.button')}</SubmitButton>
      </form>
    </ListMessagePage>
  );
}

export function SignupDonePage(p: ListPageBase & { locale: string; preferences?: string | undefined }) {
  return (
    <ListMessagePage
      {...p}
      title="list.done.title"
      body="list.done.body"
      values={{ language: p.tr.languageName(p.locale) }}
    >
      {p.preferences && <PreferencesLink tr={p.tr} href={p.preferences} />}
    </ListMessagePage>
  );
}
