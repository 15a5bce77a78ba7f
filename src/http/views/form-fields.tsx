// The one form-field kit of every form, public (sign, request) and editor alike: a labelled control with
// its error above it and its help below, both tied to it (aria-describedby), the error summary that links
// to the wrong fields, the CSRF field, a public form's refusal and its field for robots, and the notice after a
// change. Plain HTML that needs no JavaScript.
import type { ComponentChildren } from 'preact';
import { campaignLanguages } from '../../domain/campaign/create-campaign.js';
import { nativeName, uiLocales } from '../../i18n/locales.js';
import type { StringKey, Translator } from '../../i18n/translator.js';
import { csrfField } from '../../security/csrf.js';

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={csrfField} value={token} />;
}

/**
 * A form's submit button; `kind` gives the secondary, danger, quiet or big look. Where a form has more than
 * one, `name` and `value` say which was pressed, or `formAction` where it posts.
 */
export function SubmitButton({
  kind,
  name,
  value,
  formAction,
  children,
}: {
  kind?: 'secondary' | 'danger' | 'quiet' | 'big';
  name?: string;
  value?: string;
  formAction?: string;
  children: ComponentChildren;
}) {
  return (
    <button
      class={kind ? `button button--${kind}` : 'button'}
      type="submit"
      name={name}
      value={value}
      formAction={formAction}
    >
      {children}
    </button>
  );
}

/** Describes a control for `aria-describedby`: its error first, then its help. */
const describedBy = (id: string, error: unknown, help: unknown): string | undefined =>
  [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;

/** What every field has. The control's `name` is its `id` unless given. */
interface FieldBase {
  id: string;
  name?: string | undefined;
  label: ComponentChildren;
  /** What is wrong, in a sentence; it marks the field and stands above the control. */
  error?: ComponentChildren | undefined;
  help?: ComponentChildren | undefined;
  /** Focus this control when the page opens (a form coming back: its first wrong field). */
  autofocus?: boolean | undefined;
}

/** The state a control announces: invalid or not, the texts that describe it, and focus. */
function controlState(p: FieldBase) {
  return {
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(p.id, p.error, p.help),
    autofocus: p.autofocus || undefined,
  };
}

function FieldError({ id, error }: { id: string; error: ComponentChildren | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** Label, error, the control, help. */
function FieldFrame(p: FieldBase & { children: ComponentChildren }) {
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      <FieldError id={p.id} error={p.error} />
      {p.children}
      {p.help && (
        <p class="help" id={`${p.id}-help`}>
          {p.help}
        </p>
      )}
    </div>
  );
}

type Direction = 'ltr' | 'rtl' | 'auto';

export interface TextFieldProps extends FieldBase {
  /** An email address or web address is typed left to right, with the matching phone keyboard. */
  type?: 'text' | 'email' | 'password' | 'url';
  /** Never written back into a password field. */
  value?: string | undefined;
  lang?: string | undefined;
  dir?: Direction | undefined;
  inputMode?: 'text' | 'numeric' | 'url' | 'email';
  placeholder?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
}

/** A one-line text input. */
export function TextField(p: TextFieldProps) {
  const type = p.type ?? 'text';
  const address = type === 'email' || type === 'url';
  return (
    <FieldFrame {...p}>
      <input
        id={p.id}
        name={p.name ?? p.id}
        // Preact's input typings are a union keyed on a literal `type`; each of these is a text input, and a
        // web address is `text` to the browser, so that it does not refuse one without its https://.
        type={(type === 'url' ? 'text' : type) as 'text'}
        value={type === 'password' ? undefined : p.value}
        lang={p.lang}
        dir={p.dir ?? (address ? 'ltr' : undefined)}
        inputMode={p.inputMode ?? (address ? (type as 'email' | 'url') : undefined)}
        placeholder={p.placeholder}
        autocomplete={p.autocomplete}
        required={p.required}
        maxLength={p.maxLength}
        {...controlState(p)}
      />
    </FieldFrame>
  );
}

/** A day typed as YYYY-MM-DD, the form the use cases read: a number pad, left to right, ten characters. */
export function DayField(p: Omit<TextFieldProps, 'type'>) {
  return <TextField {...p} placeholder="YYYY-MM-DD" inputMode="numeric" dir="ltr" maxLength={10} />;
}

export interface TextAreaProps extends FieldBase {
  value: string;
  rows?: number;
  lang?: string | undefined;
  dir?: Direction | undefined;
  required?: boolean;
  maxLength?: number;
  class?: string;
  spellcheck?: boolean;
  /** Ask the preview script to render this Markdown into the element with this id. */
  preview?: { url: string; target: string };
}

/** A text box of several lines. */
export function TextArea(p: TextAreaProps) {
  return (
    <FieldFrame {...p}>
      <textarea
        id={p.id}
        name={p.name ?? p.id}
        rows={p.rows}
        class={p.class}
        lang={p.lang}
        dir={p.dir}
        required={p.required}
        maxLength={p.maxLength}
        spellcheck={p.spellcheck}
        data-preview={p.preview?.url}
        data-preview-target={p.preview?.target}
        {...controlState(p)}
      >
        {p.value}
      </textarea>
    </FieldFrame>
  );
}

export interface SelectFieldProps extends FieldBase {
  options: { value: string; label: string }[];
  /** The chosen option's value. */
  value?: string | undefined;
  /** A first, empty choice ("Choose…"), never marked as chosen. */
  blank?: string;
  dir?: Direction | undefined;
  required?: boolean;
  autocomplete?: string;
}

/** A drop-down list of choices. */
export function SelectField(p: SelectFieldProps) {
  return (
    <FieldFrame {...p}>
      <select
        id={p.id}
        name={p.name ?? p.id}
        dir={p.dir}
        required={p.required}
        autocomplete={p.autocomplete}
        {...controlState(p)}
      >
        {p.blank !== undefined && <option value="">{p.blank}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A file input; `accept` names the types the server takes. */
export function FileField(p: FieldBase & { accept: string }) {
  return (
    <FieldFrame {...p}>
      <input id={p.id} name={p.name ?? p.id} type="file" accept={p.accept} {...controlState(p)} />
    </FieldFrame>
  );
}

/** The picture types a photo or logo field offers to choose from. */
export const imageTypes = 'image/jpeg,image/png,image/webp,image/gif';

/** A checkbox (or one radio button of a group) with its label after it; never ticked unless `checked`. */
export function CheckField(
  p: Omit<FieldBase, 'help'> & {
    type?: 'checkbox' | 'radio';
    /** What the form sends when ticked. */
    value?: string;
    checked: boolean;
    required?: boolean;
  },
) {
  return (
    <div class={`field field--check${p.error ? ' field--error' : ''}`}>
      <FieldError id={p.id} error={p.error} />
      <input
        id={p.id}
        name={p.name ?? p.id}
        type={p.type ?? 'checkbox'}
        value={p.value ?? 'yes'}
        checked={p.checked}
        required={p.required}
        {...controlState(p)}
      />
      <label for={p.id}>{p.label}</label>
    </div>
  );
}

/** At the top of a form that came back: what is wrong, each linked to its field. Nothing when all is well. */
export function ErrorSummary({
  title,
  errors,
}: {
  title: string;
  errors: { field: string; text: string }[];
}) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{title}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why a public form with a form token (request, help translate) was turned away as a whole, not for a field. */
export type FormRefusal = 'form_expired' | 'too_fast' | 'rate_limited';

const refusalKeys = {
  form_expired: 'request.refused.expired',
  too_fast: 'request.refused.tooFast',
  rate_limited: 'request.refused.rateLimited',
} as const satisfies Record<FormRefusal, StringKey>;

/** Above a public form's error summary: why the form as a whole was turned away. Nothing when it was not. */
export function FormRefused({ tr, refused }: { tr: Translator; refused: FormRefusal | undefined }) {
  if (!refused) return null;
  return (
    <p class="notice notice--important" role="alert">
      {tr.t(refusalKeys[refused])}
    </p>
  );
}

/**
 * The field only robots fill, hidden from people and from screen readers, of a public form: `name` is the
 * one its route reads (a form that is filled in here is turned away).
 */
export function Honeypot({ tr, name }: { tr: Translator; name: string }) {
  return (
    <div class="hp" aria-hidden="true">
      <label for={name}>{tr.t('form.honeypot')}</label>
      <input type="text" id={name} name={name} tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/** The end of a public form: the link to the privacy page, then the big submit button labelled `label`. */
export function PrivacyAndSubmit({ tr, label }: { tr: Translator; label: string }) {
  return (
    <>
      <p class="privacy-link">
        <a href={`/${tr.locale}/privacy`}>{tr.t('form.privacy')}</a>
      </p>
      <SubmitButton kind="big">{label}</SubmitButton>
    </>
  );
}

/** The editor's notice after a change ("Invitation sent"), or of a refusal. */
export function Notice({ children, kind = 'ok' }: { children: ComponentChildren; kind?: 'ok' | 'error' }) {
  return (
    <div class={`editor-notice editor-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The interface languages, each in its own name. */
export const languageOptions = () => uiLocales.map((l) => ({ value: l.code, label: nativeName(l.code) }));

/** The languages a campaign can be started or requested in, named in the reader's language and in their own. */
export function campaignLanguageOptions(tr: Translator): { value: string; label: string }[] {
  return languageChoices(tr, campaignLanguages);
}

/** Language choices, named in the reader's language and in their own, sorted for the reader. */
export function languageChoices(
  tr: Translator,
  codes: readonly string[],
): { value: string; label: string }[] {
  const collator = new Intl.Collator(tr.locale);
  return codes
    .map((code) => {
      const name = tr.languageName(code);
      const own = nativeName(code);
      return { value: code, label: own.toLowerCase() !== name.toLowerCase() ? `${name} — ${own}` : name };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
