// The translators' pages: the board (campaigns × languages, each cell a link to its editor) and the
// side-by-side editor (source text beside each translation field, "source changed" with the old and new
// source text, the reviewer's note, save / submit / publish, and the send-back form for reviewers). Plain
// forms that work without JavaScript; editor-preview.js refreshes the background's Markdown preview.
import type { User } from '../../../domain/account/account.js';
import {
  changedSource,
  isStale,
  type TranslatableField,
  type TranslatableTexts,
  type TranslationErrors,
  type TranslationWork,
  translatableFields,
} from '../../../domain/translation/translation.js';
import type { TranslationBoard } from '../../../domain/translation/view-translation-board.js';
import { directionOf, nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { EditorLayout } from '../../views/editor/editor-layout.js';
import { CheckField, Csrf, ErrorSummary, Notice, TextArea, TextField } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { MarkdownPreview } from '../campaign-edit/campaign-edit-forms.js';

const statusKeys: Record<string, StringKey> = {
  missing: 'translations.status.missing',
  draft: 'translations.status.draft',
  in_review: 'translations.status.inReview',
  published: 'translations.status.published',
  source: 'translations.status.source',
};

const fieldKeys: Record<TranslatableField, StringKey> = {
  headline: 'campaignEdit.field.headline',
  backgroundMd: 'campaignEdit.field.background',
  defaultMessage: 'campaignEdit.field.defaultMessage',
  targetSubject: 'campaignEdit.field.subject',
  targetSalutation: 'campaignEdit.field.salutation',
};

const errorKeys: Record<string, StringKey> = {
  Required: 'translations.error.required',
  TooLong: 'translations.error.tooLong',
  InvalidCharacters: 'translations.error.invalidCharacters',
};

export const editorPath = (slug: string, locale: string) =>
  `/editor/campaigns/${slug}/translations/${locale}`;

export function BoardPage(p: {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
  board: TranslationBoard;
  limited: boolean;
}) {
  const { tr, board } = p;
  const t = tr.t;
  const title = t('translations.board.title');
  return (
    <EditorLayout tr={tr} site={p.site} title={title} user={p.user} csrfToken={p.csrf} section="translations">
      <h1>{title}</h1>
      <p class="help">{t('translations.board.help')}</p>
      {p.limited && board.languages.length === 0 && <p>{t('translations.board.noLanguages')}</p>}
      {board.rows.length === 0 ? (
        <p>{t('translations.board.none')}</p>
      ) : (
        board.rows.map((row) => (
          <section class="editor-panel translation-row" key={row.slug} aria-labelledby={`c-${row.slug}`}>
            <h2 id={`c-${row.slug}`} dir="auto" lang={row.sourceLocale}>
              {row.headline ?? row.slug}
            </h2>
            <ul class="translation-cells">
              {row.cells.map((c) => (
                <li
                  key={c.locale}
                  class={`translation-cell translation-cell--${c.stale ? 'stale' : c.status}`}
                  data-locale={c.locale}
                >
                  {c.status === 'source' ? (
                    <span lang={c.locale}>{nativeName(c.locale)}</span>
                  ) : (
                    <a href={editorPath(row.slug, c.locale)} lang={c.locale} hrefLang={c.locale}>
                      {nativeName(c.locale)}
                    </a>
                  )}{' '}
                  <span class="translation-cell__status">
                    {t(statusKeys[c.status]!)}
                    {c.stale && ` · ${t('translations.status.stale')}`}
                  </span>
                  {c.updatedBy && (
                    <span class="editor-list__meta translation-cell__who">
                      <bdi dir="ltr">{c.updatedBy}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </EditorLayout>
  );
}

export interface TranslationFormState {
  values: TranslatableTexts;
  token: string;
  markUpdated: boolean;
  errors: TranslationErrors;
  note?: string;
  noteMissing?: boolean;
  /** A colleague saved first (409): their version, shown beside what this person typed. */
  staleSave?: boolean;
}

export function TranslationEditorPage(p: {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
  work: TranslationWork;
  canReview: boolean;
  notice?: StringKey | undefined;
  form: TranslationFormState;
}) {
  const { tr, work, form } = p;
  const t = tr.t;
  const source = work.sourceLocale;
  const target = work.locale;
  const tr8n = work.translation;
  const stale = tr8n !== null && isStale(tr8n, work.source.revision);
  const changed = changedSource(work);
  const title = t('translations.editor.title', {
    headline: work.source.headline,
    language: tr.languageName(target),
  });
  const action = editorPath(work.slug, target);
  const wrong = translatableFields.filter((f) => form.errors[f]);
  const err = (f: TranslatableField) => {
    const code = form.errors[f];
    return code && t(errorKeys[code]!);
  };
  const status = tr8n?.status ?? 'missing';
  return (
    <EditorLayout tr={tr} site={p.site} title={title} user={p.user} csrfToken={p.csrf} section="translations">
      <p>
        <a href="/editor/translations">{t('translations.editor.back')}</a>
      </p>
      <h1 dir="auto">{title}</h1>
      <p class="editor-list__meta">
        {t('translations.editor.state', { status: t(statusKeys[status]!) })}
        {tr8n?.updatedBy && (
          <>
            {' · '}
            {t('translations.editor.lastSaved')} <bdi dir="ltr">{tr8n.updatedBy}</bdi>
          </>
        )}
      </p>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {form.staleSave && (
        <div class="edit-stale" role="alert">
          <p>
            <strong>{t('translations.staleSave.title')}</strong>
          </p>
          <p>{t('translations.staleSave.body')}</p>
          {tr8n && (
            <dl class="edit-stale__diff">
              {translatableFields
                .filter((f) => tr8n[f] !== form.values[f])
                .map((f) => (
                  <div key={f}>
                    <dt class="edit-stale__label">
                      {t('translations.staleSave.theirs', { field: t(fieldKeys[f]) })}
                    </dt>
                    <dd class="edit-stale__value" lang={target} dir="auto">
                      <span>{tr8n[f]}</span>
                    </dd>
                  </div>
                ))}
            </dl>
          )}
        </div>
      )}
      {tr8n?.reviewNote && tr8n.status === 'draft' && (
        <div class="edit-confirm" role="note">
          <p>
            <strong>{t('translations.editor.noteTitle')}</strong>
          </p>
          <p class="translation-note" dir="auto">
            {tr8n.reviewNote}
          </p>
        </div>
      )}
      {stale && (
        <div class="edit-stale" role="alert" id="source-changed">
          <p>
            <strong>{t('translations.sourceChanged.title')}</strong>
          </p>
          <p>{t('translations.sourceChanged.body')}</p>
          {tr8n.sourceSnapshot === null ? (
            <p>{t('translations.sourceChanged.noSnapshot')}</p>
          ) : (
            <dl class="edit-stale__diff">
              {changed.map((f) => (
                <div key={f}>
                  <dt class="edit-stale__label">{t(fieldKeys[f])}</dt>
                  <dd class="edit-stale__value translation-diff">
                    <div>
                      <p class="translation-diff__label">{t('translations.sourceChanged.before')}</p>
                      <del lang={source} dir="auto">
                        {tr8n.sourceSnapshot![f]}
                      </del>
                    </div>
                    <div>
                      <p class="translation-diff__label">{t('translations.sourceChanged.after')}</p>
                      <ins lang={source} dir="auto">
                        {work.source[f]}
                      </ins>
                    </div>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
      <form method="post" action={`${action}#fields`} class="editor-form" novalidate id="fields">
        <Csrf token={p.csrf} />
        <input type="hidden" name="token" value={form.token} />
        <ErrorSummary
          title={t('translations.error.summary', { count: wrong.length })}
          errors={wrong.map((f) => ({ field: f, text: err(f) ?? '' }))}
        />
        {status === 'published' && !p.canReview && (
          <p class="help">{t('translations.editor.publishedWarning')}</p>
        )}
        {translatableFields.map((f) => {
          const long = f === 'backgroundMd' || f === 'defaultMessage';
          const label = t('translations.editor.fieldIn', {
            field: t(fieldKeys[f]),
            language: tr.languageName(target),
          });
          return (
            <div class="translation-pair" key={f}>
              <div class="translation-source">
                <p class="translation-source__label">
                  {t('translations.editor.sourceIn', {
                    field: t(fieldKeys[f]),
                    language: tr.languageName(source),
                  })}
                </p>
                <div class="translation-source__text" lang={source} dir={directionOf(source)}>
                  {work.source[f] === '' ? <em>{t('translations.editor.emptySource')}</em> : work.source[f]}
                </div>
              </div>
              {long ? (
                <TextArea
                  id={f}
                  label={label}
                  value={form.values[f]}
                  error={err(f)}
                  lang={target}
                  dir="auto"
                  rows={f === 'backgroundMd' ? 14 : 8}
                  autofocus={wrong[0] === f}
                  {...(f === 'backgroundMd'
                    ? {
                        preview: {
                          url: '/editor/translations/preview-markdown',
                          target: 'background-preview',
                        },
                      }
                    : {})}
                />
              ) : (
                <TextField
                  id={f}
                  label={label}
                  value={form.values[f]}
                  error={err(f)}
                  lang={target}
                  dir="auto"
                  autofocus={wrong[0] === f}
                  autocomplete="off"
                />
              )}
              {f === 'backgroundMd' && (
                <MarkdownPreview tr={tr} id="background-preview" markdown={form.values.backgroundMd} />
              )}
            </div>
          );
        })}
        {stale && (
          <CheckField
            id="markUpdated"
            label={t('translations.editor.markUpdated')}
            checked={form.markUpdated}
          />
        )}
        <div class="editor-actions">
          <button class="button" type="submit" name="intent" value="save">
            {t('translations.editor.save')}
          </button>
          <button class="button button--secondary" type="submit" name="intent" value="submit">
            {t('translations.editor.submit')}
          </button>
          {p.canReview && (
            <button class="button button--secondary" type="submit" name="intent" value="publish">
              {t('translations.editor.publish')}
            </button>
          )}
        </div>
      </form>
      {p.canReview && status === 'in_review' && (
        <section class="editor-panel" id="send-back" aria-labelledby="send-back-title">
          <h2 id="send-back-title">{t('translations.sendBack.title')}</h2>
          <form method="post" action={`${action}/send-back#send-back`} class="editor-form" novalidate>
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
            <button class="button button--secondary" type="submit">
              {t('translations.sendBack.button')}
            </button>
          </form>
        </section>
      )}
      <script src="/assets/editor-preview.js" defer />
    </EditorLayout>
  );
}
