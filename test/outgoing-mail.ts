// One campaign letter for the transport tests (SMTP and capture): a supporter's letter to a minister, sent
// from the site's address with the supporter as Reply-To; a test changes what it is about.
import type { OutgoingMail } from '../src/mail/transport.js';

export const from = { name: 'Ana Souza via Outcry', address: 'campaigns@outcry.example.org' };
export const target = { name: 'Minister of Labour', address: 'minister@example.org' };
export const supporter = { name: 'Ana Souza', address: 'ana@example.net' };

export function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from,
    to: [target],
    replyTo: supporter,
    subject: 'Respect the nurses',
    text: 'Hello',
    ...overrides,
  };
}
