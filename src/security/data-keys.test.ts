// The data keys: values open only in their own column and under a configured key, every seal is fresh,
// keys parse strictly, and the blind index stays put when the data key rotates (decision 0023).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataKeyError, DataVault, developmentDataKey, isSealed, parseDataKeys } from './data-keys.js';

const key = () => randomBytes(32).toString('base64');

describe('data vault', () => {
  const vault = DataVault.fromText(`k1:${key()}`);

  it('opens what it sealed, in the same column only', () => {
    const sealed = vault.seal('supporters.name', 'Erlan Baltabay');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('Erlan');
    expect(sealed.startsWith('e2.k1.')).toBe(true);
    expect(vault.open('supporters.name', sealed)).toBe('Erlan Baltabay');
    expect(() => vault.open('signatures.name', sealed)).toThrow(DataKeyError);
  });

  it('still opens values of the first format (AES-256-GCM), which rotation moves to the second', () => {
    // Sealed by the e1 code (before decision 0023's second format) under the key of 32 bytes 0x2a, id "old".
    const firstFormat = 'e1.old.wqXossYJ-Y2MKvVOy-We2eFfHqBnCycsZAg5wXQxfiHxZStNIIiSQW6b';
    const keyring = DataVault.fromText(`old:${Buffer.alloc(32, 0x2a).toString('base64')}`);
    expect(isSealed(firstFormat)).toBe(true);
    expect(keyring.open('supporters.name', firstFormat)).toBe('Erlan Baltabay');
    expect(() => keyring.open('signatures.name', firstFormat)).toThrow(DataKeyError);
    expect(keyring.isCurrent(firstFormat)).toBe(false);
    expect(keyring.isCurrent(keyring.seal('supporters.name', 'Erlan Baltabay'))).toBe(true);
  });

  it('seals the same value differently every time (a fresh nonce each)', () => {
    const a = vault.seal('supporters.email', 'a@example.org');
    const b = vault.seal('supporters.email', 'a@example.org');
    expect(a).not.toBe(b);
  });

  it('refuses a tampered value and one sealed with a key it does not have', () => {
    const sealed = vault.seal('signatures.message', 'Free them');
    // The second-to-last character carries six bits of the tag (the last may carry padding bits only); it is
    // always changed, whatever it was (choosing by the last character left it as it was one run in 64).
    const at = sealed.length - 2;
    const flipped = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(flipped).not.toBe(sealed);
    expect(() => vault.open('signatures.message', flipped)).toThrow(DataKeyError);
    const other = DataVault.fromText(`k2:${key()}`);
    expect(() => other.open('signatures.message', sealed)).toThrow(/k1/);
  });

  it('keeps empty strings and clear values as they are', () => {
    expect(vault.seal('supporters.name', '')).toBe('');
    expect(vault.open('supporters.name', 'written before 0017')).toBe('written before 0017');
  });

  it('seals under the first key, opens under any, and keeps the index of the last', () => {
    const old = `old:${key()}`;
    const before = DataVault.fromText(old);
    const after = DataVault.fromText(`new:${key()},${old}`);
    const sealed = before.seal('supporters.email', 'x@example.org');
    expect(after.open('supporters.email', sealed)).toBe('x@example.org');
    expect(after.isCurrent(sealed)).toBe(false);
    expect(after.isCurrent(after.seal('supporters.email', 'x@example.org'))).toBe(true);
    expect(after.currentKeyId).toBe('new');
    expect(after.index('x@example.org')).toBe(before.index('x@example.org'));
    expect(after.index('x@example.org')).not.toBe(after.index('y@example.org'));
  });

  it('parses keys strictly', () => {
    expect(parseDataKeys(developmentDataKey)[0]?.id).toMatch(/^k[0-9a-f]{8}$/);
    expect(() => parseDataKeys('')).toThrow(/no key/);
    expect(() => parseDataKeys('c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseDataKeys(`a b:${key()}`)).toThrow(DataKeyError);
    const k = key();
    expect(() => parseDataKeys(`x:${k} x:${key()}`)).toThrow(/twice/);
    expect(parseDataKeys(`a:${k}\nb:${key()}`).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('takes the index key from INDEX_KEY when set, and looks up under every listed one', () => {
    const data = `d:${key()}`;
    const named = `ix:${key()}`;
    const derived = DataVault.fromText(data);
    expect(derived.indexKeyId).toBe('d');
    // The data key named as index key: the same indexes, so naming it changes nothing stored.
    expect(DataVault.fromText(data, data).index('x@example.org')).toBe(derived.index('x@example.org'));
    const moving = DataVault.fromText(data, `${named} ${data}`);
    expect(moving.indexKeyId).toBe('ix');
    expect(moving.reindexing).toBe(true);
    expect(moving.index('x@example.org')).not.toBe(derived.index('x@example.org'));
    expect(moving.indexes('x@example.org')).toEqual([
      moving.index('x@example.org'),
      derived.index('x@example.org'),
    ]);
    expect(moving.domainIndexes('x@example.org')[1]).toBe(derived.domainIndex('y@EXAMPLE.org'));
    expect(DataVault.fromText(data, named).reindexing).toBe(false);
    expect(() => DataVault.fromText(data, 'short')).toThrow(DataKeyError);
  });
});
