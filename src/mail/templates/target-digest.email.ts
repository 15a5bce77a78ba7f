// The digest a target receives instead of individual letters once its hourly cap is exceeded: how many
// supporters from how many countries wrote since when, then one line each (name, union, country, the
// first words of their message). In the campaign's text for the target's language, like the letters; it
// comes from the site itself, not from one supporter.
import type { CampaignTexts } from '../../domain/campaign/campaign.js';
import type { LetterData } from '../../domain/delivery/delivery.ports.js';
import type { Translator } from '../../i18n/translator.js';
import { type Letter, tidyParagraphs } from './target-letter.email.js';

const EXCERPT = 200;

function excerpt(message: string): string {
  const first =
    tidyParagraphs(message)
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return first.length > EXCERPT ? `${first.slice(0, EXCERPT - 1).trimEnd()}…` : first;
}

export interface TargetDigestData {
  texts: CampaignTexts;
  signatures: LetterData[];
  /** When the oldest gathered signature was written. */
  since: number;
  siteName: string;
}

export function targetDigest(data: TargetDigestData, tr: Translator): Letter {
  const { texts, signatures } = data;
  const region = new Intl.DisplayNames([texts.locale], { type: 'region', fallback: 'code' });
  const countries = new Set(signatures.map((s) => s.country).filter((c): c is string => !!c));
  const since = new Intl.DateTimeFormat(texts.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(data.since);
  const intro = tr.t('letter.digest.intro', { count: signatures.length, countries: countries.size, since });
  const lines = signatures.map((s) => {
    const who = [s.name, s.unionName, s.country ? (region.of(s.country) ?? s.country) : null]
      .filter(Boolean)
      .join(', ');
    // The default message unchanged is already above, as what each of them asks: it is not their words.
    const words = s.messageLocale === null ? '' : excerpt(s.message);
    return words ? `• ${who}: “${words}”` : `• ${who}`;
  });
  return {
    locale: texts.locale,
    fromName: data.siteName,
    subject: `${texts.targetSubject} (${tr.t('letter.digest.subject', { count: signatures.length })})`,
    text: `${intro}\n\n${tidyParagraphs(texts.defaultMessage)}\n\n${lines.join('\n')}\n`,
  };
}
