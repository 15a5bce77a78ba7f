// When a confirmed signature's ticked box changes a membership, and which lists one may join.
import { describe, expect, it } from 'vitest';
import { isListLanguage, listLanguages, signatureJoin } from './membership.js';

describe('signatureJoin', () => {
  it('adds a newcomer and completes a sign-up waiting for its button', () => {
    expect(signatureJoin(undefined, 5)).toBe('insert');
    expect(signatureJoin({ status: 'pending', unsubscribedAt: null }, 5)).toBe('subscribe');
  });

  it('leaves a member alone', () => {
    expect(signatureJoin({ status: 'subscribed', unsubscribedAt: null }, 5)).toBe('none');
  });

  it('brings back someone who left only for a box ticked after they left', () => {
    expect(signatureJoin({ status: 'unsubscribed', unsubscribedAt: 10 }, 9)).toBe('none');
    expect(signatureJoin({ status: 'unsubscribed', unsubscribedAt: 10 }, 10)).toBe('none');
    expect(signatureJoin({ status: 'unsubscribed', unsubscribedAt: 10 }, 11)).toBe('subscribe');
  });
});

describe('list languages', () => {
  it("are the campaign languages plus the page's own", () => {
    expect(listLanguages('en')).toContain('ar');
    expect(listLanguages('en')).not.toContain('gsw');
    expect(listLanguages('gsw')).toContain('gsw');
    expect(isListLanguage('tl', 'en')).toBe(true);
    expect(isListLanguage('gsw', 'en')).toBe(false);
    expect(isListLanguage('', 'en')).toBe(false);
  });
});
