// The campaign page's momentum line: how many countries support comes from and which countries signed last.
// Countries only, never names. A country appears among the latest only once at least `minPerCountry` people
// from it have signed, so the line never points at the one supporter from a small country the moment they
// sign (the count of countries includes them: it says nothing about any one person).
import type { CampaignReader } from './campaign.ports.js';

export interface Momentum {
  /** Countries with at least one counted signature. */
  countries: number;
  /** Up to `latestCountries` country codes, the most recent first. */
  latest: string[];
}

export const minPerCountry = 3;
export const latestCountries = 5;

export async function campaignMomentum(
  deps: { campaigns: Pick<CampaignReader, 'signingCountries'> },
  campaignId: number,
): Promise<Momentum> {
  const { counts, newest } = await deps.campaigns.signingCountries(campaignId);
  return {
    countries: counts.size,
    latest: newest.filter((c) => (counts.get(c) ?? 0) >= minPerCountry).slice(0, latestCountries),
  };
}

/** A short key that changes exactly when the line would read differently (page caches compare it). */
export const momentumKey = (m: Momentum | undefined): string =>
  m ? `${m.countries}:${m.latest.join(',')}` : '';
