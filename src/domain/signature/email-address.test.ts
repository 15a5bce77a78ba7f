import { describe, expect, it } from 'vitest';
import { parseEmail } from './email-address.js';

const canonical = (s: string) => {
  const r = parseEmail(s);
  return r.ok ? r.email.canonical : r.error;
};

describe('parseEmail', () => {
  it.each([
    'Ana.Souza@gmail.com',
    'anasouza+erlan@GMAIL.com',
    'a.n.a.souza@googlemail.com',
    ' anasouza@gmail.com. ',
  ])('dedupes case, Gmail dots, +tags and googlemail.com alike: %j is anasouza@gmail.com', (form) => {
    expect(canonical(form)).toBe('anasouza@gmail.com');
  });

  it('keeps dots outside Gmail and drops +tags everywhere', () => {
    expect(canonical('Erlan.B+kz@Union.example.org')).toBe('erlan.b@union.example.org');
  });

  it('keeps what was typed for mailing, with the domain in ASCII', () => {
    const r = parseEmail('Jürgen@bücher.example');
    expect(r).toEqual({
      ok: true,
      email: { address: 'Jürgen@xn--bcher-kva.example', canonical: 'jürgen@xn--bcher-kva.example' },
    });
    expect(canonical('x@xn--bcher-kva.example')).toBe(canonical('x@BÜCHER.example'));
  });

  it.each([
    ['', 'EmailRequired'],
    ['   ', 'EmailRequired'],
    ['no-at-sign', 'EmailInvalid'],
    ['two@@example.org', 'EmailInvalid'],
    ['a@b@example.org', 'EmailInvalid'],
    ['with space@example.org', 'EmailInvalid'],
    ['"quoted local"@example.org', 'EmailInvalid'],
    ['ana(comment)@example.org', 'EmailInvalid'],
    ['Ana <ana@example.org>', 'EmailInvalid'],
    ['a@example.org, b@example.org', 'EmailInvalid'],
    ['x\r\nBcc: evil@example.org@example.org', 'EmailInvalid'],
    ['ana@example.org\r\nBcc: evil@example.org', 'EmailInvalid'],
    ['ana@example.org%0d%0a', 'EmailInvalid'],
    ['ana@localhost', 'EmailInvalid'],
    ['ana@127.0.0.1', 'EmailInvalid'],
    ['ana@-bad-.org', 'EmailInvalid'],
    ['+tag@example.org', 'EmailInvalid'],
    ['.ana@example.org', 'EmailInvalid'],
    [`${'a'.repeat(65)}@example.org`, 'EmailInvalid'],
    [`a@${'b'.repeat(250)}.org`, 'EmailTooLong'],
  ])('refuses %j', (input, error) => {
    expect(parseEmail(input)).toEqual({ ok: false, error });
  });
});
