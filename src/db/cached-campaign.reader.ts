// A short-lived in-memory view of campaigns for the public pages: a campaign page or sign POST otherwise
// costs five queries for data that changes a few times a day. Entries live `ttlMs` (content) and
// `totalsTtlMs` (counts; open pages get exact numbers by SSE anyway). Each web process keeps its own
// copy, so an edit shows everywhere within ttlMs; correctness never depends on it.
import type { CampaignStatus, CampaignWithContent } from '../domain/campaign/campaign.js';
import type { CampaignReader, SigningCountries } from '../domain/campaign/campaign.ports.js';

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

export class CachedCampaignReader implements CampaignReader {
  private readonly bySlug = new Map<string, Entry<CampaignWithContent | undefined>>();
  private readonly byStatus = new Map<string, Entry<CampaignWithContent[]>>();
  private readonly totals = new Map<number, Entry<number>>();
  private readonly countries = new Map<number, Entry<SigningCountries>>();

  constructor(
    private readonly inner: CampaignReader,
    private readonly now: () => number,
    private readonly ttlMs = 2_000,
    private readonly totalsTtlMs = 500,
    /** The page's countries line changes slowly and costs two queries: a few seconds old is fine. */
    private readonly countriesTtlMs = 5_000,
  ) {}

  private cached<K, T>(map: Map<K, Entry<T>>, key: K, ttl: number, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    const now = this.now();
    if (hit && now - hit.at < ttl) return hit.value;
    if (map.size > 10_000) map.clear();
    const value = load();
    map.set(key, { value, at: now });
    // A failed load is not remembered.
    value.catch(() => map.delete(key));
    return value;
  }

  findBySlug(slug: string): Promise<CampaignWithContent | undefined> {
    return this.cached(this.bySlug, slug, this.ttlMs, () => this.inner.findBySlug(slug));
  }

  listByStatus(statuses: CampaignStatus[]): Promise<CampaignWithContent[]> {
    return this.cached(this.byStatus, statuses.join(','), this.ttlMs, () =>
      this.inner.listByStatus(statuses),
    );
  }

  async supporterTotals(campaignIds: number[]): Promise<Map<number, number>> {
    const missing = campaignIds.filter((id) => {
      const hit = this.totals.get(id);
      return !hit || this.now() - hit.at >= this.totalsTtlMs;
    });
    if (missing.length > 0) {
      const loaded = this.inner.supporterTotals(missing);
      for (const id of missing) {
        this.totals.set(id, { value: loaded.then((m) => m.get(id) ?? 0), at: this.now() });
      }
      loaded.catch(() => {
        for (const id of missing) this.totals.delete(id);
      });
    }
    const out = new Map<number, number>();
    for (const id of campaignIds) out.set(id, await this.totals.get(id)!.value);
    return out;
  }

  signingCountries(campaignId: number): Promise<SigningCountries> {
    return this.cached(this.countries, campaignId, this.countriesTtlMs, () =>
      this.inner.signingCountries(campaignId),
    );
  }

  /** Forget a campaign and every list now (after a commit that changed its status or dates). */
  invalidateCampaign(slug: string): void {
    this.bySlug.delete(slug);
    this.byStatus.clear();
  }

  /** Forget a campaign's totals now (after a commit that changed them). */
  invalidateTotals(campaignIds: number[]): void {
    for (const id of campaignIds) this.totals.delete(id);
  }
}
