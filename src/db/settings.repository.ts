// Settings operators change while the site runs (rate limits…), stored as JSON and read with a short
// cache so a change takes effect within seconds on every process, without a restart. Every value goes
// through its setting's schema (config/settings.ts) on the way in and on the way out.
import type { Kysely } from 'kysely';
import type { Setting } from '../config/settings.js';
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

  /** The stored value, or the setting's fallback when none is stored or the stored one does not parse. */
  async get<T>(setting: Setting<T>, now = Date.now()): Promise<T> {
    const hit = this.cache.get(setting.key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as T;
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', setting.key)
      .executeTakeFirst();
    let value = setting.fallback;
    if (row) {
      try {
        const parsed = setting.schema.safeParse(JSON.parse(row.value));
        if (parsed.success) value = parsed.data;
      } catch {
        // Not JSON: the fallback stays.
      }
    }
    this.cache.set(setting.key, { value, at: now });
    return value;
  }

  /** Stores a value; one that does not match the setting's schema throws and is not stored. */
  async set<T>(setting: Setting<T>, value: T, now = Date.now()): Promise<void> {
    const json = JSON.stringify(setting.schema.parse(value));
    await this.db
      .insertInto('settings')
      .values({ key: setting.key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute();
    this.cache.delete(setting.key);
  }
}
