// The campaign-request mails on their own, with the real catalogs: each decision in the requester's
// language, the editor's message quoted as they wrote it, and the deciding editor named.
import { describe, expect, it } from 'vitest';
import { campaignRequestMailKinds } from '../../domain/campaign-request/campaign-request-mail.js';
import { translatorFor } from '../../i18n/translator.js';
import { campaignRequestEmail } from './campaign-request.email.js';

const request = {
  recipient: { name: 'Volha', address: 'volha@example.org' },
  headline: 'Free Aliaksandr Yarashuk',
  orgName: 'Salidarnast',
  siteName: 'Outcry',
};

describe('campaignRequestEmail', () => {
  it('has a subject of its own for each kind, with the headline, in English', () => {
    const subjects = campaignRequestMailKinds.map(
      (kind) => campaignRequestEmail({ ...request, kind }, translatorFor('en')).subject,
    );
    expect(subjects).toEqual([
      'We received your campaign request: Free Aliaksandr Yarashuk',
      'Changes needed to your campaign request: Free Aliaksandr Yarashuk',
      'Your campaign request is approved: Free Aliaksandr Yarashuk',
      'About your campaign request: Free Aliaksandr Yarashuk',
      'Your campaign is live: Free Aliaksandr Yarashuk',
    ]);
    const received = campaignRequestEmail({ ...request, kind: 'received' }, translatorFor('en'));
    expect(received.text).toContain('“Free Aliaksandr Yarashuk” from Salidarnast');
  });

  it('gives the live campaign its address, in Arabic', () => {
    const url = 'https://outcry.example/ar/campaigns/free-yarashuk';
    const mail = campaignRequestEmail(
      { ...request, kind: 'launched', campaignUrl: url },
      translatorFor('ar'),
    );
    expect(mail.subject).toContain('Free Aliaksandr Yarashuk');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('منشورة');
  });

  it('quotes the reason verbatim and names the deciding editor, in Arabic', () => {
    const reason = "We can't check {these} facts <yet>.\n\nSend sources, please.";
    const mail = campaignRequestEmail(
      {
        ...request,
        recipient: { name: '', address: 'volha@example.org' },
        kind: 'declined',
        message: reason,
        editorName: 'Jose',
      },
      translatorFor('ar'),
    );
    expect(mail.subject).toBe('بشأن طلب الحملة: Free Aliaksandr Yarashuk');
    expect(mail.text).toContain('مرحبًا volha@example.org،');
    expect(mail.text).toContain(`\n\n${reason}\n\n`);
    expect(mail.text).toContain('سيصل ردّكم إلى Jose.');
  });

  it('names the site when no editor decided', () => {
    const mail = campaignRequestEmail({ ...request, kind: 'declined', message: 'No.' }, translatorFor('en'));
    expect(mail.text).toContain('your reply goes to Outcry.');
  });
});
