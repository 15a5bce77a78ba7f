// The letter a target receives for one signature. Written in the target's language when the campaign has
// it, with the supporter's own words beneath in theirs (a bilingual letter), the campaign's salutation on
// top and the supporter's name, union and country at the foot. Plain text in short paragraphs: receiving
// servers distrust long or HTML mail.
import type { CampaignTexts } from '../../domain/campaign/campaign.js';
import { letterSalutation, sameLanguage } from '../../domain/delivery/delivery.js';
import type { Translator } from '../../i18n/translator.js';

export interface LetterSignature {
  name: string;
  unionName: string | null;
  country: string | null;
  message: string;
  locale: string;
}

export interface Letter {
  locale: string;
  subject: string;
  text: string;
}

const names = new Map<string, { region: Intl.DisplayNames; language: Intl.DisplayNames }>();

function displayNames(locale: string) {
  let n = names.get(locale);
  if (!n) {
    n = {
      region: new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }),
      language: new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }),
    };
    names.set(locale, n);
  }
  return n;
}

/** Line endings normalised, trailing spaces gone, no more than one blank line in a row. */
export function tidyParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function signatureFoot(
  signature: Pick<LetterSignature, 'name' | 'unionName' | 'country'>,
  locale: string,
): string {
  const lines = [signature.name];
  if (signature.unionName) lines.push(signature.unionName);
  if (signature.country) lines.push(displayNames(locale).region.of(signature.country) ?? signature.country);
  return lines.join('\n');
}

/**
 * `texts` are the campaign's texts in the letter's language (see letterTexts); `tr` speaks that language
 * when the interface has it and falls back to English for the one label a bilingual letter needs.
 */
export function targetLetter(input: {
  texts: CampaignTexts;
  signature: LetterSignature;
  tr: Translator;
}): Letter {
  const { texts, signature, tr } = input;
  const own = tidyParagraphs(signature.message);
  let body: string;
  if (sameLanguage(texts.locale, signature.locale)) {
    body = own;
  } else {
    const language = displayNames(texts.locale).language.of(signature.locale) ?? signature.locale;
    body = [
      tidyParagraphs(texts.defaultMessage),
      `— ${tr.t('letter.ownWords', { name: signature.name, language })} —`,
      own,
    ].join('\n\n');
  }
  const salutation = letterSalutation(texts, body);
  return {
    locale: texts.locale,
    subject: texts.targetSubject,
    text: `${salutation ? `${salutation}\n\n` : ''}${body}\n\n${signatureFoot(signature, texts.locale)}\n`,
  };
}
