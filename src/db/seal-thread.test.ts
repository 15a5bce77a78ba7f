// The seal thread seals exactly what the event loop would (values that open under their column with the
// process's vault, the same blind indexes), and a closed or failed thread falls back to the event loop.
import { afterEach, describe, expect, it } from 'vitest';
import { developmentVault } from '../security/data-keys.js';
import { SealThread } from './seal-thread.js';
import type { SignatureFields } from './signature-seals.js';

const vault = developmentVault();
const fields: SignatureFields[] = [
  {
    email: 'Ana@Example.org',
    canonical: 'ana@example.org',
    name: 'Ana María',
    union: 'UGT',
    message: 'Libertad',
  },
  { email: 'li@example.cn', canonical: 'li@example.cn', name: '李娜', union: null, message: '释放他' },
];

describe('seal thread', () => {
  let thread: SealThread;
  afterEach(async () => thread.close());

  function expectSealed(sealed: Awaited<ReturnType<SealThread['seal']>>) {
    expect(sealed).toHaveLength(2);
    const [ana, li] = sealed;
    expect(ana!.supporterEmail).not.toContain('Ana');
    expect(vault.open('supporters.email', ana!.supporterEmail)).toBe('Ana@Example.org');
    expect(vault.open('signatures.name', ana!.signatureName)).toBe('Ana María');
    expect(vault.open('supporters.name', ana!.supporterName)).toBe('Ana María');
    expect(vault.open('signatures.union_name', ana!.signatureUnion!)).toBe('UGT');
    expect(vault.open('supporters.union_name', ana!.supporterUnion!)).toBe('UGT');
    expect(vault.open('signatures.message', li!.message)).toBe('释放他');
    expect(li!.signatureUnion).toBeNull();
    // A value sealed for one column does not open as another.
    expect(() => vault.open('signatures.name', ana!.supporterName)).toThrow();
    expect(ana!.emailIndex).toBe(vault.index('ana@example.org'));
    expect(ana!.domainIndex).toBe(vault.domainIndex('Ana@Example.org'));
  }

  it('seals on a thread of its own what the event loop would', async () => {
    thread = new SealThread(vault);
    expect(thread.running).toBe(false);
    expectSealed(await thread.seal(fields));
    expect(thread.running).toBe(true);
    // Batches in flight together come back to their own callers.
    const [a, b] = await Promise.all([thread.seal([fields[1]!]), thread.seal([fields[0]!])]);
    expect(vault.open('signatures.name', a![0]!.signatureName)).toBe('李娜');
    expect(vault.open('signatures.name', b![0]!.signatureName)).toBe('Ana María');
    expect(thread.stats).toEqual({ onThread: 3, inline: 0 });
  });

  it('seals on the event loop once closed', async () => {
    thread = new SealThread(vault);
    await thread.close();
    expectSealed(await thread.seal(fields));
    expect(thread.running).toBe(false);
    expect(thread.stats).toEqual({ onThread: 0, inline: 1 });
  });
});
