// The supporter's mails on their own, with the real catalogs: the confirm link in the supporter's language,
// the campaign link in the language of the texts they read, and the status paragraph placed before the
// closing line of the thank-you mail.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translator.js';
import { signatureEmail } from './signature.email.js';

const common = {
  name: "Kim {Min-ji} O'Neil",
  headline: 'Free Erlan Baltabay',
  locale: 'ar',
  campaignLocale: 'en',
  campaignSlug: 'free-erlan',
  site: { name: 'Outcry', baseUrl: 'https://outcry.example.org' },
};

describe('signatureEmail', () => {
  it('asks to confirm, in Arabic, with the confirm page in the supporter’s language', () => {
    const mail = signatureEmail({ ...common, kind: 'confirm', token: 'tok_123' }, translatorFor('ar'));
    expect(mail.subject).toBe('يُرجى تأكيد توقيعك: Free Erlan Baltabay');
    expect(mail.text).toContain(`مرحبًا ${common.name}،`);
    expect(mail.text).toContain('\nhttps://outcry.example.org/ar/confirm/tok_123\n');
  });

  it('thanks, in English, with the campaign page in the texts’ language and no status link', () => {
    const mail = signatureEmail({ ...common, locale: 'en', kind: 'thank' }, translatorFor('en'));
    expect(mail.subject).toBe('Thank you for signing: Free Erlan Baltabay');
    expect(mail.text).toContain('https://outcry.example.org/en/campaigns/free-erlan');
    expect(mail.text).not.toContain('/status/');
    expect(mail.text.endsWith('\n\nOutcry')).toBe(true);
  });

  it('puts the status paragraph before the closing line', () => {
    const mail = signatureEmail({ ...common, kind: 'thank', statusToken: 'st_9' }, translatorFor('ar'));
    expect(
      mail.text.endsWith(
        '\n\nتابع رسالتك وهي تصل إلى كل عنوان:\nhttps://outcry.example.org/ar/status/st_9\n\nOutcry',
      ),
    ).toBe(true);
    expect(mail.text).toContain('https://outcry.example.org/en/campaigns/free-erlan');
  });
});
