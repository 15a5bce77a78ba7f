// A mailing version compiled once and rendered per recipient, with the real catalogs and MJML: the English
// and the Arabic (right-to-left) mail, the hidden preheader, the footer's links carrying each recipient's
// own token, campaign links tagged with the mailing's source, hostile bodies and names kept inert.
import { describe, expect, it } from 'vitest';
import { listToken } from '../../security/list-token.js';
import { compileMailing, type MailingVersionInput, tagCampaignLinks } from './mailing.email.js';

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
const secret = 'test-secret-test-secret-test-secret';

const english: MailingVersionInput = {
  mailingId: 42,
  locale: 'en',
  textLocale: 'en',
  subject: 'Erlan is free',
  preheader: 'Thank you, all 7,000 of you',
  bodyMd:
    'Erlan walked out of prison **today**.\n\nRead the [whole story](https://outcry.example.org/en/campaigns/free-erlan).',
  otherCampaigns: [
    { headline: 'Reinstate the Cairo bus drivers', url: 'https://outcry.example.org/en/campaigns/cairo-bus' },
  ],
  site,
};

describe('compileMailing', () => {
  it('renders the English mail: hidden preheader, greeting, body, other campaigns and footer', async () => {
    const compiled = await compileMailing(english);
    const token = listToken(7, secret);
    const mail = compiled.render({ name: 'Ana Souza', token });
    expect(mail.subject).toBe('Erlan is free');
    expect(mail.html).toContain('<html lang="en" dir="ltr"');
    expect(mail.html).toMatch(/<div style="display:none;[^"]*">Thank you, all 7,000 of you<\/div>/);
    expect(mail.html).toContain('Hello \u2068Ana Souza\u2069,');
    expect(mail.html).toContain('<strong>today</strong>');
    expect(mail.html).toContain(
      'href="https://outcry.example.org/en/campaigns/free-erlan?src=mailing-42-en"',
    );
    expect(mail.html).toContain('href="https://outcry.example.org/en/campaigns/cairo-bus?src=mailing-42-en"');
    expect(mail.html).toContain('Other campaigns that need you now');
    expect(mail.html).toContain('You receive this mail because you joined the English list of Outcry.');
    expect(mail.html).toContain(`href="https://outcry.example.org/en/preferences/${token}"`);
    expect(mail.html).toContain(`href="https://outcry.example.org/unsubscribe/${token}"`);
    // No remote fonts: opening the mail tells no third party anything.
    expect(mail.html).not.toContain('fonts.googleapis.com');

    // The body as readable text: no Markdown markers, the link's address after its words.
    expect(mail.text).toContain(
      'Hello \u2068Ana Souza\u2069,\n\nErlan walked out of prison today.\n\nRead the whole story (https://outcry.example.org/en/campaigns/free-erlan?src=mailing-42-en).',
    );
    expect(mail.text).not.toContain('**');
    expect(mail.text).toContain(
      '- Reinstate the Cairo bus drivers\n  https://outcry.example.org/en/campaigns/cairo-bus?src=mailing-42-en',
    );
    expect(mail.text).toContain(`Unsubscribe: https://outcry.example.org/unsubscribe/${token}`);
    expect(mail.text).toContain(
      `Change your preferences: https://outcry.example.org/en/preferences/${token}`,
    );
  });

  it('gives each recipient their own name and token from one compilation', async () => {
    const compiled = await compileMailing(english);
    const a = compiled.render({ name: 'Ana', token: listToken(1, secret) });
    const b = compiled.render({ name: '', token: listToken(2, secret) });
    expect(a.html).toContain(listToken(1, secret));
    expect(a.html).not.toContain(listToken(2, secret));
    expect(b.html).toContain(listToken(2, secret));
    expect(b.text.startsWith('Hello,\n')).toBe(true);
    expect(a.html.length - b.html.length).toBeGreaterThan(0);
  });

  it('renders the Arabic mail right to left, in Arabic', async () => {
    const compiled = await compileMailing({
      ...english,
      locale: 'ar',
      textLocale: 'ar',
      subject: 'إرلان حر',
      preheader: 'شكرًا لكم',
      bodyMd: 'خرج إرلان من السجن **اليوم**.',
      otherCampaigns: [
        { headline: 'أعيدوا سائقي الحافلات', url: 'https://outcry.example.org/ar/campaigns/cairo-bus' },
      ],
    });
    const token = listToken(9, secret);
    const mail = compiled.render({ name: 'Kim', token });
    expect(mail.html).toContain('<html lang="ar" dir="rtl"');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('align="right"');
    expect(mail.html).toContain('مرحبًا \u2068Kim\u2069،');
    expect(mail.html).toContain('حملات أخرى تحتاج إليك الآن');
    expect(mail.html).toContain('href="https://outcry.example.org/ar/campaigns/cairo-bus?src=mailing-42-ar"');
    expect(mail.html).toContain(`href="https://outcry.example.org/ar/preferences/${token}"`);
    expect(mail.text).toContain('إلغاء الاشتراك: https://outcry.example.org/unsubscribe/');
    expect(mail.text).toContain('تصلك هذه الرسالة لأنك انضممت إلى قائمة');
  });

  it('notes the language when the recipient gets the source text', async () => {
    const compiled = await compileMailing({ ...english, locale: 'ar', textLocale: 'en' });
    const mail = compiled.render({ name: 'Kim', token: listToken(3, secret) });
    expect(mail.text.split('\n')[0]).toBe(
      'لم تُترجم هذه الرسالة إلى العربية بعد، لذا تصلك باللغة الإنجليزية.',
    );
    expect(mail.html).toContain('<div dir="ltr" lang="en">');
    expect(mail.html).toContain('<html lang="ar" dir="rtl"');
  });

  it('keeps hostile bodies, names and the marker syntax inert', async () => {
    const first = await compileMailing(english);
    const other = first.render({ name: 'x', token: listToken(1, secret) });
    // Whatever markers one compilation used, a body that contains them is not substituted by another.
    const leaked = /N[0-9a-f]{18}N/.exec(other.html);
    expect(leaked).toBeNull();
    const compiled = await compileMailing({
      ...english,
      bodyMd:
        '<script>alert(1)</script> [x](javascript:alert(1)) {{name}} $' +
        '{name} <img src=x onerror=alert(1)>',
    });
    const mail = compiled.render({ name: '<b>Eve</b>\u202Eevil', token: listToken(4, secret) });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('href="javascript:');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).toContain('{{name}} $' + '{name}');
    expect(() => compiled.render({ name: 'x', token: '"><script>' })).toThrow();
  });
});

describe('tagCampaignLinks', () => {
  const base = 'https://outcry.example.org';
  it('tags campaign pages only, keeping their query and fragment', () => {
    expect(tagCampaignLinks(`${base}/en/campaigns/a?x=1#sign`, base, 's', false)).toBe(
      `${base}/en/campaigns/a?x=1&src=s#sign`,
    );
    expect(tagCampaignLinks(`href="${base}/en/campaigns/a?x=1"`, base, 's', true)).toBe(
      `href="${base}/en/campaigns/a?x=1&amp;src=s"`,
    );
    expect(tagCampaignLinks(`${base}/en/privacy https://evil.example/en/campaigns/a`, base, 's', false)).toBe(
      `${base}/en/privacy https://evil.example/en/campaigns/a`,
    );
  });
});
