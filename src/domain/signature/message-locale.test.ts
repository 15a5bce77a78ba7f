// The language a signature's message is recorded in: the campaign text the page showed (never the
// interface language), and none for the default message sent unchanged.
import { describe, expect, it } from 'vitest';
import type { CampaignTexts } from '../campaign/campaign.js';
import { messageLocale } from './sign-campaign.js';

const version = (locale: string, defaultMessage: string, status: CampaignTexts['status'] = 'published') =>
  ({
    locale,
    status,
    headline: 'h',
    backgroundMd: 'b',
    defaultMessage,
    targetSubject: 's',
    targetSalutation: '',
    outcomeMd: null,
  }) as CampaignTexts;

const campaign = {
  sourceLocale: 'en',
  translations: [
    version('en', 'Release Erlan Baltabay now.\n\nRespect union rights.'),
    version('fr', 'Libérez Erlan Baltabay.'),
    version('ar', 'أطلقوا سراح إرلان.', 'draft'),
  ],
};

describe('messageLocale', () => {
  it('is the fallback text’s language when the interface language has no published translation', () => {
    expect(messageLocale(campaign, 'ar', 'Free him, I beg you.')).toBe('en');
    expect(messageLocale(campaign, 'tl', 'Palayain siya.')).toBe('en');
  });

  it('is the translation’s language when the page showed one', () => {
    expect(messageLocale(campaign, 'fr', 'Libérez-le, je vous en prie.')).toBe('fr');
  });

  it('is none for the default message unchanged, whatever the line endings and spacing', () => {
    expect(
      messageLocale(campaign, 'ar', 'Release Erlan Baltabay now.\r\n\r\nRespect union rights.  '),
    ).toBeNull();
    expect(messageLocale(campaign, 'fr', ' Libérez Erlan Baltabay. ')).toBeNull();
  });
});
