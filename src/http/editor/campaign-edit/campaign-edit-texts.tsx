// The campaign editor's first form: the source-language texts (headline, Markdown background with its
// preview, default message, subject and salutation of letters to targets), the more-information link, the
// goal, the slug and the source language, with the stale-save comparison and the slug confirmation.
import type { ComponentChildren } from 'preact';
import type { EditableCampaign } from '../../../domain/campaign/edit-campaign.js';
import { textLimits } from '../../../domain/campaign/edit-campaign.js';
import {
  storedTexts,
  type TextsErrors,
  type TextsField,
  type TextsInput,
} from '../../../domain/campaign/edit-campaign-texts.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import {
  CheckField,
  Csrf,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import { MarkdownPreview } from './campaign-edit-forms.js';

/** The texts form as typed (or as stored, on a fresh page): what the use case takes, `slug` the one typed. */
export type TextsFormValues = Omit<TextsInput, 'slug' | 'newSlug' | 'confirmSlug'> & { slug: string };

export function textsFormValues(c: EditableCampaign): TextsFormValues {
  const { slug: _opened, newSlug, confirmSlug: _confirmed, ...texts } = storedTexts(c);
  return { ...texts, slug: newSlug };
}

export interface TextsState {
  values: TextsFormValues;
  errors: TextsErrors;
  /** Someone else saved first: their version, shown beside what this editor typed. */
  stale?: EditableCampaign | undefined;
  /** The slug of a public campaign is about to change: ask first. */
  confirmSlug?: { from: string; to: string } | undefined;
}

/** Languages campaigns are often written in, offered for the source language besides the campaign's own. */
const commonLanguages = [
  'en',
  'ar',
  'bn',
  'de',
  'es',
  'fa',
  'fr',
  'hi',
  'id',
  'it',
  'ja',
  'kk',
  'ko',
  'ky',
  'ms',
  'ne',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ru',
  'sw',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
];

export const textsErrorKeys = {
  Required: 'campaignEdit.error.Required',
  TooLong: 'campaignEdit.error.TooLong',
  InvalidCharacters: 'campaignEdit.error.InvalidCharacters',
  UrlInvalid: 'campaignEdit.error.UrlInvalid',
  GoalInvalid: 'campaignEdit.error.GoalInvalid',
  GoalTooLarge: 'campaignEdit.error.GoalTooLarge',
  SlugRequired: 'campaignEdit.error.SlugRequired',
  SlugFormat: 'campaignEdit.error.SlugFormat',
  SlugTooLong: 'campaignEdit.error.TooLong',
  SlugReserved: 'campaignEdit.error.SlugReserved',
  SlugTaken: 'campaignEdit.error.SlugTaken',
  LocaleInvalid: 'campaignEdit.error.LocaleInvalid',
  LocaleTaken: 'campaignEdit.error.LocaleTaken',
} as const satisfies Record<NonNullable<TextsErrors[TextsField]>, StringKey>;

const textsMax: Record<TextsField, number> = {
  headline: textLimits.headline,
  background: textLimits.background,
  defaultMessage: textLimits.defaultMessage,
  subject: textLimits.subject,
  salutation: textLimits.salutation,
  moreInfoUrl: textLimits.moreInfoUrl,
  goal: textLimits.goal,
  slug: textLimits.slug,
  sourceLocale: 20,
};

const textsOrder: TextsField[] = [
  'headline',
  'background',
  'defaultMessage',
  'subject',
  'salutation',
  'moreInfoUrl',
  'goal',
  'slug',
  'sourceLocale',
];

function languageLabel(tr: Translator, code: string): string {
  const own = nativeName(code);
  const inUi = tr.languageName(code);
  return own === inUi ? inUi : `${inUi} — ${own}`;
}

/** Their saved version, field by field where it differs from what this editor typed. */
function StalePanel({
  tr,
  stale,
  values,
}: {
  tr: Translator;
  stale: EditableCampaign;
  values: TextsFormValues;
}) {
  const t = tr.t;
  const theirs = textsFormValues(stale);
  const rows: { field: TextsField; label: string; value: ComponentChildren }[] = [];
  const add = (field: TextsField, key: StringKey, markdown = false) => {
    const a = theirs[field];
    if (a === values[field]) return;
    rows.push({
      field,
      label: t(key),
      value: markdown ? (
        <div dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(a) }} />
      ) : (
        <span dir="auto">{a === '' ? t('campaignEdit.stale.empty') : a}</span>
      ),
    });
  };
  add('headline', 'campaignEdit.field.headline');
  add('background', 'campaignEdit.field.background', true);
  add('defaultMessage', 'campaignEdit.field.defaultMessage');
  add('subject', 'campaignEdit.field.subject');
  add('salutation', 'campaignEdit.field.salutation');
  add('moreInfoUrl', 'campaignEdit.field.moreInfoUrl');
  add('goal', 'campaignEdit.field.goal');
  add('slug', 'campaignEdit.field.slug');
  add('sourceLocale', 'campaignEdit.field.sourceLocale');
  return (
    <div class="edit-stale" role="alert">
      <p>
        <strong>{t('campaignEdit.stale.title')}</strong>
      </p>
      <p>{t('campaignEdit.stale.body')}</p>
      {rows.length > 0 && (
        <dl class="edit-stale__diff">
          {rows.map((r) => (
            <div key={r.field}>
              <dt class="edit-stale__label">{t('campaignEdit.stale.theirs', { field: r.label })}</dt>
              <dd class="edit-stale__value">{r.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function TextsSection(p: {
  tr: Translator;
  site: SiteInfo;
  csrf: string;
  campaign: EditableCampaign;
  canEdit: boolean;
  texts: TextsState;
}) {
  const { tr, campaign: c, texts } = p;
  const t = tr.t;
  const v = texts.values;
  const err = (f: TextsField) => {
    const code = texts.errors[f];
    return code && t(textsErrorKeys[code], { max: textsMax[f] });
  };
  const wrong = textsOrder.filter((f) => texts.errors[f]);
  /** Id, value, error and focus of a field: the first wrong one is focused. */
  const field = (f: TextsField) => ({ id: f, value: v[f], error: err(f), autofocus: wrong[0] === f });
  const lang = v.sourceLocale;
  const base = `/editor/campaigns/${c.slug}/edit`;
  const languages = [
    ...new Set([c.sourceLocale, ...c.translations.map((x) => x.locale), ...commonLanguages]),
  ];
  const publicUrl = `${p.site.baseUrl}/${c.sourceLocale}/campaigns/${v.slug}`;
  return (
    <section class="editor-panel" id="texts" aria-labelledby="texts-title">
      <h2 id="texts-title">{t('campaignEdit.texts.title', { language: tr.languageName(c.sourceLocale) })}</h2>
      <p class="help">{t('campaignEdit.texts.help')}</p>
      {texts.stale && <StalePanel tr={tr} stale={texts.stale} values={v} />}
      <form method="post" action={`${base}/texts#texts`} class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="revision" value={v.token} />
        <ErrorSummary
          title={t('campaignEdit.errors.summary', { count: wrong.length })}
          errors={wrong.map((f) => ({ field: f, text: err(f) ?? '' }))}
        />
        {texts.confirmSlug && (
          <div class="edit-confirm" role="alert">
            <p>
              <strong>{t('campaignEdit.slug.confirmTitle')}</strong>
            </p>
            <p>
              {t('campaignEdit.slug.confirmBody', {
                from: `/campaigns/${texts.confirmSlug.from}`,
                to: `/campaigns/${texts.confirmSlug.to}`,
              })}
            </p>
            <SubmitButton name="confirmSlug" value="yes">
              {t('campaignEdit.slug.confirmButton')}
            </SubmitButton>
          </div>
        )}
        <fieldset class="edit-fieldset" disabled={!p.canEdit}>
          <TextField
            {...field('headline')}
            label={t('campaignEdit.field.headline')}
            lang={lang}
            dir="auto"
            maxLength={textLimits.headline}
            autocomplete="off"
          />
          <div class="edit-columns">
            <TextArea
              {...field('background')}
              label={t('campaignEdit.field.background')}
              help={t('campaignEdit.field.backgroundHelp')}
              lang={lang}
              dir="auto"
              rows={16}
              maxLength={textLimits.background}
              preview={{ url: `${base}/preview-markdown`, target: 'background-preview' }}
            />
            <MarkdownPreview tr={tr} id="background-preview" markdown={v.background} />
          </div>
          <TextArea
            {...field('defaultMessage')}
            label={t('campaignEdit.field.defaultMessage')}
            help={t('campaignEdit.field.defaultMessageHelp')}
            lang={lang}
            dir="auto"
            rows={8}
            maxLength={textLimits.defaultMessage}
          />
          <fieldset class="edit-group">
            <legend>{t('campaignEdit.letters.legend')}</legend>
            <TextField
              {...field('subject')}
              label={t('campaignEdit.field.subject')}
              lang={lang}
              dir="auto"
              maxLength={textLimits.subject}
              autocomplete="off"
            />
            <TextField
              {...field('salutation')}
              label={t('campaignEdit.field.salutation')}
              help={t('campaignEdit.field.salutationHelp')}
              lang={lang}
              dir="auto"
              maxLength={textLimits.salutation}
              autocomplete="off"
            />
          </fieldset>
          <TextField
            {...field('moreInfoUrl')}
            label={t('campaignEdit.field.moreInfoUrl')}
            help={t('campaignEdit.field.moreInfoUrlHelp')}
            dir="ltr"
            inputMode="url"
            placeholder="https://"
            maxLength={textLimits.moreInfoUrl}
            autocomplete="off"
          />
          <TextField
            {...field('goal')}
            label={t('campaignEdit.field.goal')}
            help={t('campaignEdit.field.goalHelp')}
            inputMode="numeric"
            maxLength={20}
            autocomplete="off"
          />
          <TextField
            {...field('slug')}
            label={t('campaignEdit.field.slug')}
            help={
              <>
                {t('campaignEdit.field.slugHelp')}{' '}
                <bdi class="edit-url" dir="ltr">
                  {publicUrl}
                </bdi>
                {c.oldSlugs.length > 0 && (
                  <>
                    {' '}
                    {t('campaignEdit.field.oldSlugs', { count: c.oldSlugs.length })}{' '}
                    <bdi class="edit-url" dir="ltr">
                      {c.oldSlugs.join(', ')}
                    </bdi>
                  </>
                )}
              </>
            }
            dir="ltr"
            maxLength={textLimits.slug}
            autocomplete="off"
          />
          <SelectField
            {...field('sourceLocale')}
            label={t('campaignEdit.field.sourceLocale')}
            options={languages.map((code) => ({ value: code, label: languageLabel(tr, code) }))}
            help={t('campaignEdit.field.sourceLocaleHelp')}
          />
          {c.source && c.source.status !== 'published' && (
            <CheckField id="publish" label={t('campaignEdit.field.publish')} checked={v.publish} />
          )}
        </fieldset>
        {p.canEdit && (
          <div class="editor-actions">
            <SubmitButton name="intent" value="save">
              {t('campaignEdit.texts.save')}
            </SubmitButton>
            <SubmitButton
              kind="secondary"
              name="intent"
              value="preview"
              formAction={`${base}/texts#background-preview`}
            >
              {t('campaignEdit.texts.preview')}
            </SubmitButton>
          </div>
        )}
      </form>
    </section>
  );
}
