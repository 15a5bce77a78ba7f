// The end-date reminder on its own, with the real catalogs: the campaign and its end date in the
// recipient's language, and the link to the campaign in the editor area.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translator.js';
import { campaignReminderEmail } from './campaign-reminder.email.js';

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
const endsAt = Date.UTC(2026, 11, 10, 23, 59, 59, 999);

describe('campaignReminderEmail', () => {
  it('names the campaign and its end date in English', () => {
    const mail = campaignReminderEmail(
      {
        recipient: { name: 'Jose', email: 'jose@example.org' },
        campaign: { slug: 'free-erlan', headline: 'Free {Erlan} <now>', endsAt },
        site,
      },
      translatorFor('en'),
    );
    expect(mail.subject).toBe('“Free {Erlan} <now>” ends on December 10, 2026');
    expect(mail.text).toContain('Hello Jose,');
    expect(mail.text).toContain('https://outcry.example.org/editor/campaigns/free-erlan\n');
  });

  it('in Arabic, greets by address and names the campaign by its slug when it has no headline', () => {
    const tr = translatorFor('ar');
    const mail = campaignReminderEmail(
      {
        recipient: { name: '', email: 'amira@example.org' },
        campaign: { slug: 'free-erlan', headline: null, endsAt },
        site,
      },
      tr,
    );
    expect(mail.subject).toBe(`تنتهي حملة «free-erlan» في ${tr.date(endsAt)}`);
    expect(mail.text).toContain('مرحبًا amira@example.org،');
  });
});
