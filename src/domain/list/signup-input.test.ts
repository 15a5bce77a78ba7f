// The sign-up form's rules: every error at once, the consent box required, the list one of ours, the
// address kept as typed with its canonical form for dedupe.
import { describe, expect, it } from 'vitest';
import { validateSignupInput } from './signup-input.js';

const good = {
  email: ' Rosa.Luna+lists@Gmail.com ',
  name: '  Rosa   Luna ',
  country: 'ph',
  list: 'tl',
  consent: true,
};

describe('validateSignupInput', () => {
  it('normalises good input', () => {
    const result = validateSignupInput(good, 'en');
    expect(result).toEqual({
      ok: true,
      input: {
        email: { address: 'Rosa.Luna+lists@gmail.com', canonical: 'rosaluna@gmail.com' },
        name: 'Rosa Luna',
        country: 'PH',
        list: 'tl',
      },
    });
  });

  it('takes no name', () => {
    expect(validateSignupInput({ ...good, name: '' }, 'en').ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const result = validateSignupInput(
      { email: 'a@b@c', name: 'x'.repeat(101), country: 'ZZ', list: 'xx', consent: false },
      'en',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'EmailInvalid',
        name: 'NameTooLong',
        country: 'CountryInvalid',
        list: 'ListInvalid',
        consent: 'ConsentRequired',
      },
    });
  });

  it('refuses header injection and bidi tricks in the name, and an empty country', () => {
    const result = validateSignupInput({ ...good, name: 'Rosa\r\nBcc: x@y.z', country: ' ' }, 'en');
    expect(result).toMatchObject({ ok: false, errors: { name: 'NameInvalid', country: 'CountryRequired' } });
    expect(validateSignupInput({ ...good, name: 'Rosa \u202Eanul' }, 'en')).toMatchObject({
      ok: false,
      errors: { name: 'NameInvalid' },
    });
    expect(validateSignupInput({ ...good, email: 'x\r\nbcc@evil.example' }, 'en')).toMatchObject({
      ok: false,
      errors: { email: 'EmailInvalid' },
    });
  });
});
