import { describe, expect, it } from 'vitest';
import { campaignMomentum, momentumKey } from './momentum.js';

const reader = (counts: [string, number][], newest: string[]) => ({
  campaigns: { signingCountries: async () => ({ counts: new Map(counts), newest }) },
});

describe('campaignMomentum', () => {
  it('counts every country but names among the latest only those with three signers or more', async () => {
    const m = await campaignMomentum(
      reader(
        [
          ['IS', 1],
          ['KZ', 40],
          ['CL', 3],
          ['PE', 2],
        ],
        ['IS', 'CL', 'PE', 'KZ'],
      ),
      1,
    );
    expect(m).toEqual({ countries: 4, latest: ['CL', 'KZ'] });
  });

  it('names five countries at most, newest first', async () => {
    const codes = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'].map((c) => [c, 9] as [string, number]);
    const m = await campaignMomentum(reader(codes, ['F6', 'E5', 'D4', 'C3', 'B2', 'A1']), 1);
    expect(m.latest).toEqual(['F6', 'E5', 'D4', 'C3', 'B2']);
    expect(momentumKey(m)).toBe('6:F6,E5,D4,C3,B2');
  });

  it('says nothing for a campaign nobody signed', async () => {
    expect(await campaignMomentum(reader([], []), 1)).toEqual({ countries: 0, latest: [] });
  });
});
