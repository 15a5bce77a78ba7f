// The account mails on their own, with the real catalogs: the words in the recipient's language, the one
// link with its token, and what people typed (names) carried through as they wrote it.
import { describe, expect, it } from 'vitest';
import type { AccountMailKind } from '../../domain/account/account-mail.js';
import { translatorFor } from '../../i18n/translator.js';
import { accountEmail } from './account.email.js';

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
const token = 'A'.repeat(32);

/** The mail of this kind to this recipient, with the token and site above, in `locale`. */
function mailTo(kind: AccountMailKind, recipient: { name: string; address: string }, locale: string) {
  return accountEmail({ kind, recipient, token, site }, translatorFor(locale));
}

describe('accountEmail', () => {
  it('invites in English: who invited, as what, and the invitation link', () => {
    const mail = accountEmail(
      {
        kind: 'invite',
        recipient: { name: '', address: 'new@example.org' },
        token,
        invitedBy: "Ana {O'Brien} <b>",
        role: 'translator',
        site,
      },
      translatorFor('en'),
    );
    expect(mail.subject).toBe("Ana {O'Brien} <b> invited you to Outcry");
    expect(mail.text).toContain("Ana {O'Brien} <b> invited you to work on Outcry as translator.");
    expect(mail.text).toContain(`\nhttps://outcry.example.org/editor/invitation/${token}\n`);
    expect(mail.html).toBeUndefined();
  });

  it('invites in Arabic, naming the site when nobody is named and the editor role by default', () => {
    const mail = mailTo('invite', { name: '', address: 'new@example.org' }, 'ar');
    expect(mail.subject).toBe('دعاك Outcry إلى Outcry');
    expect(mail.text).toContain('بدور محرّر');
    expect(mail.text).toContain(`https://outcry.example.org/editor/invitation/${token}`);
  });

  it('greets by name, or by address, in login and reset mails with their own links', () => {
    const login = mailTo('login', { name: 'Kim Min-ji', address: 'kim@example.org' }, 'en');
    expect(login.subject).toBe('Your login link for Outcry');
    expect(login.text.startsWith('Hello Kim Min-ji,\n')).toBe(true);
    expect(login.text).toContain(`https://outcry.example.org/editor/login/link/${token}`);

    const reset = mailTo('reset', { name: '', address: 'kim@example.org' }, 'ar');
    expect(reset.subject).toBe('اختر كلمة مرور جديدة لـ Outcry');
    expect(reset.text).toContain('kim@example.org');
    expect(reset.text).toContain(`https://outcry.example.org/editor/reset/${token}`);
  });
});
