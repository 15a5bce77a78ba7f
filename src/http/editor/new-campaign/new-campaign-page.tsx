import {
  type CreateCampaignError,
  type CreateCampaignField,
  headlineMax,
  slugMax,
} from '../../../domain/campaign/create-campaign.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import {
  Csrf,
  campaignLanguageOptions,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';

export interface NewCampaignValues {
  headline: string;
  sourceLocale: string;
  slug: string;
}

const errorKeys: Record<CreateCampaignError, StringKey> = {
  HeadlineRequired: 'newCampaign.error.HeadlineRequired',
  HeadlineTooLong: 'newCampaign.error.HeadlineTooLong',
  HeadlineInvalid: 'newCampaign.error.HeadlineInvalid',
  SlugInvalid: 'newCampaign.error.SlugInvalid',
  SlugReserved: 'newCampaign.error.SlugReserved',
  SlugTaken: 'newCampaign.error.SlugTaken',
  LanguageInvalid: 'newCampaign.error.LanguageInvalid',
};

export function createErrorText(tr: Translator, error: CreateCampaignError): string {
  return tr.t(errorKeys[error], { max: error === 'HeadlineTooLong' ? headlineMax : slugMax });
}

export function NewCampaignPage(
  p: EditorPageBase & {
    values: NewCampaignValues;
    errors: Partial<Record<CreateCampaignField, CreateCampaignError>>;
  },
) {
  const { tr, errors } = p;
  const t = tr.t;
  const title = t('newCampaign.title');
  const text = (f: CreateCampaignField) => {
    const e = errors[f];
    return e ? createErrorText(tr, e) : undefined;
  };
  const summary = (['headline', 'sourceLocale', 'slug'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ field: f, text: text(f)! }));
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <BackLink href="/editor/campaigns">{t('lifecycle.back')}</BackLink>
      <h1>{title}</h1>
      <p class="help">{t('newCampaign.help')}</p>
      <ErrorSummary title={t('form.errors.summary', { count: summary.length })} errors={summary} />
      <form method="post" action="/editor/campaigns" class="editor-form editor-panel" novalidate>
        <Csrf token={p.csrf} />
        <TextField
          id="headline"
          label={t('newCampaign.headline.label')}
          value={p.values.headline}
          error={text('headline')}
          required
          maxLength={headlineMax}
          autofocus={summary.length === 0 || Boolean(text('headline'))}
        />
        <SelectField
          id="sourceLocale"
          label={t('newCampaign.language.label')}
          options={campaignLanguageOptions(tr)}
          value={p.values.sourceLocale}
          error={text('sourceLocale')}
        />
        <TextField
          id="slug"
          label={t('newCampaign.slug.label')}
          value={p.values.slug}
          error={text('slug')}
          help={t('newCampaign.slug.help')}
          maxLength={slugMax}
          autocomplete="off"
          autofocus={Boolean(text('slug'))}
        />
        <SubmitButton>{t('newCampaign.submit')}</SubmitButton>
      </form>
    </EditorPage>
  );
}
