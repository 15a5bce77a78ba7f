// The translators' daily digest (decision 0037), in the translator's interface language: the live campaigns
// waiting for their languages, each with the direct link to its translation editor (where they claim it
// by saving), and how to turn the digest off.
import type { DigestItem } from '../../domain/translation/translation-digest.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface TranslationDigestEmailData {
  recipient: { name: string; email: string };
  items: DigestItem[];
  site: { name: string; baseUrl: string };
}

/** At most this many campaigns are listed; the board has the rest. */
export const digestListMax = 30;

export function translationDigestEmail(data: TranslationDigestEmailData, tr: Translator): MailText {
  const { recipient, items, site } = data;
  const list = items
    .slice(0, digestListMax)
    .map((item) =>
      tr.t(item.stale ? 'translationDigest.item.stale' : 'translationDigest.item.missing', {
        headline: item.headline,
        language: tr.languageName(item.locale),
        link: `${site.baseUrl}/editor/campaigns/${item.slug}/translations/${item.locale}`,
      }),
    )
    .join('\n\n');
  return {
    subject: tr.t('translationDigest.subject', { count: items.length, siteName: site.name }),
    text: tr.t('translationDigest.body', {
      name: recipient.name || recipient.email,
      count: items.length,
      list,
      board: `${site.baseUrl}/editor/translations`,
      settings: `${site.baseUrl}/editor/account/translation-digest`,
      siteName: site.name,
    }),
  };
}
