import { describe, expect, it } from 'vitest';
import { listLinks, listToken, parseListToken } from './list-token.js';

describe('list tokens', () => {
  it('round-trip and refuse a forged or altered token', () => {
    const token = listToken(42, 'secret-a');
    expect(parseListToken(token, 'secret-a')).toBe(42);
    expect(parseListToken(token, 'secret-b')).toBeNull();
    expect(parseListToken(token.replace(/^42/, '43'), 'secret-a')).toBeNull();
    expect(parseListToken(`${token}x`, 'secret-a')).toBeNull();
    expect(parseListToken('', 'secret-a')).toBeNull();
  });

  it('builds the links a mailing carries', () => {
    expect(listLinks('https://outcry.example/', 'es', 't')).toEqual({
      unsubscribe: 'https://outcry.example/unsubscribe/t',
      preferences: 'https://outcry.example/es/preferences/t',
    });
  });
});
