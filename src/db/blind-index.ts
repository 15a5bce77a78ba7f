// While `outcry keys reindex` moves the stored address indexes to a new index key (decision 0033), a row
// may still carry an earlier key's index. Lookups match every configured key's index (`vault.indexes`);
// the write paths that find a supporter by a unique-index conflict first move that person's row to the
// current key, so a re-signing supporter is found, never inserted twice. Without an earlier key: nothing.
import type { Kysely } from 'kysely';
import type { DataVault } from '../security/data-keys.js';
import type { Database } from './schema.js';

/** Moves the rows of these canonical addresses that carry an earlier index key's index to the current one. */
export async function catchUpIndexes(
  trx: Kysely<Database>,
  vault: DataVault,
  canonicals: readonly string[],
): Promise<void> {
  if (!vault.reindexing) return;
  for (const canonical of new Set(canonicals)) {
    const [current, ...earlier] = vault.indexes(canonical);
    await trx
      .updateTable('supporters')
      .set({ email_index: current as string })
      .where('email_index', 'in', earlier)
      .execute();
  }
}
