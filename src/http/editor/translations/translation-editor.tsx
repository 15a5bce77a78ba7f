// The side-by-side translation editor every translated text uses (campaign texts, mailings): the status,
// the reviewer's note, "someone saved meanwhile" with their version, "source changed", each source field
// beside its translation, save / submit / publish, and the reviewers' send-back form. What differs by kind
// (the fields, how the source change is shown, warnings) comes in as props. Plain forms, no JavaScript
// needed; editor-preview.js refreshes a Markdown field's preview, and translation-autosave.js saves a
// draft (or a text not yet started) while the translator types, so a closed tab or a lost connection
// loses a few seconds of work at most.
import type { ComponentChildren } from 'preact';
import type { TranslationStatus } from '../../../domain/campaign/campaign.js';
import type { FieldError } from '../../../domain/translation/translation-steps.js';
import { directionOf } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import {
  CheckField,
  Csrf,
  ErrorSummary,
  Notice,
  SubmitButton,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { MarkdownPreview } from '../campaign-edit/campaign-edit-forms.js';

export const statusKeys: Record<string, StringKey> = {
  missing: 'translations.status.missing',
  draft: 'translations.status.draft',
  in_review: 'translations.status.inReview',
  published: 'translations.status.published',
  source: 'translations.status.source',
};

const errorKeys: Record<FieldError, StringKey> = {
  Required: 'translations.error.required',
  TooLong: 'translations.error.tooLong',
  InvalidCharacters: 'translations.error.invalidCharacters',
};

export interface EditorField {
  key: string;
  /** The field's name in the interface language ("Subject"). */
  label: string;
  long: boolean;
  rows?: number;
  /** A Markdown field: its live preview's element id. */
  previewId?: string;
}

export interface TranslationFormState<F extends string = string> {
  values: Record<F, string>;
  token: string;
  markUpdated: boolean;
  errors: Partial<Record<F, FieldError>>;
  note?: string;
  noteMissing?: boolean;
  /** A colleague saved first (409): their version, shown beside what this person typed. */
  staleSave?: boolean;
}

export interface StoredVersion {
  status: TranslationStatus;
  reviewNote: string | null;
  updatedBy: string | null;
  texts: Record<string, string>;
}

export function TranslationEditor(
  p: EditorPageBase & {
    title: string;
    /** Where the form posts (and, with /send-back, the reviewers' form). */
    action: string;
    sourceLocale: string;
    locale: string;
    fields: EditorField[];
    source: Record<string, string>;
    stored: StoredVersion | null;
    stale: boolean;
    /** What the "source changed" box shows under its explanation. */
    sourceChanged: ComponentChildren;
    publishedWarning: StringKey;
    /** Why no step is possible any more (a sent mailing); the buttons are left out. */
    closed?: string | undefined;
    /** A Publish button (a reviewer of the language, or a trusted translator's own work): their saves keep the status. */
    canPublish: boolean;
    /** The send-back form under a translation in review (a reviewer of the language). */
    canSendBack: boolean;
    /** Who claimed the language and when (decision 0042), shown above the form; claims do not lock it. */
    claimNotice?: ComponentChildren;
    notice?: string | undefined;
    form: TranslationFormState;
    /** Help beside the source: above the fields, and under each field's source text (translation memory). */
    aids?: { top?: ComponentChildren; byField?: Partial<Record<string, ComponentChildren>> } | undefined;
    /** A box after the form and the send-back form (campaign texts: the XLIFF exchange). */
    after?: ComponentChildren;
  },
) {
  const { tr, form, stored } = p;
  const t = tr.t;
  const target = p.locale;
  const wrong = p.fields.filter((f) => form.errors[f.key]);
  const err = (key: string) => {
    const code = form.errors[key];
    return code && t(errorKeys[code]);
  };
  const status = stored?.status ?? 'missing';
  // Only what a save leaves as a draft: a save never changes a text in review or published behind anyone's back.
  const autosave = !p.closed && (status === 'missing' || status === 'draft');
  return (
    <EditorPage page={p} title={p.title} section="translations">
      <BackLink href="/editor/translations">{t('translations.editor.back')}</BackLink>
      <h1 dir="auto">{p.title}</h1>
      <p class="editor-list__meta">
        {t('translations.editor.state', { status: t(statusKeys[status]!) })}
        {stored?.updatedBy && (
          <>
            {' · '}
            {t('translations.editor.lastSaved')} <bdi dir="ltr">{stored.updatedBy}</bdi>
          </>
        )}
      </p>
      {p.notice && <Notice>{p.notice}</Notice>}
      {p.claimNotice}
      {p.closed && (
        <p class="edit-stale" role="note" id="closed">
          {p.closed}
        </p>
      )}
      {form.staleSave && (
        <div class="edit-stale" role="alert">
          <p>
            <strong>{t('translations.staleSave.title')}</strong>
          </p>
          <p>{t('translations.staleSave.body')}</p>
          {stored && (
            <dl class="edit-stale__diff">
              {p.fields
                .filter((f) => stored.texts[f.key] !== form.values[f.key])
                .map((f) => (
                  <div key={f.key}>
                    <dt class="edit-stale__label">
                      {t('translations.staleSave.theirs', { field: f.label })}
                    </dt>
                    <dd class="edit-stale__value" lang={target} dir="auto">
                      <span>{stored.texts[f.key]}</span>
                    </dd>
                  </div>
                ))}
            </dl>
          )}
        </div>
      )}
      {stored?.reviewNote && stored.status === 'draft' && (
        <div class="edit-confirm" role="note">
          <p>
            <strong>{t('translations.editor.noteTitle')}</strong>
          </p>
          <p class="translation-note" dir="auto">
            {stored.reviewNote}
          </p>
        </div>
      )}
      {p.stale && (
        <div class="edit-stale" role="alert" id="source-changed">
          <p>
            <strong>{t('translations.sourceChanged.title')}</strong>
          </p>
          <p>{t('translations.sourceChanged.body')}</p>
          {p.sourceChanged}
        </div>
      )}
      {p.aids?.top}
      <form
        method="post"
        action={`${p.action}#fields`}
        class="editor-form"
        novalidate
        id="fields"
        data-autosave={autosave ? 'on' : undefined}
      >
        <Csrf token={p.csrf} />
        <input type="hidden" name="token" value={form.token} />
        <ErrorSummary
          title={t('translations.error.summary', { count: wrong.length })}
          errors={wrong.map((f) => ({ field: f.key, text: err(f.key) ?? '' }))}
        />
        {status === 'published' && !p.canPublish && <p class="help">{t(p.publishedWarning)}</p>}
        {p.fields.map((f) => {
          const label = t('translations.editor.fieldIn', {
            field: f.label,
            language: tr.languageName(target),
          });
          const value = form.values[f.key] ?? '';
          const control = {
            id: f.key,
            label,
            value,
            error: err(f.key),
            lang: target,
            dir: 'auto' as const,
            autofocus: wrong[0] === f,
          };
          return (
            <div class="translation-pair" key={f.key}>
              <div class="translation-source">
                <p class="translation-source__label">
                  {t('translations.editor.sourceIn', {
                    field: f.label,
                    language: tr.languageName(p.sourceLocale),
                  })}
                </p>
                <div class="translation-source__text" lang={p.sourceLocale} dir={directionOf(p.sourceLocale)}>
                  {p.source[f.key] === '' ? <em>{t('translations.editor.emptySource')}</em> : p.source[f.key]}
                </div>
                {p.aids?.byField?.[f.key]}
              </div>
              {f.long ? (
                <TextArea
                  {...control}
                  rows={f.rows ?? 8}
                  {...(f.previewId
                    ? { preview: { url: '/editor/translations/preview-markdown', target: f.previewId } }
                    : {})}
                />
              ) : (
                <TextField {...control} autocomplete="off" />
              )}
              {f.previewId && <MarkdownPreview tr={tr} id={f.previewId} markdown={value} />}
            </div>
          );
        })}
        {p.stale && !p.closed && (
          <CheckField
            id="markUpdated"
            label={t('translations.editor.markUpdated')}
            checked={form.markUpdated}
          />
        )}
        {autosave && (
          <p
            class="help autosave-status"
            id="autosave-status"
            role="status"
            hidden
            data-saved={t('translations.autosave.saved', { time: '{time}' })}
            data-stale={t('translations.autosave.stale')}
            data-failed={t('translations.autosave.failed')}
          >
            {t('translations.autosave.on')}
          </p>
        )}
        {!p.closed && (
          <div class="editor-actions">
            <SubmitButton name="intent" value="save">
              {t('translations.editor.save')}
            </SubmitButton>
            <SubmitButton kind="secondary" name="intent" value="submit">
              {t('translations.editor.submit')}
            </SubmitButton>
            {p.canPublish && (
              <SubmitButton kind="secondary" name="intent" value="publish">
                {t('translations.editor.publish')}
              </SubmitButton>
            )}
          </div>
        )}
      </form>
      {p.canSendBack && status === 'in_review' && !p.closed && (
        <section class="editor-panel" id="send-back" aria-labelledby="send-back-title">
          <h2 id="send-back-title">{t('translations.sendBack.title')}</h2>
          <form method="post" action={`${p.action}/send-back#send-back`} class="editor-form" novalidate>
            <Csrf token={p.csrf} />
            <input type="hidden" name="token" value={form.token} />
            <TextArea
              id="note"
              label={t('translations.sendBack.note')}
              value={form.note ?? ''}
              error={form.noteMissing ? t('translations.sendBack.noteMissing') : undefined}
              dir="auto"
              rows={4}
              autofocus={form.noteMissing}
            />
            <SubmitButton kind="secondary">{t('translations.sendBack.button')}</SubmitButton>
          </form>
        </section>
      )}
      {p.after}
      <script src="/assets/editor-preview.js" defer />
      {autosave && <script src="/assets/translation-autosave.js" defer />}
    </EditorPage>
  );
}
