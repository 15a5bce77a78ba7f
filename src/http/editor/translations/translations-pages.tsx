import type { ComponentChildren } from 'preact';
import type { MailingBoard } from '../../../domain/mailing-translation/view-mailing-board.js';
import type { TranslationAids } from '../../../domain/translation/suggest-translations.js';
import {
  changedSource,
  isStale,
  sourceTexts,
  type TranslatableField,
  type TranslationWork,
  translatableFields,
} from '../../../domain/translation/translation.js';
import type {
  BoardCell,
  LanguageGap,
  TranslationBoard,
} from '../../../domain/translation/view-translation-board.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, Notice } from '../../views/form-fields.js';
import { GlossaryInText, MemorySuggestions } from './translation-aids.js';
import { statusKeys, TranslationEditor, type TranslationFormState } from './translation-editor.js';
import { WordDiff } from './word-diff.js';
import { XliffPanel, type XliffState } from './xliff-panel.js';

export type { TranslationFormState } from './translation-editor.js';

const fieldKeys: Record<TranslatableField, StringKey> = {
  headline: 'campaignEdit.field.headline',
  backgroundMd: 'campaignEdit.field.background',
  defaultMessage: 'campaignEdit.field.defaultMessage',
  targetSubject: 'campaignEdit.field.subject',
  targetSalutation: 'campaignEdit.field.salutation',
};

const mailingStatusKeys: Record<string, StringKey> = {
  draft: 'translations.mailing.status.draft',
  scheduled: 'translations.mailing.status.scheduled',
  sending: 'translations.mailing.status.sending',
  paused: 'translations.mailing.status.paused',
  sent: 'translations.mailing.status.sent',
};

export const editorPath = (slug: string, locale: string) =>
  `/editor/campaigns/${slug}/translations/${locale}`;

export const mailingEditorPath = (id: number, locale: string) =>
  `/editor/translations/mailings/${id}/${locale}`;

/** A name set apart from the sentence around it, whatever its direction (U+2068 … U+2069). */
export const isolated = (name: string) => `\u2068${name}\u2069`;

/** "claimed by Amélie · 23 Nov 2026", and the claim or release button the viewer may press (decision 0042). */
function ClaimLine({
  tr,
  cell,
  csrf,
  href,
}: {
  tr: Translator;
  cell: BoardCell;
  csrf: string;
  href: string;
}) {
  const t = tr.t;
  const action = cell.mayClaim ? 'claim' : cell.mayRelease ? 'release' : null;
  return (
    <>
      {cell.claim && (
        <span class="editor-list__meta translation-cell__claim">
          {t('translations.claim.by', { name: isolated(cell.claim.name) })} ·{' '}
          <time dateTime={new Date(cell.claim.at).toISOString()}>{tr.date(cell.claim.at)}</time>
        </span>
      )}
      {action && (
        <form method="post" action={`${href}/${action}`} class="translation-cell__action">
          <Csrf token={csrf} />
          <button type="submit" class="button button--small button--secondary">
            {t(action === 'claim' ? 'translations.claim.action' : 'translations.claim.release')}
          </button>
        </form>
      )}
    </>
  );
}

/** One row's languages: the source as text, every other one a link to its editor with its state. */
function Cells({
  tr,
  cells,
  href,
  csrf,
}: {
  tr: Translator;
  cells: BoardCell[];
  href: (locale: string) => string;
  /** Campaign rows: the claim and release buttons' token. */
  csrf?: string;
}) {
  const t = tr.t;
  return (
    <ul class="translation-cells">
      {cells.map((c) => (
        <li
          key={c.locale}
          class={`translation-cell translation-cell--${c.claim ? 'claimed' : c.stale ? 'stale' : c.status}`}
          data-locale={c.locale}
        >
          {c.status === 'source' ? (
            <span lang={c.locale}>{nativeName(c.locale)}</span>
          ) : (
            <a href={href(c.locale)} lang={c.locale} hrefLang={c.locale}>
              {nativeName(c.locale)}
            </a>
          )}{' '}
          {/* A claimed missing language says who claimed it instead of "missing". */}
          {!(c.claim && c.status === 'missing') && (
            <span class="translation-cell__status">
              {t(statusKeys[c.status]!)}
              {c.stale && ` · ${t('translations.status.stale')}`}
            </span>
          )}
          {c.updatedBy && (
            <span class="editor-list__meta translation-cell__who">
              <bdi dir="ltr">{c.updatedBy}</bdi>
            </span>
          )}
          {c.waitingDays !== null && (
            <span class="editor-list__meta translation-cell__when">
              {t('translations.board.waiting', { days: c.waitingDays })}
            </span>
          )}
          {c.updatedAt !== null && (
            <span class="editor-list__meta translation-cell__when">
              <time dateTime={new Date(c.updatedAt).toISOString()}>{tr.date(c.updatedAt)}</time>
            </span>
          )}
          {csrf !== undefined && <ClaimLine tr={tr} cell={c} csrf={csrf} href={href(c.locale)} />}
        </li>
      ))}
    </ul>
  );
}

/** A translation waiting for the viewer's review, linked to its editor (publish or send back there). */
export interface ReviewLink {
  href: string;
  /** The campaign's headline or the mailing's subject, in its source language. */
  title: string;
  titleLocale: string;
  locale: string;
  updatedBy: string | null;
  updatedAt: number | null;
}

/** The reviewer's work list: what was sent for review in the languages they review, oldest first. */
function AwaitingReview({ tr, items }: { tr: Translator; items: readonly ReviewLink[] }) {
  return (
    <section class="editor-panel translation-review" aria-labelledby="review-title" id="review">
      <h2 id="review-title">{tr.t('translations.review.title')}</h2>
      <ul class="editor-list">
        {items.map((i) => (
          <li key={i.href} class="editor-list__item" data-locale={i.locale}>
            {/* In the title's own direction, as the board's rows show it. */}
            <a href={i.href} dir="auto" lang={i.titleLocale}>
              {i.title}
            </a>{' '}
            <span class="editor-list__meta">{tr.languageName(i.locale)}</span>
            {i.updatedBy && (
              <span class="editor-list__meta">
                <bdi dir="ltr">{i.updatedBy}</bdi>
              </span>
            )}
            {i.updatedAt !== null && (
              <span class="editor-list__meta">
                <time dateTime={new Date(i.updatedAt).toISOString()}>{tr.date(i.updatedAt)}</time>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The summary's lines: languages missing from as many live campaigns share one, most missing first. */
function gapGroups(gaps: readonly LanguageGap[]): [number, string[]][] {
  const groups = new Map<number, string[]>();
  for (const g of gaps) groups.set(g.missing, [...(groups.get(g.missing) ?? []), g.locale]);
  return [...groups];
}

export function BoardPage(
  p: EditorPageBase & {
    board: TranslationBoard;
    mailings: MailingBoard;
    limited: boolean;
    /** Translations in review in the languages the viewer reviews. */
    review: readonly ReviewLink[];
    /** Why a claim was refused (409). */
    error?: string | undefined;
  },
) {
  const { tr, board, mailings } = p;
  const t = tr.t;
  return (
    <EditorPage page={p} title={t('translations.board.title')} section="translations" heading>
      {p.error && <Notice kind="error">{p.error}</Notice>}
      <p class="help">{t('translations.board.help')}</p>
      <p>
        <a href="/editor/interface-strings">{t('interfaceStrings.index.title')}</a>
      </p>
      {p.limited && board.languages.length === 0 && <p>{t('translations.board.noLanguages')}</p>}
      {p.review.length > 0 && <AwaitingReview tr={tr} items={p.review} />}
      {board.gaps.length > 0 && (
        <section class="editor-panel" aria-labelledby="gaps-title">
          <h2 id="gaps-title">{t('translations.gaps.title')}</h2>
          <ul class="translation-gaps">
            {gapGroups(board.gaps).map(([missing, locales]) => (
              <li key={missing} data-missing={missing}>
                {t('translations.gaps.item', {
                  language: tr.list(locales.map((l) => tr.languageName(l))),
                  missing,
                  live: board.live,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {board.rows.length === 0 ? (
        <p>{t('translations.board.none')}</p>
      ) : (
        board.rows.map((row) => (
          <section class="editor-panel translation-row" key={row.slug} aria-labelledby={`c-${row.slug}`}>
            <h2 id={`c-${row.slug}`} dir="auto" lang={row.sourceLocale}>
              {row.headline ?? row.slug}
            </h2>
            <Cells tr={tr} cells={row.cells} href={(l) => editorPath(row.slug, l)} csrf={p.csrf} />
          </section>
        ))
      )}
      <section aria-labelledby="mailings-title" id="mailings">
        <h2 id="mailings-title">{t('translations.mailing.board.title')}</h2>
        <p class="help">{t('translations.mailing.board.help')}</p>
        {mailings.rows.length === 0 ? (
          <p>{t('translations.mailing.board.none')}</p>
        ) : (
          mailings.rows.map((row) => (
            <section
              class="editor-panel translation-row translation-row--mailing"
              key={row.id}
              aria-labelledby={`m-${row.id}`}
              data-mailing={row.id}
            >
              <h3 id={`m-${row.id}`} dir="auto" lang={row.sourceLocale}>
                {row.subject}
              </h3>
              <p class="editor-list__meta">
                {t('translations.mailing.board.state', { status: t(mailingStatusKeys[row.status]!) })}
              </p>
              <Cells tr={tr} cells={row.cells} href={(l) => mailingEditorPath(row.id, l)} />
            </section>
          ))
        )}
      </section>
    </EditorPage>
  );
}

export function TranslationEditorPage(
  p: EditorPageBase & {
    work: TranslationWork;
    canPublish: boolean;
    canSendBack: boolean;
    /** The claim that holds the language (decision 0042), and whether this person may release it. */
    claim?: { name: string; at: number; mayRelease: boolean } | undefined;
    notice?: StringKey | undefined;
    form: TranslationFormState;
    /** Translation memory and glossary terms (suggest-translations.ts); none when translating the source. */
    aids?: TranslationAids | undefined;
    /** What the last XLIFF upload did (xliff.route.tsx). */
    xliff?: XliffState | undefined;
  },
) {
  const { tr, work, aids } = p;
  const t = tr.t;
  const source = work.sourceLocale;
  const tr8n = work.translation;
  const byField: Partial<Record<string, ComponentChildren>> = {};
  for (const [field, found] of Object.entries(aids?.suggestions ?? {})) {
    byField[field] = <MemorySuggestions tr={tr} found={found} sourceLocale={source} locale={work.locale} />;
  }
  return (
    <TranslationEditor
      aids={
        aids && {
          top: <GlossaryInText tr={tr} terms={aids.terms} sourceLocale={source} locale={work.locale} />,
          byField,
        }
      }
      tr={tr}
      site={p.site}
      user={p.user}
      csrf={p.csrf}
      title={t('translations.editor.title', {
        headline: work.source.headline,
        language: tr.languageName(work.locale),
      })}
      action={editorPath(work.slug, work.locale)}
      sourceLocale={source}
      locale={work.locale}
      fields={translatableFields.map((f) => ({
        key: f,
        label: t(fieldKeys[f]),
        long: f === 'backgroundMd' || f === 'defaultMessage',
        rows: f === 'backgroundMd' ? 14 : 8,
        ...(f === 'backgroundMd' ? { previewId: 'background-preview' } : {}),
      }))}
      source={sourceTexts(work.source)}
      stored={
        tr8n && {
          status: tr8n.status,
          reviewNote: tr8n.reviewNote,
          updatedBy: tr8n.updatedBy,
          texts: sourceTexts(tr8n),
        }
      }
      stale={tr8n !== null && isStale(tr8n, work.source.revision)}
      sourceChanged={
        tr8n?.sourceSnapshot ? (
          <dl class="edit-stale__diff">
            {changedSource(work).map((f) => (
              <div key={f}>
                <dt class="edit-stale__label">{t(fieldKeys[f])}</dt>
                <dd class="edit-stale__value">
                  <WordDiff
                    before={tr8n.sourceSnapshot![f]}
                    after={work.source[f]}
                    locale={source}
                    labels={{
                      before: t('translations.sourceChanged.before'),
                      after: t('translations.sourceChanged.after'),
                    }}
                  />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{t('translations.sourceChanged.noSnapshot')}</p>
        )
      }
      publishedWarning="translations.editor.publishedWarning"
      after={
        <XliffPanel
          tr={tr}
          csrf={p.csrf}
          action={editorPath(work.slug, work.locale)}
          fieldLabel={(f) => t(fieldKeys[f])}
          state={p.xliff}
        />
      }
      canPublish={p.canPublish}
      canSendBack={p.canSendBack}
      claimNotice={
        p.claim && (
          <div class="translation-claim" role="note" id="claim">
            <p>
              {t('translations.claim.notice', { name: isolated(p.claim.name), date: tr.date(p.claim.at) })}
            </p>
            {p.claim.mayRelease && (
              <form method="post" action={`${editorPath(work.slug, work.locale)}/release`}>
                <Csrf token={p.csrf} />
                <button type="submit" class="button button--small button--secondary">
                  {t('translations.claim.release')}
                </button>
              </form>
            )}
          </div>
        )
      }
      notice={p.notice && t(p.notice)}
      form={p.form}
    />
  );
}
