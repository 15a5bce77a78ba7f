// The letters a target receives, on their own: a supporter's letter in the target's language (their own
// words, or the campaign's with theirs beneath when they wrote in another language), its From name, and
// the digest that gathers many signatures once a target's hourly cap is reached.
import { describe, expect, it } from 'vitest';
import type { CampaignTexts } from '../../domain/campaign/campaign.js';
import { translatorFor } from '../../i18n/translator.js';
import { targetDigest } from './target-digest.email.js';
import { targetLetter } from './target-letter.email.js';

const texts = (locale: string, overrides: Partial<CampaignTexts> = {}): CampaignTexts => ({
  locale,
  status: 'published',
  headline: 'Free Erlan',
  backgroundMd: '',
  defaultMessage: 'Release Erlan Baltabay now.\r\n\r\n\r\nRespect union rights.  ',
  targetSubject: 'Release Erlan Baltabay',
  outcomeMd: null,
  ...overrides,
});

describe('targetLetter', () => {
  it('sends the supporter’s own words, tidied, under the salutation and above their name, union, country', () => {
    const letter = targetLetter(
      {
        texts: texts('en', { targetSalutation: 'Dear Minister,' }),
        signature: {
          name: "Ana {O'Brien}",
          unionName: 'Nurses <United>',
          country: 'BR',
          message: 'Free him.\n\n\n\nNow.   ',
          locale: 'en-GB',
          messageLocale: 'en-GB',
        },
        siteName: 'Outcry',
      },
      translatorFor('en'),
    );
    expect(letter).toEqual({
      locale: 'en',
      fromName: "Ana {O'Brien} via Outcry",
      subject: 'Release Erlan Baltabay',
      text: "Dear Minister,\n\nFree him.\n\nNow.\n\nAna {O'Brien}\nNurses <United>\nBrazil\n",
    });
  });

  it('writes an Arabic letter with the campaign’s words and the supporter’s own beneath, in theirs', () => {
    const letter = targetLetter(
      {
        texts: texts('ar', { defaultMessage: 'أطلقوا سراح إرلان.', targetSubject: 'أطلقوا سراح إرلان' }),
        signature: {
          name: 'Ana',
          unionName: null,
          country: 'BR',
          message: 'Free him.',
          locale: 'en',
          messageLocale: 'en',
        },
        siteName: 'Outcry',
      },
      translatorFor('ar'),
    );
    expect(letter.fromName).toBe('Ana عبر Outcry');
    expect(letter.subject).toBe('أطلقوا سراح إرلان');
    const [campaign, label, own, foot] = letter.text.split('\n\n');
    expect(campaign).toBe('أطلقوا سراح إرلان.');
    expect(label).toBe(`— كتب Ana باللغة ${new Intl.DisplayNames(['ar'], { type: 'language' }).of('en')}: —`);
    expect(own).toBe('Free him.');
    expect(foot).toBe(`Ana\n${new Intl.DisplayNames(['ar'], { type: 'region' }).of('BR')}\n`);
  });
});

describe('targetDigest', () => {
  const signatures = [
    {
      name: 'Ana',
      unionName: 'Nurses United',
      country: 'BR',
      message: `${'x'.repeat(250)}\nmore`,
      locale: 'en',
      messageLocale: 'en',
    },
    { name: 'Kim', unionName: null, country: null, message: '', locale: 'en', messageLocale: 'en' },
  ];
  const since = Date.UTC(2026, 10, 20, 9, 30);

  it('counts the supporters and countries since the first, then one line each, from the site', () => {
    const digest = targetDigest(
      { texts: texts('en'), signatures, since, siteName: 'Outcry' },
      translatorFor('en'),
    );
    expect(digest.fromName).toBe('Outcry');
    expect(digest.subject).toBe('Release Erlan Baltabay (2 supporters)');
    expect(digest.text).toBe(
      [
        '2 more supporters from 1 country wrote to you since November 20, 2026 at 9:30 AM. Each of them asks:',
        'Release Erlan Baltabay now.\n\nRespect union rights.',
        `• Ana, Nurses United, Brazil: “${'x'.repeat(199)}…”\n• Kim\n`,
      ].join('\n\n'),
    );
  });

  it('counts in Arabic plural forms', () => {
    const digest = targetDigest(
      { texts: texts('ar'), signatures, since, siteName: 'Outcry' },
      translatorFor('ar'),
    );
    expect(digest.subject).toBe('Release Erlan Baltabay (مؤيدان)');
    expect(digest.text.startsWith('كتب إليكم مؤيدان آخران من بلد واحد منذ ')).toBe(true);
  });
});
