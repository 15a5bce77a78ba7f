// What the targets and partners repositories share: the campaign as their pages need it, one target or
// partner of it, its targets or partners in page order (`inPageOrder`, which other stores read too), a
// write that commits with its audit entry and then tells the public pages' cache, and the audited change of
// a row's fields and its up/down move. `RosterStore` is the base of both stores: it keeps the query builder
// and whom to tell, so each store's methods say only what they write.
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { CampaignStatus } from '../domain/campaign/campaign.js';
import type { ActorRef, Direction, RosterCampaign } from '../domain/campaign/campaign-roster.ports.js';
import { recordAudit } from './audit.repository.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import { KyselyStore } from './kysely-store.js';
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
 * A campaign's targets or partners (or those of several campaigns), in the order its pages list them: by
 * position, then by id. The caller picks the columns and any further condition.
 */
export function inPageOrder(
  db: DbHandle,
  table: 'targets',
  campaign: number | readonly number[],
): SelectQueryBuilder<Database, 'targets', object>;
export function inPageOrder(
  db: DbHandle,
  table: 'partners',
  campaign: number | readonly number[],
): SelectQueryBuilder<Database, 'partners', object>;
export function inPageOrder(
  db: DbHandle,
  table: 'targets' | 'partners',
  campaign: number | readonly number[],
) {
  return db
    .selectFrom(table)
    .where('campaign_id', typeof campaign === 'number' ? '=' : 'in', campaign)
    .orderBy('position')
    .orderBy('id');
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

/** Which target or partner of which campaign a change is about, who makes it and when. */
export interface RosterChange {
  entity: 'target' | 'partner';
  campaignId: number;
  id: number;
  actor: ActorRef;
  now: number;
}

/**
 * Changes a target's or partner's fields to `fields`: `was` reads what they are (undefined when the row is
 * not the campaign's); nothing is written or audited when they are the same, else `write` stores them and
 * the change is audited as `<entity>.changed` with before and after, then the cache is told.
 */
export async function changeRosterRow(
  db: Kysely<Database>,
  onChange: OnChange,
  change: RosterChange,
  fields: object,
  steps: { was(trx: DbHandle): Promise<object | undefined>; write(trx: DbHandle): Promise<unknown> },
): Promise<boolean> {
  const { entity, campaignId, id, actor, now } = change;
  const done = await commitThenNotify(db, campaignId, onChange, async (trx) => {
    const was = await steps.was(trx);
    if (!was) return undefined;
    if (JSON.stringify(was) === JSON.stringify(fields)) return true;
    await steps.write(trx);
    await recordAudit(trx, {
      actor,
      action: `${entity}.changed`,
      entityType: entity,
      entityId: id,
      before: was,
      after: fields,
      now,
    });
    return true;
  });
  return done === true;
}

/**
 * Moves a target or a partner one place up or down among `siblings` (its campaign's rows it moves among, in
 * order; undefined when the row is not the campaign's), audited as `<entity>.moved`, then tells the cache.
 * False at either end or for a row of another campaign.
 */
export async function moveRosterRow(
  db: Kysely<Database>,
  onChange: OnChange,
  move: RosterChange & { direction: Direction },
  siblings: (trx: DbHandle) => Promise<{ id: number }[] | undefined>,
): Promise<boolean> {
  const { entity, campaignId, id, direction, actor, now } = move;
  const done = await commitThenNotify(db, campaignId, onChange, async (trx) => {
    const rows = await siblings(trx);
    if (!rows || !(await reorderRows(trx, `${entity}s`, rows, id, direction))) return undefined;
    await recordAudit(trx, {
      actor,
      action: `${entity}.moved`,
      entityType: entity,
      entityId: id,
      after: { direction },
      now,
    });
    return true;
  });
  return done === true;
}

export abstract class RosterStore extends KyselyStore {
  constructor(
    db: Db,
    private readonly onChange: OnChange = () => {},
  ) {
    super(db);
  }

  campaign(slug: string): Promise<RosterCampaign | undefined> {
    return rosterCampaign(this.db, slug);
  }

  /** `commitThenNotify` on this store's database, telling its cache. */
  protected commit<T>(
    campaignId: number,
    work: (trx: DbHandle) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    return commitThenNotify(this.db, campaignId, this.onChange, work);
  }

  protected changeRow(
    change: RosterChange,
    fields: object,
    steps: Parameters<typeof changeRosterRow>[4],
  ): Promise<boolean> {
    return changeRosterRow(this.db, this.onChange, change, fields, steps);
  }

  protected moveRow(
    move: RosterChange & { direction: Direction },
    siblings: (trx: DbHandle) => Promise<{ id: number }[] | undefined>,
  ): Promise<boolean> {
    return moveRosterRow(this.db, this.onChange, move, siblings);
  }
}
