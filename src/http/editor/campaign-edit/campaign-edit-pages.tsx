import type { EditableCampaign, SuccessorChoice } from '../../../domain/campaign/edit-campaign.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { campaignStatusKeys as statusKeys } from '../../views/editor/labels.js';
import { Notice } from '../../views/form-fields.js';
import {
  PhotoSection,
  type PhotoState,
  SuccessorSection,
  UpdatesSection,
  type UpdatesState,
} from './campaign-edit-forms.js';
import { SettingsSection, type SettingsState } from './campaign-edit-settings.js';
import { TextsSection, type TextsState } from './campaign-edit-texts.js';

export interface EditPageProps extends EditorPageBase {
  campaign: EditableCampaign;
  /** campaigns:edit; without it the page is read-only. */
  canEdit: boolean;
  notice?: StringKey | undefined;
  /** Something about the whole page went wrong (shown at the top). */
  error?: string | undefined;
  texts: TextsState;
  photo: PhotoState;
  settings: SettingsState;
  updates: UpdatesState;
  successor: { value: string; error?: string | undefined; choices: SuccessorChoice[] };
}

function PreviewLinks({ tr, campaign: c }: { tr: Translator; campaign: EditableCampaign }) {
  const t = tr.t;
  const statusKey: Record<string, StringKey> = {
    draft: 'campaignEdit.translation.draft',
    in_review: 'campaignEdit.translation.inReview',
    published: 'campaignEdit.translation.published',
  };
  return (
    <section class="editor-panel" id="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('campaignEdit.previewLinks.title')}</h2>
      <p class="help">{t('campaignEdit.previewLinks.help')}</p>
      {c.translations.length === 0 ? (
        <p>{t('campaignEdit.previewLinks.none')}</p>
      ) : (
        <ul class="editor-links">
          {c.translations.map((x) => (
            <li key={x.locale}>
              <a href={`/editor/campaigns/${c.slug}/preview/${x.locale}`} lang={x.locale} hrefLang={x.locale}>
                {nativeName(x.locale)}
              </a>{' '}
              <span class="editor-list__meta">
                ({t(statusKey[x.status] ?? 'campaignEdit.translation.draft')})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CampaignEditPage(p: EditPageProps) {
  const { tr, campaign: c } = p;
  const t = tr.t;
  const title = t('campaignEdit.title', { headline: c.source?.headline ?? c.slug });
  const parts: { id: string; label: StringKey }[] = [
    { id: 'texts', label: 'campaignEdit.nav.texts' },
    { id: 'photo', label: 'campaignEdit.nav.photo' },
    { id: 'settings', label: 'campaignEdit.nav.settings' },
    { id: 'updates', label: 'campaignEdit.nav.updates' },
    { id: 'successor', label: 'campaignEdit.nav.successor' },
    { id: 'preview', label: 'campaignEdit.nav.preview' },
  ];
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <BackLink href={`/editor/campaigns/${c.slug}`}>{t('campaignEdit.back')}</BackLink>
      <h1 dir="auto">{title}</h1>
      <p class="editor-list__meta">
        {t(statusKeys[c.status])} · <bdi dir="ltr">/campaigns/{c.slug}</bdi>
      </p>
      <nav class="edit-toc" aria-label={t('campaignEdit.nav.label')}>
        <ul>
          {parts.map((x) => (
            <li key={x.id}>
              <a href={`#${x.id}`}>{t(x.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {!p.canEdit && <p class="help">{t('campaignEdit.readOnly')}</p>}
      <TextsSection tr={tr} site={p.site} csrf={p.csrf} campaign={c} canEdit={p.canEdit} texts={p.texts} />
      <PhotoSection tr={tr} csrf={p.csrf} campaign={c} canEdit={p.canEdit} state={p.photo} />
      <SettingsSection tr={tr} csrf={p.csrf} campaign={c} canEdit={p.canEdit} state={p.settings} />
      <UpdatesSection tr={tr} csrf={p.csrf} campaign={c} canEdit={p.canEdit} state={p.updates} />
      <SuccessorSection tr={tr} csrf={p.csrf} campaign={c} canEdit={p.canEdit} {...p.successor} />
      <PreviewLinks tr={tr} campaign={c} />
      {p.canEdit && <script src="/assets/editor-preview.js" defer />}
    </EditorPage>
  );
}
