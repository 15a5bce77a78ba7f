// The campaign editor's smaller forms, below the texts on the same page: the photo with its alt text, the
// dated updates and the follow-up campaign (the delivery settings are in campaign-edit-settings.tsx), and
// the Markdown preview beside the background and the updates. Each form posts to its own URL, so saving
// one never touches another.
import {
  type EditableCampaign,
  type SuccessorChoice,
  textLimits,
} from '../../../domain/campaign/edit-campaign.js';
import type { PhotoErrors } from '../../../domain/campaign/edit-campaign-photo.js';
import type { UpdateErrors, UpdateField } from '../../../domain/campaign/post-update.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { campaignStatusKeys as statusKeys } from '../../views/editor/labels.js';
import {
  Csrf,
  DayField,
  FileField,
  imageTypes,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { renderMarkdown } from '../../views/markdown.js';

interface SectionProps {
  tr: Translator;
  csrf: string;
  campaign: EditableCampaign;
  canEdit: boolean;
}

const base = (c: EditableCampaign) => `/editor/campaigns/${c.slug}`;

/** Markdown rendered exactly as the public page renders it. */
export function MarkdownPreview({ tr, id, markdown }: { tr: Translator; id: string; markdown: string }) {
  return (
    <section class="md-preview" aria-labelledby={`${id}-title`}>
      <p class="md-preview__title" id={`${id}-title`}>
        {tr.t('campaignEdit.preview.label')}
      </p>
      <div
        id={id}
        class="md-preview__body"
        dir="auto"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
      />
    </section>
  );
}

// ——— Photo ———

export interface PhotoState {
  alt: string;
  errors: PhotoErrors;
  /** The upload limit, for the "too large" message. */
  maxMb: number;
}

const photoErrorKeys = {
  ImageUnreadable: 'campaignEdit.photo.error.ImageUnreadable',
  ImageTooLarge: 'campaignEdit.photo.error.ImageTooLarge',
  ImageDimensions: 'campaignEdit.photo.error.ImageDimensions',
  PhotoRequired: 'campaignEdit.photo.error.PhotoRequired',
  Required: 'campaignEdit.photo.error.AltRequired',
  TooLong: 'campaignEdit.error.TooLong',
  InvalidCharacters: 'campaignEdit.error.InvalidCharacters',
} as const satisfies Record<NonNullable<PhotoErrors['photo']>, StringKey>;

export function PhotoSection({
  tr,
  csrf,
  campaign: c,
  canEdit,
  state,
}: SectionProps & { state: PhotoState }) {
  const t = tr.t;
  const err = (field: 'photo' | 'alt') => {
    const code = state.errors[field];
    return code && t(photoErrorKeys[code], { max: field === 'alt' ? textLimits.photoAlt : state.maxMb });
  };
  const photoError = err('photo');
  return (
    <section class="editor-panel" id="photo" aria-labelledby="photo-title">
      <h2 id="photo-title">{t('campaignEdit.photo.title')}</h2>
      {c.photoPath ? (
        <figure class="edit-photo">
          <img src={c.photoPath} alt={c.source?.photoAlt ?? ''} />
          <figcaption dir="auto">{c.source?.photoAlt || t('campaignEdit.photo.noAlt')}</figcaption>
        </figure>
      ) : (
        <p>{t('campaignEdit.photo.none')}</p>
      )}
      <form
        method="post"
        action={`${base(c)}/edit/photo#photo`}
        enctype="multipart/form-data"
        class="editor-form"
        novalidate
      >
        <Csrf token={csrf} />
        <fieldset class="edit-fieldset" disabled={!canEdit}>
          <FileField
            id="photo-file"
            name="photo"
            label={t(c.photoPath ? 'campaignEdit.photo.replace' : 'campaignEdit.photo.file')}
            accept={imageTypes}
            error={photoError}
            help={t('campaignEdit.photo.fileHelp', { max: state.maxMb })}
            autofocus={Boolean(photoError)}
          />
          <TextField
            id="alt"
            label={t('campaignEdit.photo.alt', { language: tr.languageName(c.sourceLocale) })}
            value={state.alt}
            error={err('alt')}
            help={t('campaignEdit.photo.altHelp')}
            lang={c.sourceLocale}
            dir="auto"
            maxLength={textLimits.photoAlt}
            autofocus={!photoError && Boolean(state.errors.alt)}
            autocomplete="off"
          />
        </fieldset>
        {canEdit && <SubmitButton>{t('campaignEdit.photo.save')}</SubmitButton>}
      </form>
      {canEdit && c.photoPath && (
        <form method="post" action={`${base(c)}/edit/photo/remove#photo`} class="edit-inline-form">
          <Csrf token={csrf} />
          <SubmitButton kind="secondary">{t('campaignEdit.photo.remove')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

// ——— Updates ———

export interface UpdateFormValues {
  day: string;
  locale: string;
  text: string;
}

export interface UpdatesState {
  /** The form for a new update. */
  fresh: { values: UpdateFormValues; errors: UpdateErrors };
  /** An existing update whose edit came back with errors. */
  editing?: { id: number; values: UpdateFormValues; errors: UpdateErrors } | undefined;
}

const updateErrorKeys = {
  DateFormat: 'campaignEdit.error.DateFormat',
  Future: 'campaignEdit.updates.error.Future',
  LocaleInvalid: 'campaignEdit.error.LocaleInvalid',
  Required: 'campaignEdit.error.Required',
  TooLong: 'campaignEdit.error.TooLong',
} as const satisfies Record<NonNullable<UpdateErrors[UpdateField]>, StringKey>;

function UpdateFields({
  tr,
  campaign: c,
  prefix,
  values,
  errors,
}: {
  tr: Translator;
  campaign: EditableCampaign;
  prefix: string;
  values: UpdateFormValues;
  errors: UpdateErrors;
}) {
  const t = tr.t;
  const err = (f: UpdateField) => {
    const code = errors[f];
    return code && t(updateErrorKeys[code], { max: textLimits.update });
  };
  const first = (['day', 'locale', 'text'] as UpdateField[]).find((f) => errors[f]);
  /** Id (this form's own), name, value, error and focus of a field: the first wrong one is focused. */
  const field = (f: 'day' | 'text') => ({
    id: `${prefix}-${f}`,
    name: f,
    value: values[f],
    error: err(f),
    autofocus: first === f,
  });
  return (
    <>
      <DayField
        {...field('day')}
        label={t('campaignEdit.updates.day')}
        help={t('campaignEdit.updates.dayHelp')}
        autocomplete="off"
      />
      <div class={`field${errors.locale ? ' field--error' : ''}`}>
        <label for={`${prefix}-locale`}>{t('campaignEdit.updates.locale')}</label>
        {errors.locale && <p class="field-error">{err('locale')}</p>}
        <select id={`${prefix}-locale`} name="locale">
          {c.translations.map((x) => (
            <option key={x.locale} value={x.locale} selected={x.locale === values.locale}>
              {nativeName(x.locale)}
            </option>
          ))}
        </select>
      </div>
      <TextArea
        {...field('text')}
        label={t('campaignEdit.updates.text')}
        help={t('campaignEdit.field.backgroundHelp')}
        dir="auto"
        rows={5}
        maxLength={textLimits.update}
        preview={{ url: `${base(c)}/edit/preview-markdown`, target: `${prefix}-preview` }}
      />
      <MarkdownPreview tr={tr} id={`${prefix}-preview`} markdown={values.text} />
    </>
  );
}

export function UpdatesSection({
  tr,
  csrf,
  campaign: c,
  canEdit,
  state,
}: SectionProps & { state: UpdatesState }) {
  const t = tr.t;
  return (
    <section class="editor-panel" id="updates" aria-labelledby="updates-title">
      <h2 id="updates-title">{t('campaignEdit.updates.title')}</h2>
      <p class="help">{t('campaignEdit.updates.help')}</p>
      {c.updates.length === 0 ? (
        <p>{t('campaignEdit.updates.none')}</p>
      ) : (
        <ul class="edit-updates">
          {c.updates.map((u) => {
            const editing = state.editing?.id === u.id ? state.editing : undefined;
            return (
              <li key={u.id} class="edit-update">
                <p class="edit-update__meta">
                  <strong>
                    <time dateTime={u.day}>{tr.date(Date.parse(`${u.day}T00:00:00Z`))}</time>
                  </strong>{' '}
                  · <span lang={u.locale}>{nativeName(u.locale)}</span>
                </p>
                <div
                  dir="auto"
                  lang={u.locale}
                  dangerouslySetInnerHTML={{ __html: renderMarkdown(u.bodyMd) }}
                />
                {canEdit && (
                  <details open={Boolean(editing)}>
                    <summary>{t('campaignEdit.updates.edit')}</summary>
                    <form
                      method="post"
                      action={`${base(c)}/updates/${u.id}#updates`}
                      class="editor-form"
                      novalidate
                    >
                      <Csrf token={csrf} />
                      <UpdateFields
                        tr={tr}
                        campaign={c}
                        prefix={`update-${u.id}`}
                        values={editing?.values ?? { day: u.day, locale: u.locale, text: u.bodyMd }}
                        errors={editing?.errors ?? {}}
                      />
                      <SubmitButton>{t('campaignEdit.updates.save')}</SubmitButton>
                    </form>
                    <form
                      method="post"
                      action={`${base(c)}/updates/${u.id}/delete#updates`}
                      class="edit-inline-form"
                    >
                      <Csrf token={csrf} />
                      <SubmitButton kind="danger">{t('campaignEdit.updates.delete')}</SubmitButton>
                    </form>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && c.translations.length > 0 && (
        <form
          method="post"
          action={`${base(c)}/updates#updates`}
          class="editor-form edit-new-update"
          novalidate
        >
          <h3>{t('campaignEdit.updates.new')}</h3>
          <Csrf token={csrf} />
          <UpdateFields
            tr={tr}
            campaign={c}
            prefix="new-update"
            values={state.fresh.values}
            errors={state.fresh.errors}
          />
          <SubmitButton>{t('campaignEdit.updates.post')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

// ——— Follow-up campaign ———

const successorErrorKeys = {
  SuccessorUnknown: 'campaignEdit.successor.error.Unknown',
  SuccessorSelf: 'campaignEdit.successor.error.Self',
  SuccessorCycle: 'campaignEdit.successor.error.Cycle',
} as const satisfies Record<string, StringKey>;

export type SuccessorError = keyof typeof successorErrorKeys;

export function successorErrorText(tr: Translator, error: SuccessorError): string {
  return tr.t(successorErrorKeys[error]);
}

export function SuccessorSection({
  tr,
  csrf,
  campaign: c,
  canEdit,
  value,
  error,
  choices,
}: SectionProps & { value: string; error?: string | undefined; choices: SuccessorChoice[] }) {
  const t = tr.t;
  return (
    <section class="editor-panel" id="successor" aria-labelledby="successor-title">
      <h2 id="successor-title">{t('campaignEdit.successor.title')}</h2>
      <p class="help">{t('campaignEdit.successor.help')}</p>
      {c.successor && (
        <p>
          {t('campaignEdit.successor.current')}{' '}
          <a href={`/editor/campaigns/${c.successor.slug}`} dir="auto">
            {c.successor.headline ?? c.successor.slug}
          </a>{' '}
          ({t(statusKeys[c.successor.status])})
        </p>
      )}
      <form method="post" action={`${base(c)}/edit/successor#successor`} class="editor-form" novalidate>
        <Csrf token={csrf} />
        <fieldset class="edit-fieldset" disabled={!canEdit}>
          <SelectField
            id="successor-choice"
            name="successor"
            label={t('campaignEdit.successor.label')}
            blank={t('campaignEdit.successor.none')}
            options={choices.map((x) => ({
              value: x.slug,
              label: `${x.headline ?? x.slug} (${t(statusKeys[x.status])})`,
            }))}
            value={value}
            error={error}
            autofocus={Boolean(error)}
          />
        </fieldset>
        {canEdit && <SubmitButton>{t('campaignEdit.successor.save')}</SubmitButton>}
      </form>
    </section>
  );
}
