// What the translation editor shows beside the source while a campaign is translated (decision 0026): the
// closest paragraphs other campaigns have published in the language, each with its similarity and where it
// comes from, and the language's glossary terms the source uses. Plain HTML (details/summary): the
// translator copies what helps, nothing is filled in for them.
import type { GlossaryTerm, ParagraphSuggestions } from '../../../domain/translation/translation-memory.js';
import { directionOf } from '../../../i18n/locales.js';
import type { Translator } from '../../../i18n/translator.js';

export const glossaryPath = (locale: string) => `/editor/translations/glossary/${locale}`;

/** Under one source field: its paragraphs that have earlier translations, and those translations. */
export function MemorySuggestions(p: {
  tr: Translator;
  found: ParagraphSuggestions[];
  sourceLocale: string;
  locale: string;
}) {
  const { t } = p.tr;
  const count = p.found.reduce((n, f) => n + f.suggestions.length, 0);
  return (
    <details class="translation-memory">
      <summary>{t('translations.memory.title', { count })}</summary>
      {p.found.map((f) => (
        <div class="translation-memory__paragraph" key={f.paragraph}>
          <p class="translation-memory__for" lang={p.sourceLocale} dir={directionOf(p.sourceLocale)}>
            {f.paragraph}
          </p>
          <ol class="translation-memory__list">
            {f.suggestions.map((s) => (
              <li key={`${s.slug}-${s.translation}`}>
                <p class="translation-memory__meta">
                  {t('translations.memory.similar', { similarity: s.similarity })}{' '}
                  <a href={`/${p.locale}/campaigns/${s.slug}`} lang={p.locale} dir="auto">
                    {s.headline}
                  </a>
                </p>
                <p class="translation-memory__text" lang={p.locale} dir={directionOf(p.locale)}>
                  {s.translation}
                </p>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}

/** Above the fields: the glossary's terms that the source uses, and the way to the whole glossary. */
export function GlossaryInText(p: {
  tr: Translator;
  terms: GlossaryTerm[];
  sourceLocale: string;
  locale: string;
}) {
  const { t } = p.tr;
  return (
    <section class="editor-panel translation-glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">{t('translations.glossary.inText')}</h2>
      {p.terms.length > 0 && (
        <dl class="translation-glossary__terms">
          {p.terms.map((g) => (
            <div class="translation-glossary__pair" key={g.id}>
              <dt class="translation-glossary__term" lang={p.sourceLocale} dir={directionOf(p.sourceLocale)}>
                {g.term}
              </dt>
              <dd class="translation-glossary__rendering" lang={p.locale} dir={directionOf(p.locale)}>
                {g.rendering}
                {g.note && <span class="help"> {g.note}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <a href={glossaryPath(p.locale)}>
          {t('translations.glossary.link', { language: p.tr.languageName(p.locale) })}
        </a>
      </p>
    </section>
  );
}
