// The "Help translate" page: what volunteer translators do, and the form by which one applies (name,
// address, the languages they translate into, an optional note). Plain HTML that works without JavaScript,
// like the request form: errors tied to their fields, a summary, the first wrong field focused, input kept,
// no box ticked in advance. It says what happens to the data: kept until an editor answers.

import { campaignLanguages } from '../../../domain/campaign/create-campaign.js';
import type { LanguagesWanted } from '../../../domain/translation/languages-wanted.js';
import {
  type ApplicationError,
  type ApplicationErrors,
  type ApplicationField,
  applicationLimits,
  type RawApplicationInput,
} from '../../../domain/translator-application/application-input.js';
import type { Translator } from '../../../i18n/translator.js';
import { assetUrl } from '../../static-assets.js';
import {
  ErrorSummary,
  type FormRefusal,
  FormRefused,
  Honeypot,
  languageChoices,
  PrivacyAndSubmit,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { Layout, type SiteInfo } from '../../views/layout.js';
import { formErrors } from '../form-errors.js';

export interface ApplicationFormState {
  token: string;
  values: RawApplicationInput;
  errors: ApplicationErrors;
  refused?: FormRefusal | undefined;
}

const fields: readonly ApplicationField[] = ['name', 'email', 'languages', 'note'];

function errorText(tr: Translator, error: ApplicationError): string {
  switch (error) {
    case 'NameTooLong':
      return tr.t('form.error.NameTooLong', { max: applicationLimits.name });
    case 'MessageTooLong':
      return tr.t('form.error.MessageTooLong', { max: applicationLimits.note });
    case 'LanguagesRequired':
      return tr.t('helpTranslate.error.languages');
    default:
      return tr.t(`form.error.${error}`);
  }
}

function ApplicationForm({
  tr,
  action,
  state,
}: {
  tr: Translator;
  action: string;
  state: ApplicationFormState;
}) {
  const t = tr.t;
  const { values, errors } = state;
  const { wrong, errorOf } = formErrors(fields, errors, (e) => errorText(tr, e));
  const ticked = new Set(values.languages);
  const languagesError = errorOf('languages');
  const choices = languageChoices(tr, campaignLanguages);
  // The summary links to the first box shown: a fieldset cannot take the focus.
  const firstLanguage = `language-${choices[0]?.value ?? ''}`;
  return (
    <form
      class="request-form"
      method="post"
      action={action}
      novalidate={wrong.length > 0 || state.refused ? true : undefined}
    >
      <FormRefused tr={tr} refused={state.refused} />
      <ErrorSummary
        title={t('form.errors.summary', { count: wrong.length })}
        errors={wrong.map((f) => ({ field: f === 'languages' ? firstLanguage : f, text: errorOf(f)! }))}
      />
      <input type="hidden" name="token" value={state.token} />
      <Honeypot tr={tr} name="reference" />
      <TextField
        id="name"
        label={t('form.name.label')}
        error={errorOf('name')}
        autofocus={wrong[0] === 'name'}
        value={values.name}
        dir="auto"
        autocomplete="name"
        required
        maxLength={applicationLimits.name}
      />
      <TextField
        id="email"
        type="email"
        label={t('form.email.label')}
        error={errorOf('email')}
        autofocus={wrong[0] === 'email'}
        value={values.email}
        autocomplete="email"
        required
        maxLength={254}
      />
      <fieldset
        class={`field${languagesError ? ' field--error' : ''}`}
        aria-describedby={languagesError ? 'languages-error' : undefined}
      >
        <legend>{t('helpTranslate.languages.label')}</legend>
        {languagesError && (
          <p class="field-error" id="languages-error">
            {languagesError}
          </p>
        )}
        <div class="help-translate-languages">
          {choices.map((choice, i) => (
            <div key={choice.value} class="field field--check">
              <input
                type="checkbox"
                id={`language-${choice.value}`}
                name="language"
                value={choice.value}
                checked={ticked.has(choice.value) || undefined}
                autofocus={(wrong[0] === 'languages' && i === 0) || undefined}
              />
              <label for={`language-${choice.value}`}>{choice.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextArea
        id="note"
        label={t('helpTranslate.note.label')}
        error={errorOf('note')}
        autofocus={wrong[0] === 'note'}
        value={values.note}
        rows={4}
        dir="auto"
        maxLength={applicationLimits.note}
      />
      <p class="help">{t('helpTranslate.privacy')}</p>
      <PrivacyAndSubmit tr={tr} label={t('form.submit')} />
    </form>
  );
}

export function HelpTranslatePage({
  tr,
  site,
  action,
  contact,
  state,
  wanted,
}: {
  tr: Translator;
  site: SiteInfo;
  action: string;
  contact: string;
  state: ApplicationFormState;
  /** Live campaigns and the languages they are not yet in. */
  wanted: readonly LanguagesWanted[];
}) {
  const t = tr.t;
  return (
    <Layout
      tr={tr}
      site={site}
      title={t('helpTranslate.title')}
      path="/help-translate"
      head={
        <>
          <link rel="stylesheet" href={assetUrl('/assets/request.css')} />
          <link rel="stylesheet" href={assetUrl('/assets/help-translate.css')} />
        </>
      }
    >
      <h1>{t('helpTranslate.title')}</h1>
      <p>{t('helpTranslate.body1', { siteName: site.name })}</p>
      <p>{t('helpTranslate.body2')}</p>
      <p>{t('helpTranslate.body3')}</p>
      {wanted.length > 0 && (
        <section aria-labelledby="wanted-title">
          <h2 id="wanted-title">{t('helpTranslate.waiting.title')}</h2>
          <ul class="languages-wanted">
            {wanted.map((w) => (
              <li key={w.slug}>
                <a href={`/${tr.locale}/campaigns/${w.slug}`} lang={w.headlineLocale} dir="auto">
                  {w.headline}
                </a>
                <br />
                {t('helpTranslate.waiting.missing', {
                  languages: tr.list(w.missing.map((l) => tr.languageName(l))),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ApplicationForm tr={tr} action={action} state={state} />
      <p>
        {t('helpTranslate.write')}{' '}
        <a href={`mailto:${contact}`}>
          <bdi dir="ltr">{contact}</bdi>
        </a>
      </p>
    </Layout>
  );
}
