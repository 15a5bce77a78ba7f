// What the targets and partners repositories share: the campaign as their pages need it, one target or
// partner of it, a write that commits with its audit entry and then tells the public pages' cache, and the
// up/down reorder.
import type { Kysely, Selectable } from 'kysely';
import type { CampaignStatus } from '../domain/campaign/campaign.js';
import type { Direction, RosterCampaign } from '../domain/campaign/campaign-roster.ports.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { Database, DbHandle } from './schema.js';

export type OnChange = (campaign: { id: number; slug: string }) => void;

class Rollback extends Error {}

export async function rosterCampaign(
  db: Kysely<Database>,
  slug: string,
): Promise<RosterCampaign | undefined> {
  const row = await campaignsWithSourceText(db)
    .select(['c.id', 'c.slug', 'c.status', 'c.source_locale', 'c.target_hourly_cap', 't.headline'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status as CampaignStatus,
    sourceLocale: row.source_locale,
    headline: row.headline,
    targetHourlyCap: row.target_hourly_cap,
  };
}

/** The target or partner, only if it belongs to the campaign (an id from another campaign's page changes nothing). */
export function rosterRow(
  trx: DbHandle,
  table: 'targets',
  campaignId: number,
  id: number,
): Promise<Selectable<Database['targets']> | undefined>;
export function rosterRow(
  trx: DbHandle,
  table: 'partners',
  campaignId: number,
  id: number,
): Promise<Selectable<Database['partners']> | undefined>;
export function rosterRow(trx: DbHandle, table: 'targets' | 'partners', campaignId: number, id: number) {
  return trx
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
}

/**
 * Runs `work` in a transaction and, once it has committed, tells the cache. `work` answering undefined
 * rolls everything back (nothing written, nothing told) and so does this function's answer.
 */
export async function commitThenNotify<T>(
  db: Kysely<Database>,
  campaignId: number,
  onChange: OnChange,
  work: (trx: DbHandle) => Promise<T | undefined>,
): Promise<T | undefined> {
  const result = await db
    .transaction()
    .execute(async (trx) => {
      const done = await work(trx);
      if (done === undefined) throw new Rollback();
      return done;
    })
    .catch((error: unknown) => {
      if (error instanceof Rollback) return undefined;
      throw error;
    });
  if (result !== undefined) {
    const campaign = await db
      .selectFrom('campaigns')
      .select(['id', 'slug'])
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (campaign) onChange(campaign);
  }
  return result;
}

/** Swaps `id` with its neighbour among `rows` (in order) and numbers them all 0…n-1; false at either end. */
export async function reorderRows(
  trx: DbHandle,
  table: 'targets' | 'partners',
  rows: { id: number }[],
  id: number,
  direction: Direction,
): Promise<boolean> {
  const index = rows.findIndex((r) => r.id === id);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= rows.length) return false;
  const order = rows.map((r) => r.id);
  [order[index], order[other]] = [order[other]!, order[index]!];
  for (const [position, rowId] of order.entries()) {
    await trx.updateTable(table).set({ position }).where('id', '=', rowId).execute();
  }
  return true;
}
