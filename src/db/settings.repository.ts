// Settings operators change while the site runs (rate limits…), stored as JSON and read with a short
// cache so a change takes effect within seconds on every process, without a restart.
import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export class SettingsRepository {
  private readonly db: Kysely<Database>;
  private readonly cache = new Map<string, { value: unknown; at: number }>();

  constructor(
    db: Db,
    private readonly ttlMs = 10_000,
  ) {
    this.db = db.kysely;
  }

  async get<T>(key: string, fallback: T, now = Date.now()): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as T;
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    let value: unknown = fallback;
    if (row) {
      try {
        value = JSON.parse(row.value);
      } catch {
        value = fallback;
      }
    }
    this.cache.set(key, { value, at: now });
    return value as T;
  }

  async set(key: string, value: unknown, now = Date.now()): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute();
    this.cache.delete(key);
  }
}
