// The delivery alerts on their own, with the real catalogs: a bounced target address and a paused domain,
// each in the recipient's language, quoting the receiving server verbatim and linking to where to act.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translator.js';
import { deliveryAlertEmail } from './delivery-alert.email.js';

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };

describe('deliveryAlertEmail', () => {
  const bounced = {
    kind: 'target_bounced',
    detail: "550 5.1.1 <minister@example.gov>: user {unknown} isn't here",
    domain: null,
    campaignSlug: 'free-erlan',
    targetName: 'Minister of Labour',
    targetEmail: 'minister@example.gov',
  };

  it('says in English which address bounced, why, and links to the campaign delivery page', () => {
    const mail = deliveryAlertEmail({ alert: bounced, recipientName: 'Amira', site }, translatorFor('en'));
    expect(mail.subject).toBe('Delivery stopped: minister@example.gov does not exist');
    expect(mail.text).toContain('Hello Amira,');
    expect(mail.text).toContain('The mail server of Minister of Labour <minister@example.gov>');
    expect(mail.text).toContain(`\n${bounced.detail}\n`);
    expect(mail.text).toContain('campaign free-erlan');
    expect(mail.text).toContain('https://outcry.example.org/editor/campaigns/free-erlan/delivery');
  });

  it('says in Arabic which domain refuses our mail, linking to the editor home without a campaign', () => {
    const mail = deliveryAlertEmail(
      {
        alert: {
          kind: 'domain_paused',
          detail: '554 5.7.1 blocked by policy',
          domain: 'example.gov',
          campaignSlug: null,
          targetName: null,
          targetEmail: null,
        },
        recipientName: 'أميرة',
        site,
      },
      translatorFor('ar'),
    );
    expect(mail.subject).toBe('الإرسال متوقف مؤقتًا: example.gov يرفض بريدنا');
    expect(mail.text).toContain('مرحبًا أميرة،');
    expect(mail.text).toContain('554 5.7.1 blocked by policy');
    expect(mail.text).toContain('\nhttps://outcry.example.org/editor\n');
  });
});
