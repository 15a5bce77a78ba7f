// The translators' daily bulletin (decision 0037), in the translator's interface language: the live campaigns
// waiting for their languages, each with the direct link to its translation editor (a claimed language names
// its holder and since when, so nobody starts it twice: 0042), for a coordinator the translations waiting for
// their review (0039), and how to turn the bulletin off.
import type { BulletinItem, ReviewItem } from '../../domain/translation/translator-bulletin.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface TranslatorBulletinEmailData {
  recipient: { name: string; email: string };
  items: BulletinItem[];
  /** Translations waiting for the recipient's review (a coordinator's languages); none for the others. */
  reviews?: ReviewItem[];
  site: { name: string; baseUrl: string };
}

/** At most this many campaigns (and as many reviews) are listed; the board has the rest. */
export const bulletinListMax = 30;

export function translatorBulletinEmail(data: TranslatorBulletinEmailData, tr: Translator): MailText {
  const { recipient, items, site } = data;
  const reviews = data.reviews ?? [];
  const editorLink = (item: { slug: string; locale: string }) =>
    `${site.baseUrl}/editor/campaigns/${item.slug}/translations/${item.locale}`;
  const list = items
    .slice(0, bulletinListMax)
    .map((item) => {
      const values = {
        headline: item.headline,
        language: tr.languageName(item.locale),
        link: editorLink(item),
      };
      if (item.claim) {
        return tr.t('translatorBulletin.item.claimed', {
          ...values,
          name: item.claim.name,
          date: tr.date(item.claim.at),
        });
      }
      return tr.t(item.stale ? 'translatorBulletin.item.stale' : 'translatorBulletin.item.missing', values);
    })
    .join('\n\n');
  const common = {
    name: recipient.name || recipient.email,
    board: `${site.baseUrl}/editor/translations`,
    settings: `${site.baseUrl}/editor/account/translator-bulletin`,
    siteName: site.name,
  };
  if (reviews.length === 0) {
    return {
      subject: tr.t('translatorBulletin.subject', { count: items.length, siteName: site.name }),
      text: tr.t('translatorBulletin.body', { ...common, count: items.length, list }),
    };
  }
  const reviewList = reviews
    .slice(0, bulletinListMax)
    .map((item) =>
      tr.t('translatorBulletin.review.item', {
        headline: item.headline,
        language: tr.languageName(item.locale),
        link: editorLink(item),
      }),
    )
    .join('\n\n');
  const work =
    items.length === 0 ? '' : `${tr.t('translatorBulletin.review.work', { count: items.length, list })}\n\n`;
  return {
    subject: tr.t('translatorBulletin.review.subject', { count: reviews.length, siteName: site.name }),
    text: tr.t('translatorBulletin.review.body', {
      ...common,
      count: reviews.length,
      reviews: reviewList,
      work,
    }),
  };
}
