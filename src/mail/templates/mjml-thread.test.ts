// The MJML thread: documents compiled there come back whole and each to its own caller, an invalid one is
// refused with MJML's own message, and the process that asks never loads MJML itself.
import { describe, expect, it } from 'vitest';
import { compileMjml } from './mjml-thread.js';

const doc = (text: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${text}</mj-text></mj-column></mj-section></mj-body></mjml>`;

describe('the MJML thread', () => {
  it('compiles several documents at once, each answered to its own caller', async () => {
    const words = ['Erlan is free', 'Palayain si Erlan', 'أُطلق سراح إرلان'];
    const results = await Promise.all(words.map((w) => compileMjml(doc(w))));
    results.forEach((r, i) => {
      expect(r.errors).toEqual([]);
      expect(r.html).toContain(words[i]);
      expect(r.html).toContain('<table');
      for (const other of words.filter((_, j) => j !== i)) expect(r.html).not.toContain(other);
    });
  });

  it("refuses an invalid document with MJML's strict validation message, and compiles the next", async () => {
    await expect(
      compileMjml('<mjml><mj-body><mj-column><mj-nonsense /></mj-column></mj-body></mjml>'),
    ).rejects.toThrow(/mj-nonsense doesn't exist/);
    expect((await compileMjml(doc('next'))).html).toContain('next');
  });

  it('leaves MJML out of the asking process', async () => {
    await compileMjml(doc('hello'));
    const loaded = Object.keys((await import('node:module')).createRequire(import.meta.url).cache);
    expect(loaded.filter((f) => /[\\/]mjml-core[\\/]/.test(f))).toEqual([]);
  });
});
