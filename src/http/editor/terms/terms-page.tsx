import type { TermsVersion } from '../../../domain/campaign-request/partnership-terms.js';
import { termsMax } from '../../../domain/campaign-request/partnership-terms.js';
import { uiLocales } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { Csrf, Notice, SubmitButton, TextArea } from '../../views/form-fields.js';

export interface TermsPageProps extends EditorPageBase {
  latest: TermsVersion[];
  history: TermsVersion[];
  stale: string[];
  fallback: string;
  notice?: StringKey | undefined;
  error?: { locale: string; text: string } | undefined;
  values?: { locale: string; bodyMd: string } | undefined;
}

function saved(tr: Translator, v: TermsVersion): string {
  return v.createdBy
    ? tr.t('terms.current', { version: v.id, date: dateTime(tr, v.createdAt), who: v.createdBy })
    : tr.t('terms.currentSystem', { version: v.id, date: dateTime(tr, v.createdAt) });
}

function LanguagePanel({ p, locale }: { p: TermsPageProps; locale: string }) {
  const { tr } = p;
  const t = tr.t;
  const current = p.latest.find((v) => v.locale === locale);
  const id = `terms-${locale}`;
  const error = p.error?.locale === locale ? p.error.text : undefined;
  const text = p.values?.locale === locale ? p.values.bodyMd : (current?.bodyMd ?? '');
  const language = tr.languageName(locale);
  return (
    <section class="editor-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{language}</h2>
      <p class="help">
        {current ? saved(tr, current) : t('terms.missing', { fallback: tr.languageName(p.fallback) })}
      </p>
      {p.stale.includes(locale) && (
        <Notice kind="error">{t('terms.stale', { fallback: tr.languageName(p.fallback) })}</Notice>
      )}
      <form method="post" action="/editor/terms" class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="locale" value={locale} />
        <TextArea
          id={id}
          name="bodyMd"
          label={t('terms.label', { language })}
          value={text}
          error={error}
          rows={14}
          lang={locale}
          dir="auto"
          maxLength={termsMax}
          autofocus={Boolean(error)}
        />
        <SubmitButton>{t('terms.save')}</SubmitButton>{' '}
        <a href={`/${locale}/request#terms`}>{t('terms.view')}</a>
      </form>
    </section>
  );
}

export function TermsPage(p: TermsPageProps) {
  const { tr } = p;
  const t = tr.t;
  const title = t('terms.title');
  return (
    <EditorPage page={p} title={title} section="requests">
      <BackLink href="/editor/requests">{t('requests.back')}</BackLink>
      <h1>{title}</h1>
      <p class="help">{t('terms.help')}</p>
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      {uiLocales.map((l) => (
        <LanguagePanel key={l.code} p={p} locale={l.code} />
      ))}
      {p.history.length > 0 && (
        <section aria-labelledby="terms-history">
          <h2 id="terms-history">{t('terms.history')}</h2>
          <ol class="editor-list">
            {p.history.map((v) => (
              <li key={v.id} class="editor-list__item">
                <strong>{tr.languageName(v.locale)}</strong>
                <span class="editor-list__meta">{saved(tr, v)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </EditorPage>
  );
}
