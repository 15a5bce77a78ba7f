// The letter a target receives for one signature, used by delivery and by the editors' "send a test
// message". Written in the target's language when the campaign has it, with the supporter's own words
// beneath in theirs (a bilingual letter), the campaign's salutation on top and the supporter's name, union
// and country at the foot; From shows the supporter's name "via" the site. Plain text in short paragraphs:
// receiving servers distrust long or HTML mail.
import type { CampaignTexts } from '../../domain/campaign/campaign.js';
import { letterSalutation, sameLanguage } from '../../domain/delivery/delivery.js';
import type { LetterData } from '../../domain/delivery/delivery.ports.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

/** A letter's words: subject and body in the letter's language, and the From display name. */
export interface Letter extends MailText {
  locale: string;
  fromName: string;
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
  signature: Pick<LetterData, 'name' | 'unionName' | 'country'>,
  locale: string,
): string {
  const lines = [signature.name];
  if (signature.unionName) lines.push(signature.unionName);
  if (signature.country) lines.push(displayNames(locale).region.of(signature.country) ?? signature.country);
  return lines.join('\n');
}

export interface TargetLetterData {
  /** The campaign's texts in the letter's language (see letterTexts). */
  texts: CampaignTexts;
  signature: LetterData;
  siteName: string;
}

/**
 * `tr` speaks the letter's language when the interface has it and falls back to English for the two labels
 * a letter needs (the From name, and the line before a supporter's own words in another language).
 */
export function targetLetter(data: TargetLetterData, tr: Translator): Letter {
  const { texts, signature } = data;
  const own = tidyParagraphs(signature.message);
  const wrote = signature.messageLocale;
  let body: string;
  // The default message left as it was is the campaign's text, not the supporter's words: the letter
  // carries it in its own language and quotes nothing.
  if (wrote === null) {
    body = tidyParagraphs(texts.defaultMessage);
  } else if (sameLanguage(texts.locale, wrote)) {
    body = own;
  } else {
    const language = displayNames(texts.locale).language.of(wrote) ?? wrote;
    body = [
      tidyParagraphs(texts.defaultMessage),
      `— ${tr.t('letter.ownWords', { name: signature.name, language })} —`,
      own,
    ].join('\n\n');
  }
  const salutation = letterSalutation(texts, body);
  return {
    locale: texts.locale,
    fromName: tr.t('letter.fromName', { name: signature.name, site: data.siteName }),
    subject: texts.targetSubject,
    text: `${salutation ? `${salutation}\n\n` : ''}${body}\n\n${signatureFoot(signature, texts.locale)}\n`,
  };
}
