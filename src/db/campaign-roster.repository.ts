// Storage of a campaign's targets and union copy addresses for the editor pages: the list with message
// counts, and changes written with their audit entry in one transaction; after each commit `onChange` lets
// the public pages' cache drop the campaign (the page lists target addresses). Partners are in
// campaign-partners.repository.ts; campaignRoster() builds both.
import { type Selectable, sql } from 'kysely';
import type { CampaignWithContent, TargetKind } from '../domain/campaign/campaign.js';
import type {
  ActorRef,
  Direction,
  EditorTarget,
  PartnerStore,
  RemoveTargetOutcome,
  TargetStore,
} from '../domain/campaign/campaign-roster.ports.js';
import { countriesColumn, countriesFromColumn, type TargetFields } from '../domain/campaign/target-fields.js';
import { recordAudit } from './audit.repository.js';
import { CampaignRepository } from './campaign.repository.js';
import type { TargetsTable } from './campaign.table.js';
import { CampaignPartnersRepository } from './campaign-partners.repository.js';
import type { Db } from './database.js';
import { enqueueJobs } from './job.repository.js';
import { inPageOrder, type OnChange, RosterStore, rosterRow } from './roster-writes.js';
import type { DbHandle } from './schema.js';

/** Rows per INSERT: 11 parameters each stays far below SQLite's and PostgreSQL's parameter limits. */
const insertChunk = 200;

/** Statuses of a message that has not gone out and may still be cancelled. */
const unsent = ['queued', 'deferred', 'held'];

function targetFields(t: Selectable<TargetsTable>): TargetFields {
  return {
    name: t.name,
    organisation: t.organisation,
    email: t.email,
    locale: t.locale,
    timeZone: t.time_zone,
    hourlyCap: t.hourly_cap,
    countries: countriesFromColumn(t.countries),
  };
}

/** Both stores of the editor's people pages, telling the same cache. */
export function campaignRoster(
  db: Db,
  onChange: OnChange = () => {},
): { targets: TargetStore; partners: PartnerStore } {
  return {
    targets: new CampaignRosterRepository(db, onChange),
    partners: new CampaignPartnersRepository(db, onChange),
  };
}

export class CampaignRosterRepository extends RosterStore implements TargetStore {
  private readonly campaigns: CampaignRepository;

  constructor(db: Db, onChange?: OnChange) {
    super(db, onChange);
    this.campaigns = new CampaignRepository(db);
  }

  async targets(campaignId: number): Promise<EditorTarget[]> {
    const [rows, counts] = await Promise.all([
      inPageOrder(this.db, 'targets', campaignId).selectAll().execute(),
      this.db
        .selectFrom('messages')
        .select((eb) => ['target_id', 'status', 'kind', eb.fn.countAll<number | string>().as('n')])
        .where('campaign_id', '=', campaignId)
        .groupBy(['target_id', 'status', 'kind'])
        .execute(),
    ]);
    return rows.map((t) => {
      const mine = counts.filter((c) => c.target_id === t.id);
      const sum = (test: (c: (typeof mine)[number]) => boolean) =>
        mine.filter(test).reduce((n, c) => n + Number(c.n), 0);
      return {
        id: t.id,
        kind: t.kind === 'copy' ? 'copy' : 'target',
        ...targetFields(t),
        state: t.paused_at ? 'paused' : t.status === 'bounced' ? 'bounced' : 'active',
        position: t.position,
        waiting: sum((c) => c.kind === 'signature' && unsent.includes(c.status)),
        sending: sum((c) => c.status === 'sending'),
        sent: sum((c) => c.kind === 'signature' && (c.status === 'sent' || c.status === 'digested')),
      };
    });
  }

  private async existingAddresses(trx: DbHandle, campaignId: number): Promise<Set<string>> {
    const rows = await trx
      .selectFrom('targets')
      .select(sql<string>`lower(email)`.as('key'))
      .where('campaign_id', '=', campaignId)
      .execute();
    return new Set(rows.map((r) => r.key));
  }

  private async nextPosition(trx: DbHandle, campaignId: number): Promise<number> {
    const row = await trx
      .selectFrom('targets')
      .select((eb) => eb.fn.max('position').as('top'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return row?.top === null || row?.top === undefined ? 0 : Number(row.top) + 1;
  }

  private row(campaignId: number, kind: TargetKind, f: TargetFields, position: number, now: number) {
    return {
      campaign_id: campaignId,
      kind,
      name: f.name,
      organisation: f.organisation,
      email: f.email,
      locale: f.locale,
      time_zone: f.timeZone,
      hourly_cap: f.hourlyCap,
      countries: countriesColumn(f.countries),
      position,
      created_at: now,
    };
  }

  async addTarget(
    campaignId: number,
    kind: TargetKind,
    fields: TargetFields,
    actor: ActorRef,
    now: number,
  ): Promise<{ id: number } | 'duplicate'> {
    let duplicate = false;
    const added = await this.commit(campaignId, async (trx) => {
      if ((await this.existingAddresses(trx, campaignId)).has(fields.email.toLowerCase())) {
        duplicate = true;
        return undefined;
      }
      const { id } = await trx
        .insertInto('targets')
        .values(this.row(campaignId, kind, fields, await this.nextPosition(trx, campaignId), now))
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: kind === 'copy' ? 'target.copy_added' : 'target.added',
        entityType: 'target',
        entityId: id,
        after: { campaignId, kind, ...fields },
        now,
      });
      return { id };
    });
    return duplicate || !added ? 'duplicate' : added;
  }

  updateTarget(
    campaignId: number,
    targetId: number,
    fields: Omit<TargetFields, 'email'>,
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    const change = { entity: 'target', campaignId, id: targetId, actor, now } as const;
    return this.changeRow(change, fields, {
      was: async (trx) => {
        const before = await rosterRow(trx, 'targets', campaignId, targetId);
        if (!before) return undefined;
        const { email: _email, ...was } = targetFields(before);
        return was;
      },
      write: (trx) =>
        trx
          .updateTable('targets')
          .set({
            name: fields.name,
            organisation: fields.organisation,
            locale: fields.locale,
            time_zone: fields.timeZone,
            hourly_cap: fields.hourlyCap,
            countries: countriesColumn(fields.countries),
          })
          .where('id', '=', targetId)
          .execute(),
    });
  }

  async removeTarget(
    campaignId: number,
    targetId: number,
    actor: ActorRef,
    now: number,
  ): Promise<RemoveTargetOutcome> {
    let outcome: RemoveTargetOutcome = { status: 'not_found' };
    await this.commit(campaignId, async (trx) => {
      const before = await rosterRow(trx, 'targets', campaignId, targetId);
      if (!before) return undefined;
      // Taking the unsent messages first (an UPDATE, so row locks) means a worker claiming at this moment
      // either got them before (they show as `sending` below, and we refuse) or finds them gone after.
      const cancelled = await trx
        .updateTable('messages')
        .set({ status: 'failed', last_error: 'cancelled: the target was removed', next_attempt_at: null })
        .where('target_id', '=', targetId)
        .where('status', 'in', unsent)
        .executeTakeFirst();
      const counts = await trx
        .selectFrom('messages')
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
        .where('target_id', '=', targetId)
        .where('status', 'in', ['sending', 'sent'])
        .groupBy('status')
        .execute();
      const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
      if (count('sending') > 0) {
        outcome = { status: 'sending' };
        return undefined;
      }
      // The messages (and any alert about the target) go with it: ON DELETE CASCADE.
      await trx.deleteFrom('targets').where('id', '=', targetId).execute();
      outcome = { status: 'ok', cancelled: Number(cancelled.numUpdatedRows), sent: count('sent') };
      await recordAudit(trx, {
        actor,
        action: before.kind === 'copy' ? 'target.copy_removed' : 'target.removed',
        entityType: 'target',
        entityId: targetId,
        before: { campaignId, kind: before.kind, ...targetFields(before) },
        after: { cancelledMessages: outcome.cancelled, sentMessages: outcome.sent },
        now,
      });
      return true;
    });
    return outcome;
  }

  moveTarget(
    campaignId: number,
    targetId: number,
    direction: Direction,
    actor: ActorRef,
    now: number,
  ): Promise<boolean> {
    const move = { entity: 'target', campaignId, id: targetId, direction, actor, now } as const;
    // A target moves among the targets, a copy address among the copy addresses.
    return this.moveRow(move, async (trx) => {
      const target = await rosterRow(trx, 'targets', campaignId, targetId);
      if (!target) return undefined;
      return inPageOrder(trx, 'targets', campaignId).select('id').where('kind', '=', target.kind).execute();
    });
  }

  async importTargets(
    campaignId: number,
    rows: TargetFields[],
    actor: ActorRef,
    now: number,
  ): Promise<{ imported: number; skipped: number }> {
    const result = await this.commit(campaignId, async (trx) => {
      const existing = await this.existingAddresses(trx, campaignId);
      const fresh = rows.filter((r) => !existing.has(r.email.toLowerCase()));
      if (fresh.length === 0) return { imported: 0, skipped: rows.length };
      const first = await this.nextPosition(trx, campaignId);
      const values = fresh.map((r, i) => this.row(campaignId, 'target', r, first + i, now));
      for (let i = 0; i < values.length; i += insertChunk) {
        await trx
          .insertInto('targets')
          .values(values.slice(i, i + insertChunk))
          .execute();
      }
      await recordAudit(trx, {
        actor,
        action: 'targets.imported',
        entityType: 'campaign',
        entityId: campaignId,
        after: {
          imported: fresh.length,
          skipped: rows.length - fresh.length,
          emails: fresh.map((r) => r.email),
        },
        now,
      });
      return { imported: fresh.length, skipped: rows.length - fresh.length };
    });
    return result ?? { imported: 0, skipped: rows.length };
  }

  content(slug: string): Promise<CampaignWithContent | undefined> {
    return this.campaigns.findBySlug(slug);
  }

  async queueMail(
    mail: { kind: string; payload: unknown },
    audit: { actor: ActorRef; action: string; entityType: string; entityId: number; after: unknown },
    now: number,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await enqueueJobs(trx, [mail], now);
      await recordAudit(trx, { ...audit, now });
    });
  }
}
