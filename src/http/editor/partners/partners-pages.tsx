import type { EditorPartner, RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import {
  type PartnerErrors,
  type PartnerField,
  type PartnerFieldError,
  type PartnerInput,
  partnerLimits,
} from '../../../domain/campaign/partner-fields.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { megabytes } from '../../views/editor/labels.js';
import { MoveButton, RosterFormActions, RosterPage } from '../../views/editor/roster-page.js';
import {
  CheckField,
  Csrf,
  ErrorSummary,
  FileField,
  imageTypes,
  Notice,
  TextArea,
  TextField,
} from '../../views/form-fields.js';

const errorKeys: Record<PartnerField, Partial<Record<PartnerFieldError, StringKey>>> = {
  name: {
    Required: 'partners.error.name.Required',
    TooLong: 'partners.error.name.TooLong',
    InvalidCharacters: 'partners.error.name.InvalidCharacters',
  },
  url: { UrlInvalid: 'partners.error.url.UrlInvalid', TooLong: 'partners.error.url.TooLong' },
  description: { TooLong: 'partners.error.description.TooLong' },
  logo: {
    ImageUnreadable: 'partners.error.logo.ImageUnreadable',
    ImageTooLarge: 'partners.error.logo.ImageTooLarge',
    ImageDimensions: 'partners.error.logo.ImageDimensions',
  },
};

function errorText(tr: Translator, field: PartnerField, error: PartnerFieldError, maxUploadBytes: number) {
  const key = errorKeys[field][error];
  if (!key) return error;
  const max =
    field === 'name' ? partnerLimits.name : field === 'url' ? partnerLimits.url : partnerLimits.description;
  return tr.t(key, { max, size: megabytes(tr, maxUploadBytes) });
}

export interface PartnerFormState {
  form: 'add' | { edit: number };
  values: PartnerInput & { removeLogo?: boolean };
  errors: PartnerErrors;
}

export interface PartnersPageProps extends EditorPageBase {
  campaign: RosterCampaign;
  partners: EditorPartner[];
  canEdit: boolean;
  /** UPLOAD_MAX_MB in bytes, for the "too large" message. */
  maxUploadBytes: number;
  notice?: string | undefined;
  editing?: EditorPartner | undefined;
  state?: PartnerFormState | undefined;
}

const emptyPartner: PartnerInput = { name: '', url: '', description: '' };

function PartnerForm(p: {
  page: PartnersPageProps;
  action: string;
  prefix: string;
  heading: string;
  button: string;
  values: PartnerInput & { removeLogo?: boolean };
  errors: PartnerErrors;
  current?: EditorPartner | undefined;
  cancel?: string;
}) {
  const { tr } = p.page;
  const t = tr.t;
  const id = (f: PartnerField | 'removeLogo') => `${p.prefix}-${f}`;
  const err = (f: PartnerField) => {
    const e = p.errors[f];
    return e ? errorText(tr, f, e, p.page.maxUploadBytes) : undefined;
  };
  /** Id (this form's own), name, value and error of a text field. */
  const field = (f: keyof PartnerInput) => ({ id: id(f), name: f, value: p.values[f], error: err(f) });
  const order: PartnerField[] = ['name', 'url', 'description', 'logo'];
  const summary = order.flatMap((f) => {
    const text = err(f);
    return text ? [{ field: id(f), text }] : [];
  });
  const logoError = err('logo');
  return (
    <section class="editor-panel roster-form" id={`${p.prefix}-form`} aria-labelledby={`${p.prefix}-heading`}>
      <h2 id={`${p.prefix}-heading`} dir="auto">
        {p.heading}
      </h2>
      <ErrorSummary title={t('form.errors.summary', { count: summary.length })} errors={summary} />
      <form method="post" action={p.action} enctype="multipart/form-data" class="editor-form" novalidate>
        <Csrf token={p.page.csrf} />
        <TextField
          {...field('name')}
          label={t('partners.field.name')}
          maxLength={partnerLimits.name}
          required
          autofocus={Boolean(err('name'))}
        />
        <TextField
          {...field('url')}
          label={t('partners.field.url')}
          help={t('partners.field.urlHelp')}
          maxLength={partnerLimits.url}
          autocomplete="off"
          autofocus={Boolean(err('url'))}
        />
        <TextArea
          {...field('description')}
          label={t('partners.field.description')}
          dir="auto"
          class="roster-description"
        />
        <FileField
          id={id('logo')}
          name="logo"
          label={t('partners.field.logo')}
          accept={imageTypes}
          error={logoError}
          help={t('partners.field.logoHelp')}
        />
        {p.current?.logoPath && (
          <CheckField
            id={id('removeLogo')}
            name="removeLogo"
            label={
              <>
                {t('partners.field.removeLogo')}{' '}
                <img
                  class="roster-logo"
                  src={p.current.logoPath}
                  alt={t('partners.field.currentLogo')}
                  height={32}
                />
              </>
            }
            checked={p.values.removeLogo ?? false}
          />
        )}
        <RosterFormActions tr={tr} button={p.button} cancel={p.cancel} />
      </form>
    </section>
  );
}

function PartnerCard({
  p,
  partner,
  first,
  last,
}: {
  p: PartnersPageProps;
  partner: EditorPartner;
  first: boolean;
  last: boolean;
}) {
  const { tr, csrf } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${p.campaign.slug}/partners/${partner.id}`;
  const name = partner.name;
  return (
    <li class="editor-panel roster-card" id={`partner-${partner.id}`}>
      <div class="roster-card__head">
        {partner.logoPath && <img class="roster-logo" src={partner.logoPath} alt="" height={40} />}
        <h3 dir="auto">{name}</h3>
      </div>
      {partner.url && (
        <p class="roster-card__meta">
          <a href={partner.url} rel="noopener noreferrer" dir="ltr">
            {partner.url}
          </a>
        </p>
      )}
      {partner.description && (
        <p class="roster-card__description" dir="auto">
          {partner.description}
        </p>
      )}
      {p.canEdit && (
        <div class="editor-actions roster-card__actions">
          <a
            class="button button--secondary button--small"
            href={`/editor/campaigns/${p.campaign.slug}/partners?edit=${partner.id}#edit-form`}
            aria-label={t('targets.action.editLabel', { name })}
          >
            {t('targets.action.edit')}
          </a>
          {!first && <MoveButton tr={tr} csrf={csrf} action={`${base}/move`} direction="up" name={name} />}
          {!last && <MoveButton tr={tr} csrf={csrf} action={`${base}/move`} direction="down" name={name} />}
          <form method="post" action={`${base}/remove`}>
            <Csrf token={csrf} />
            <button
              class="button button--secondary button--small"
              type="submit"
              aria-label={t('targets.action.removeLabel', { name })}
            >
              {t('targets.action.remove')}
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

export function PartnersPage(p: PartnersPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const title = t('partners.title');
  const base = `/editor/campaigns/${campaign.slug}/partners`;
  const editing = p.editing;
  const editState =
    editing && p.state && typeof p.state.form === 'object' && p.state.form.edit === editing.id
      ? p.state
      : undefined;
  const addState = p.state?.form === 'add' ? p.state : undefined;
  return (
    <RosterPage {...p} title={title}>
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>{t('partners.intro')}</p>
      {p.canEdit && (
        <p>
          <a href={`/editor/campaigns/${campaign.slug}/report-links`}>{t('reportLinks.nav')}</a>
        </p>
      )}
      {editing && p.canEdit && (
        <PartnerForm
          page={p}
          action={`${base}/${editing.id}`}
          prefix="edit"
          heading={t('targets.edit.heading', { name: editing.name })}
          button={t('targets.edit.button')}
          values={
            editState?.values ?? {
              name: editing.name,
              url: editing.url ?? '',
              description: editing.description ?? '',
            }
          }
          errors={editState?.errors ?? {}}
          current={editing}
          cancel={`${base}#partner-${editing.id}`}
        />
      )}
      {p.partners.length === 0 ? (
        <p>{t('partners.none')}</p>
      ) : (
        <ul class="roster-cards">
          {p.partners.map((partner, i) => (
            <PartnerCard
              key={partner.id}
              p={p}
              partner={partner}
              first={i === 0}
              last={i === p.partners.length - 1}
            />
          ))}
        </ul>
      )}
      {p.canEdit && (
        <PartnerForm
          page={p}
          action={base}
          prefix="partner"
          heading={t('partners.add.heading')}
          button={t('partners.add.button')}
          values={addState?.values ?? emptyPartner}
          errors={addState?.errors ?? {}}
        />
      )}
    </RosterPage>
  );
}
