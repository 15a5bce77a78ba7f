// The "Request a campaign" page: a union tells us about its case and accepts the partnership terms. Plain
// HTML that works with no JavaScript, like the sign form: labels, help and errors tied to their fields, an
// error summary, the first wrong field focused, input kept (files cannot be: the page says so). The terms
// box is never pre-ticked. Targets are one textarea, one `Name <address>` per line, easy to paste on a phone.

import type { TermsVersion } from '../../../domain/campaign-request/partnership-terms.js';
import {
  type RawRequestInput,
  type RequestErrors,
  type RequestField,
  type RequestFieldError,
  requestFields,
  requestLimits,
} from '../../../domain/campaign-request/request-input.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { assetUrl } from '../../static-assets.js';
import {
  CheckField,
  campaignLanguageOptions,
  ErrorSummary,
  FileField,
  type FormRefusal,
  FormRefused,
  Honeypot,
  imageTypes,
  PrivacyAndSubmit,
  SelectField,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { Layout, type SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import { formErrors } from '../form-errors.js';

export type RequestFormValues = RawRequestInput;

export const emptyRequestValues = (language: string): RequestFormValues => ({
  orgName: '',
  orgDescription: '',
  orgWebsite: '',
  contactName: '',
  contactEmail: '',
  language,
  headline: '',
  background: '',
  message: '',
  moreInfoUrl: '',
  targets: '',
  terms: false,
});

export interface RequestFormState {
  terms: TermsVersion;
  token: string;
  values: RequestFormValues;
  errors: RequestErrors;
  refused?: FormRefusal | undefined;
  /** Files were chosen but the form came back: they must be chosen again. */
  filesDropped: boolean;
  maxUploadMb: number;
}

const requiredKeys: Partial<Record<RequestField, StringKey>> = {
  orgName: 'request.error.required.orgName',
  orgDescription: 'request.error.required.orgDescription',
  contactName: 'request.error.required.contactName',
  headline: 'request.error.required.headline',
  background: 'request.error.required.background',
  message: 'request.error.required.message',
  targets: 'request.error.required.targets',
};

const maxFor: Partial<Record<RequestField, number>> = {
  orgName: requestLimits.orgName,
  orgDescription: requestLimits.orgDescription,
  contactName: requestLimits.contactName,
  headline: requestLimits.headline,
  background: requestLimits.background,
  message: requestLimits.message,
};

export function requestErrorText(
  tr: Translator,
  field: RequestField,
  error: RequestFieldError,
  maxUploadMb: number,
): string {
  const values = { max: maxFor[field] ?? 0, line: error.line ?? 0 };
  switch (error.code) {
    case 'Required':
      return tr.t(requiredKeys[field] ?? 'request.error.required.headline', values);
    case 'EmailRequired':
    case 'EmailInvalid':
    case 'EmailTooLong':
      return tr.t(`form.error.${error.code}`);
    case 'TargetsTooMany':
      return tr.t('request.error.TargetsTooMany', { max: requestLimits.targets });
    case 'ImageTooLarge':
      return tr.t('request.error.ImageTooLarge', { max: maxUploadMb });
    default:
      return tr.t(`request.error.${error.code}`, values);
  }
}

export function RequestForm({
  tr,
  action,
  state,
}: {
  tr: Translator;
  action: string;
  state: RequestFormState;
}) {
  const t = tr.t;
  const { values, errors, terms } = state;
  const { wrong, errorOf, field } = formErrors(requestFields, errors, (e, f) =>
    requestErrorText(tr, f, e, state.maxUploadMb),
  );
  const imageHelp = t('request.image.help', { max: state.maxUploadMb });
  const termsError = errors.terms;
  const showTermsLanguage = terms.locale.split('-')[0] !== tr.locale.split('-')[0];
  return (
    <form
      class="request-form"
      method="post"
      action={action}
      enctype="multipart/form-data"
      novalidate={wrong.length > 0 || state.refused ? true : undefined}
    >
      <FormRefused tr={tr} refused={state.refused} />
      <ErrorSummary
        title={t('form.errors.summary', { count: wrong.length })}
        errors={wrong.map((f) => ({ field: f, text: errorOf(f)! }))}
      />
      {state.filesDropped && <p class="notice notice--important">{t('request.filesNote')}</p>}
      <input type="hidden" name="token" value={state.token} />
      <input type="hidden" name="termsVersion" value={String(terms.id)} />
      <Honeypot tr={tr} name="reference" />

      <fieldset>
        <legend>{t('request.section.org')}</legend>
        <TextField
          {...field('orgName')}
          label={t('request.orgName.label')}
          help={t('request.orgName.help')}
          value={values.orgName}
          dir="auto"
          autocomplete="organization"
          required
          maxLength={requestLimits.orgName}
        />
        <TextArea
          {...field('orgDescription')}
          label={t('request.orgDescription.label')}
          help={t('request.orgDescription.help')}
          value={values.orgDescription}
          rows={4}
          dir="auto"
          required
          maxLength={requestLimits.orgDescription}
        />
        <TextField
          {...field('orgWebsite')}
          type="url"
          label={t('request.orgWebsite.label')}
          value={values.orgWebsite}
          autocomplete="url"
          maxLength={requestLimits.url}
        />
        <FileField {...field('logo')} label={t('request.logo.label')} accept={imageTypes} help={imageHelp} />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.contact')}</legend>
        <TextField
          {...field('contactName')}
          label={t('request.contactName.label')}
          value={values.contactName}
          dir="auto"
          autocomplete="name"
          required
          maxLength={requestLimits.contactName}
        />
        <TextField
          {...field('contactEmail')}
          type="email"
          label={t('request.contactEmail.label')}
          help={t('request.contactEmail.help')}
          value={values.contactEmail}
          autocomplete="email"
          required
          maxLength={254}
        />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.campaign')}</legend>
        <SelectField
          {...field('language')}
          label={t('request.language.label')}
          help={t('request.language.help')}
          options={campaignLanguageOptions(tr)}
          value={values.language}
        />
        <TextField
          {...field('headline')}
          label={t('request.headline.label')}
          help={t('request.headline.help')}
          value={values.headline}
          dir="auto"
          required
          maxLength={requestLimits.headline}
        />
        <TextArea
          {...field('background')}
          label={t('request.background.label')}
          help={t('request.background.help')}
          value={values.background}
          rows={10}
          dir="auto"
          required
          maxLength={requestLimits.background}
        />
        <TextArea
          {...field('message')}
          label={t('request.message.label')}
          help={t('request.message.help')}
          value={values.message}
          rows={8}
          dir="auto"
          required
          maxLength={requestLimits.message}
        />
        <TextField
          {...field('moreInfoUrl')}
          type="url"
          label={t('request.moreInfo.label')}
          help={t('request.moreInfo.help')}
          value={values.moreInfoUrl}
          maxLength={requestLimits.url}
        />
        <FileField
          {...field('photo')}
          label={t('request.photo.label')}
          accept={imageTypes}
          help={imageHelp}
        />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.targets')}</legend>
        <TextArea
          {...field('targets')}
          label={t('request.targets.label')}
          help={t('request.targets.help', {
            max: requestLimits.targets,
            // Isolated, so a right-to-left name and its address in brackets keep their order.
            example: isolate(`${t('request.targets.exampleName')} <minister@labour.example.org>`),
          })}
          value={values.targets}
          rows={6}
          dir="auto"
          required
          maxLength={requestLimits.targets * 300}
        />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.terms')}</legend>
        <p>{t('request.terms.intro')}</p>
        {showTermsLanguage && (
          <p class="help">{t('request.terms.otherLanguage', { language: tr.languageName(terms.locale) })}</p>
        )}
        {/* Sanitised Markdown written by an admin. */}
        <section
          class="request-terms"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to be scrolled (axe scrollable-region-focusable); it is named, so it is announced as what it is.
          tabIndex={0}
          aria-label={t('request.section.terms')}
          lang={terms.locale}
          dir="auto"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(terms.bodyMd) }}
        />
        <p class="help">
          {t('request.terms.version', { version: terms.id, date: tr.date(terms.createdAt) })}
        </p>
        <CheckField
          {...field('terms')}
          label={t('request.terms.label')}
          checked={values.terms && termsError?.code !== 'TermsChanged'}
          required
        />
      </fieldset>
      <PrivacyAndSubmit tr={tr} label={t('request.submit')} />
    </form>
  );
}

export function RequestFormPage({
  tr,
  site,
  action,
  state,
}: {
  tr: Translator;
  site: SiteInfo;
  action: string;
  /** Undefined while no partnership terms exist: requests are not open. */
  state: RequestFormState | undefined;
}) {
  const t = tr.t;
  return (
    <Layout
      tr={tr}
      site={site}
      title={t('request.title')}
      path="/request"
      head={<link rel="stylesheet" href={assetUrl('/assets/request.css')} />}
    >
      <h1>{t('request.title')}</h1>
      <p class="lead">{t('request.intro')}</p>
      {state ? (
        <RequestForm tr={tr} action={action} state={state} />
      ) : (
        <p class="notice notice--important">{t('request.closed')}</p>
      )}
    </Layout>
  );
}
