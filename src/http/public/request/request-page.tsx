// The "Request a campaign" page: a union tells us about its case and accepts the partnership terms. Plain
// HTML that works with no JavaScript, like the sign form: labels, help and errors tied to their fields, an
// error summary, the first wrong field focused, input kept (files cannot be: the page says so). The terms
// box is never pre-ticked. Targets are one textarea, one `Name <address>` per line, easy to paste on a phone.
import { campaignLanguages } from '../../../domain/campaign/create-campaign.js';
import type { TermsVersion } from '../../../domain/intake/partnership-terms.js';
import {
  type RawRequestInput,
  type RequestErrors,
  type RequestField,
  type RequestFieldError,
  requestFields,
  requestLimits,
} from '../../../domain/intake/request-input.js';
import { nativeName } from '../../../i18n/locales.js';
import { isolate, type MessageKey, type Translator } from '../../../i18n/translator.js';
import { Layout, type SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';

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

export type Refusal = 'form_expired' | 'too_fast' | 'rate_limited';

export interface RequestFormState {
  terms: TermsVersion;
  token: string;
  values: RequestFormValues;
  errors: RequestErrors;
  refused?: Refusal | undefined;
  /** Files were chosen but the form came back: they must be chosen again. */
  filesDropped: boolean;
  maxUploadMb: number;
}

const requiredKeys: Partial<Record<RequestField, MessageKey>> = {
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

const refusalKeys: Record<Refusal, MessageKey> = {
  form_expired: 'request.refused.expired',
  too_fast: 'request.refused.tooFast',
  rate_limited: 'request.refused.rateLimited',
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

interface FieldContext {
  tr: Translator;
  values: RequestFormValues;
  errors: RequestErrors;
  first: RequestField | undefined;
  maxUploadMb: number;
}

function ErrorLine({ c, field }: { c: FieldContext; field: RequestField }) {
  const error = c.errors[field];
  if (!error) return null;
  return (
    <p class="field-error" id={`${field}-error`}>
      {requestErrorText(c.tr, field, error, c.maxUploadMb)}
    </p>
  );
}

const describedBy = (c: FieldContext, field: RequestField, help: boolean) =>
  [c.errors[field] ? `${field}-error` : '', help ? `${field}-help` : ''].filter(Boolean).join(' ') ||
  undefined;

function Help({ field, text }: { field: RequestField; text: string | undefined }) {
  return text ? (
    <p class="help" id={`${field}-help`}>
      {text}
    </p>
  ) : null;
}

type TextValueField = Exclude<RequestField, 'logo' | 'photo' | 'terms' | 'language'>;

function Input(props: {
  c: FieldContext;
  field: TextValueField;
  label: string;
  help?: string;
  kind?: 'text' | 'email' | 'url';
  autocomplete?: string;
  required?: boolean;
  maxLength: number;
}) {
  const { c, field, kind = 'text' } = props;
  const error = c.errors[field];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={field}>{props.label}</label>
      <ErrorLine c={c} field={field} />
      <input
        id={field}
        name={field}
        // Preact's input typings are keyed on a literal `type`; all three are text inputs to the browser.
        type={(kind === 'url' ? 'text' : kind) as 'text'}
        inputMode={kind === 'email' ? 'email' : kind === 'url' ? 'url' : undefined}
        dir={kind === 'text' ? 'auto' : 'ltr'}
        autocomplete={props.autocomplete}
        required={props.required}
        maxLength={props.maxLength}
        value={c.values[field]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(c, field, Boolean(props.help))}
        autofocus={c.first === field ? true : undefined}
      />
      <Help field={field} text={props.help} />
    </div>
  );
}

function TextArea(props: {
  c: FieldContext;
  field: TextValueField;
  label: string;
  help?: string;
  rows: number;
  maxLength: number;
  required?: boolean;
}) {
  const { c, field } = props;
  const error = c.errors[field];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={field}>{props.label}</label>
      <ErrorLine c={c} field={field} />
      <textarea
        id={field}
        name={field}
        rows={props.rows}
        dir="auto"
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(c, field, Boolean(props.help))}
        autofocus={c.first === field ? true : undefined}
      >
        {c.values[field]}
      </textarea>
      <Help field={field} text={props.help} />
    </div>
  );
}

function FileInput({ c, field, label }: { c: FieldContext; field: 'logo' | 'photo'; label: string }) {
  const error = c.errors[field];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={field}>{label}</label>
      <ErrorLine c={c} field={field} />
      <input
        id={field}
        name={field}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(c, field, true)}
        autofocus={c.first === field ? true : undefined}
      />
      <Help field={field} text={c.tr.t('request.image.help', { max: c.maxUploadMb })} />
    </div>
  );
}

function languageOptions(tr: Translator) {
  const collator = new Intl.Collator(tr.locale);
  return campaignLanguages
    .map((code) => {
      const name = tr.languageName(code);
      const own = nativeName(code);
      return { code, label: own && own.toLowerCase() !== name.toLowerCase() ? `${name} — ${own}` : name };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
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
  const wrong = requestFields.filter((f) => errors[f]);
  const c: FieldContext = { tr, values, errors, first: wrong[0], maxUploadMb: state.maxUploadMb };
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
      {state.refused && (
        <p class="notice notice--important" role="alert">
          {t(refusalKeys[state.refused])}
        </p>
      )}
      {wrong.length > 0 && (
        <div class="error-summary" role="alert">
          <p>{t('form.errors.summary', { count: wrong.length })}</p>
          <ul>
            {wrong.map((f) => (
              <li key={f}>
                <a href={`#${f}`}>{requestErrorText(tr, f, errors[f]!, state.maxUploadMb)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.filesDropped && <p class="notice notice--important">{t('request.filesNote')}</p>}
      <input type="hidden" name="token" value={state.token} />
      <input type="hidden" name="termsVersion" value={String(terms.id)} />
      <div class="hp" aria-hidden="true">
        <label for="reference">{t('form.honeypot')}</label>
        <input type="text" id="reference" name="reference" tabIndex={-1} autocomplete="off" />
      </div>

      <fieldset>
        <legend>{t('request.section.org')}</legend>
        <Input
          c={c}
          field="orgName"
          label={t('request.orgName.label')}
          help={t('request.orgName.help')}
          autocomplete="organization"
          required
          maxLength={requestLimits.orgName}
        />
        <TextArea
          c={c}
          field="orgDescription"
          label={t('request.orgDescription.label')}
          help={t('request.orgDescription.help')}
          rows={4}
          required
          maxLength={requestLimits.orgDescription}
        />
        <Input
          c={c}
          field="orgWebsite"
          kind="url"
          label={t('request.orgWebsite.label')}
          autocomplete="url"
          maxLength={requestLimits.url}
        />
        <FileInput c={c} field="logo" label={t('request.logo.label')} />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.contact')}</legend>
        <Input
          c={c}
          field="contactName"
          label={t('request.contactName.label')}
          autocomplete="name"
          required
          maxLength={requestLimits.contactName}
        />
        <Input
          c={c}
          field="contactEmail"
          kind="email"
          label={t('request.contactEmail.label')}
          help={t('request.contactEmail.help')}
          autocomplete="email"
          required
          maxLength={254}
        />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.campaign')}</legend>
        <div class={`field${errors.language ? ' field--error' : ''}`}>
          <label for="language">{t('request.language.label')}</label>
          <ErrorLine c={c} field="language" />
          <select
            id="language"
            name="language"
            aria-invalid={errors.language ? 'true' : undefined}
            aria-describedby={describedBy(c, 'language', true)}
            autofocus={c.first === 'language' ? true : undefined}
          >
            {languageOptions(tr).map((o) => (
              <option key={o.code} value={o.code} selected={o.code === values.language}>
                {o.label}
              </option>
            ))}
          </select>
          <Help field="language" text={t('request.language.help')} />
        </div>
        <Input
          c={c}
          field="headline"
          label={t('request.headline.label')}
          help={t('request.headline.help')}
          required
          maxLength={requestLimits.headline}
        />
        <TextArea
          c={c}
          field="background"
          label={t('request.background.label')}
          help={t('request.background.help')}
          rows={10}
          required
          maxLength={requestLimits.background}
        />
        <TextArea
          c={c}
          field="message"
          label={t('request.message.label')}
          help={t('request.message.help')}
          rows={8}
          required
          maxLength={requestLimits.message}
        />
        <Input
          c={c}
          field="moreInfoUrl"
          kind="url"
          label={t('request.moreInfo.label')}
          help={t('request.moreInfo.help')}
          maxLength={requestLimits.url}
        />
        <FileInput c={c} field="photo" label={t('request.photo.label')} />
      </fieldset>

      <fieldset>
        <legend>{t('request.section.targets')}</legend>
        <TextArea
          c={c}
          field="targets"
          label={t('request.targets.label')}
          help={t('request.targets.help', {
            max: requestLimits.targets,
            // Isolated, so a right-to-left name and its address in brackets keep their order.
            example: isolate(`${t('request.targets.exampleName')} <minister@labour.example.org>`),
          })}
          rows={6}
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
        <div
          class="request-terms"
          lang={terms.locale}
          dir="auto"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(terms.bodyMd) }}
        />
        <p class="help">
          {t('request.terms.version', { version: terms.id, date: tr.date(terms.createdAt) })}
        </p>
        <div class={`field field--check${termsError ? ' field--error' : ''}`}>
          <ErrorLine c={c} field="terms" />
          <input
            id="terms"
            name="terms"
            type="checkbox"
            value="yes"
            required
            checked={values.terms && termsError?.code !== 'TermsChanged'}
            aria-invalid={termsError ? 'true' : undefined}
            aria-describedby={termsError ? 'terms-error' : undefined}
            autofocus={c.first === 'terms' ? true : undefined}
          />
          <label for="terms">{t('request.terms.label')}</label>
        </div>
      </fieldset>

      <p class="privacy-link">
        <a href={`/${tr.locale}/privacy`}>{t('form.privacy')}</a>
      </p>
      <button class="button button--big" type="submit">
        {t('request.submit')}
      </button>
    </form>
  );
}

export function RequestPage({
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
      head={<link rel="stylesheet" href="/assets/request.css" />}
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

export function RequestThanksPage({ tr, site }: { tr: Translator; site: SiteInfo }) {
  const t = tr.t;
  return (
    <Layout tr={tr} site={site} title={t('request.thanks.title')} path="/request/thanks">
      <h1>{t('request.thanks.title')}</h1>
      <p class="lead">{t('request.thanks.body')}</p>
      <p>
        <a href={`/${tr.locale}/`}>{t('request.thanks.back')}</a>
      </p>
    </Layout>
  );
}
