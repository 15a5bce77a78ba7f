import type { Mailing } from '../../../domain/mailing/mailing.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { MailingSubpage } from './mailing-subpage.js';

export interface MailingPreviewPageProps extends EditorPageBase {
  mailing: Mailing;
  locale: string;
  /** The language the texts are in: `locale`, or the source's when no published version exists. */
  textLocale: string;
  languages: string[];
  subject: string;
  text: string;
}

export function MailingPreviewPage(p: MailingPreviewPageProps) {
  const t = p.tr.t;
  const m = p.mailing;
  const title = t('mailings.preview.title', { subject: m.subject });
  return (
    <MailingSubpage page={p} mailing={m} title={title}>
      <nav aria-label={t('mailings.preview.language')}>
        <ul class="inline-list">
          {p.languages.map((l) => (
            <li key={l}>
              <a
                href={`/editor/mailings/${m.id}/preview?locale=${l}`}
                aria-current={l === p.locale ? 'page' : undefined}
              >
                {p.tr.languageName(l)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.textLocale !== p.locale && (
        <p class="help">
          {t('mailings.preview.fallback', {
            language: p.tr.languageName(p.locale),
            source: p.tr.languageName(p.textLocale),
          })}
        </p>
      )}
      <p dir="auto" lang={p.textLocale}>
        <strong>{p.subject}</strong>
      </p>
      <iframe
        class="mailing-preview"
        title={t('mailings.preview.frame')}
        src={`/editor/mailings/${m.id}/preview.html?locale=${p.locale}`}
        sandbox=""
        width="100%"
        height="720"
      />
      <details>
        <summary>{t('mailings.preview.text')}</summary>
        <pre dir="auto" lang={p.textLocale} class="mailing-text">
          {p.text}
        </pre>
      </details>
    </MailingSubpage>
  );
}
