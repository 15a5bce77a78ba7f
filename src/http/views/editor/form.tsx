// Form pieces the editor pages share: the hidden CSRF field, labelled fields with their error and help
// tied to them, an error summary, and notices after a change ("Invitation sent").
import type { ComponentChildren } from 'preact';
import { nativeName, uiLocales } from '../../../i18n/locales.js';
import { csrfField } from '../../../security/csrf.js';

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name={csrfField} value={token} />;
}

export interface FieldProps {
  id: string;
  name?: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  error?: string | undefined;
  help?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  autofocus?: boolean;
}

export function Field(p: FieldProps) {
  const described = [p.error ? `${p.id}-error` : '', p.help ? `${p.id}-help` : ''].filter(Boolean).join(' ');
  const type = p.type ?? 'text';
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      {p.error && (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
      <input
        id={p.id}
        name={p.name ?? p.id}
        // Preact's input typings are a union keyed on a literal `type`; all three are plain text inputs.
        type={type as 'text'}
        value={type === 'password' ? undefined : p.value}
        autocomplete={p.autocomplete}
        inputMode={type === 'email' ? 'email' : undefined}
        dir={type === 'email' ? 'ltr' : undefined}
        required={p.required}
        maxLength={p.maxLength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
        autofocus={p.autofocus || Boolean(p.error) || undefined}
      />
      {p.help && (
        <p class="help" id={`${p.id}-help`}>
          {p.help}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  id,
  label,
  options,
  value,
}: {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The interface languages, each in its own name. */
export const languageOptions = () => uiLocales.map((l) => ({ value: l.code, label: nativeName(l.code) }));

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

export function Notice({ children, kind = 'ok' }: { children: ComponentChildren; kind?: 'ok' | 'error' }) {
  return (
    <div class={`editor-notice editor-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
