// The envelope of the site's own mail: From the site, to one person, replies where asked, marked
// auto-generated and labelled with the language of the words.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from './mail-text.js';

const site = { name: 'Outcry', mailFrom: 'campaigns@outcry.example.org' };
const to = { name: 'Amira', address: 'amira@example.org' };

describe('siteMail', () => {
  it('sends plain text from the site, marked auto-generated, in the translator’s language', () => {
    expect(siteMail(site, to, translatorFor('ar'), { subject: 'S', text: 'T' })).toEqual({
      from: { name: 'Outcry', address: 'campaigns@outcry.example.org' },
      to: [to],
      subject: 'S',
      text: 'T',
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'ar' },
    });
  });

  it('carries a Reply-To and an HTML version when given', () => {
    const editor = { name: 'Jose', address: 'jose@example.org' };
    const mail = siteMail(
      site,
      to,
      translatorFor('en'),
      { subject: 'S', text: 'T', html: '<p>T</p>' },
      editor,
    );
    expect(mail).toMatchObject({ replyTo: editor, html: '<p>T</p>' });
  });
});
