// age exports: only an X25519 public key is taken (checked by the library), and a streamed file opens with
// the partner's identity, and with no other.
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageEncrypted, ageEncryptedBytes, parseAgeRecipient, shortRecipient } from './age-export.js';

async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function* rows(n: number): AsyncGenerator<string> {
  yield 'name,country\n';
  for (let i = 0; i < n; i++) yield `Signer ${i} Ñandú,CL\n`;
}

describe('age exports', () => {
  it('takes an X25519 recipient and refuses everything else', async () => {
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    expect(parseAgeRecipient(`  ${recipient}\n`)).toBe(recipient);
    expect(parseAgeRecipient(recipient.toUpperCase())).toBe(recipient);
    const typo = `${recipient.slice(0, 20)}${recipient[20] === 'q' ? 'p' : 'q'}${recipient.slice(21)}`;
    for (const bad of [
      '',
      identity,
      typo,
      recipient.slice(0, -1),
      `${recipient}x`,
      'age1pq1abc',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC',
      `${recipient},${recipient}`,
    ]) {
      expect(parseAgeRecipient(bad), bad).toBeUndefined();
    }
    expect(shortRecipient(recipient)).toMatch(/^age1.{8}….{8}$/);
  });

  it('encrypts a streamed file that only the partner identity opens', async () => {
    const identity = await generateIdentity();
    const file = await bytesOf(await ageEncrypted(rows(25_000), await identityToRecipient(identity)));
    expect(Buffer.from(file.subarray(0, 21)).toString()).toBe('age-encryption.org/v1');
    expect(Buffer.from(file).includes('Signer 1')).toBe(false);
    const d = new Decrypter();
    d.addIdentity(identity);
    const text = await d.decrypt(file, 'text');
    expect(text.startsWith('name,country\nSigner 0 Ñandú,CL\n')).toBe(true);
    expect(text).toContain('Signer 24999 Ñandú,CL\n');

    const stranger = new Decrypter();
    stranger.addIdentity(await generateIdentity());
    await expect(stranger.decrypt(file, 'text')).rejects.toThrow();

    const pdf = new TextEncoder().encode('%PDF-1.7 a dossier');
    const sealed = await ageEncryptedBytes(pdf, await identityToRecipient(identity));
    expect(await d.decrypt(sealed, 'text')).toBe('%PDF-1.7 a dossier');
  });
});
