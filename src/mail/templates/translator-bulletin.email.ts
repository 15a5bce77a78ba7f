// The translators' daily bulletin (decision 0037), in the translator's interface language: the live campaigns
// waiting for their languages, each with the direct link to its translation editor (where they claim it
// by saving), and how to turn the bulletin off.
import type { BulletinItem } from '../../domain/translation/translator-bulletin.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface TranslatorBulletinEmailData {
  recipient: { name: string; email: string };
  items: BulletinItem[];
  site: { name: string; baseUrl: string };
}

/** At most this many campaigns are listed; the board has the rest. */
export const bulletinListMax = 30;

export function translatorBulletinEmail(data: TranslatorBulletinEmailData, tr: Translator): MailText {
  const { recipient, items, site } = data;
  const list = items
    .slice(0, bulletinListMax)
    .map((item) =>
      tr.t(item.stale ? 'translatorBulletin.item.stale' : 'translatorBulletin.item.missing', {
        headline: item.headline,
        language: tr.languageName(item.locale),
        link: `${site.baseUrl}/editor/campaigns/${item.slug}/translations/${item.locale}`,
      }),
    )
    .join('\n\n');
  return {
    subject: tr.t('translatorBulletin.subject', { count: items.length, siteName: site.name }),
    text: tr.t('translatorBulletin.body', {
      name: recipient.name || recipient.email,
      count: items.length,
      list,
      board: `${site.baseUrl}/editor/translations`,
      settings: `${site.baseUrl}/editor/account/translator-bulletin`,
      siteName: site.name,
    }),
  };
}
