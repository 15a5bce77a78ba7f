import { describe, expect, it } from 'vitest';
import { listToken, parseListToken } from './list-token.js';
import { parseSignedId, signedId } from './signed-id.js';
import { parseStatusToken, statusToken } from './status-token.js';

describe('signed ids', () => {
  it('open only for the purpose they were made for', () => {
    expect(parseSignedId('status', signedId('status', 7, 's'), 's')).toBe(7);
    expect(parseListToken(statusToken(7, 's'), 's')).toBeNull();
    expect(parseStatusToken(listToken(7, 's'), 's')).toBeNull();
  });

  it('keep the links already sent working (the MAC is the one links had before this module)', () => {
    // Tokens computed by the former list-token.ts and status-token.ts for id 42 and secret "k".
    expect(listToken(42, 'k')).toBe('42.6MUPoz3QS2cmSJPCrUyzmG');
    expect(statusToken(42, 'k')).toBe('42.1Ti6Spq-UGZPKH3xG3KMGe');
  });
});
