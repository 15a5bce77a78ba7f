// A ZIP's documents are rendered two at a time: the archive keeps the countries' order whatever finishes
// first, progress only ever goes up, and a failure stops new work and reports nothing after it.
import { describe, expect, it } from 'vitest';
import { renderDocuments } from './build-dossier.js';
import type { DossierDocument, DossierRenderer, RenderedPdf } from './dossier.js';

/** A renderer at the port whose documents finish when the test says so (no timers). */
function heldRenderer() {
  const waiting = new Map<string, { resolve: (r: RenderedPdf) => void; reject: (e: Error) => void }>();
  const started: string[] = [];
  const renderer: DossierRenderer = {
    available: () => true,
    render: (doc: DossierDocument) =>
      new Promise<RenderedPdf>((resolve, reject) => {
        const country = doc.groups[0]!.country!;
        started.push(country);
        waiting.set(country, { resolve, reject });
      }),
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const finish = async (country: string, pages: number) => {
    waiting.get(country)!.resolve({ pdf: new TextEncoder().encode(country), pages });
    await settle();
  };
  const fail = async (country: string) => {
    waiting.get(country)!.reject(new Error(`${country} broke`));
    await settle();
  };
  return { renderer, started, finish, fail, settle };
}

const docs = (countries: string[]) =>
  countries.map((country) => ({
    name: `${country}.pdf`,
    doc: { groups: [{ country, signers: [] }] } as unknown as DossierDocument,
  }));

describe('renderDocuments', () => {
  it('renders two at a time and keeps the order', async () => {
    const held = heldRenderer();
    const progress: [number, number][] = [];
    const result = renderDocuments(held.renderer, docs(['BY', 'GE', 'JP']), 2, async (d, p) => {
      progress.push([d, p]);
    });
    await held.settle();
    expect(held.started).toEqual(['BY', 'GE']);
    await held.finish('GE', 3);
    expect(held.started).toEqual(['BY', 'GE', 'JP']);
    await held.finish('JP', 1);
    await held.finish('BY', 2);
    const { rendered, pages } = await result;
    expect(rendered.map((r) => r.name)).toEqual(['BY.pdf', 'GE.pdf', 'JP.pdf']);
    expect(new TextDecoder().decode(rendered[0]!.data)).toBe('BY');
    expect(pages).toBe(6);
    expect(progress).toEqual([
      [1, 3],
      [2, 4],
      [3, 6],
    ]);
  });

  it('stops at the first failure, waits for what runs and reports nothing after it', async () => {
    const held = heldRenderer();
    const progress: number[] = [];
    const result = renderDocuments(held.renderer, docs(['BY', 'GE', 'JP', 'KR']), 2, async (d) => {
      progress.push(d);
    });
    const outcome = result.then(
      () => 'done',
      (e: Error) => e.message,
    );
    await held.settle();
    await held.fail('BY');
    await held.finish('GE', 1);
    expect(await outcome).toBe('BY broke');
    expect(held.started).toEqual(['BY', 'GE']);
    expect(progress).toEqual([]);
  });
});
