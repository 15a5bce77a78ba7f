// Group commit for signing (architecture.md, "the write path"). Requests that arrive together are written
// in one transaction: each signature with its supporter upsert, consent, outbox jobs and count deltas, so
// there is one fsync per batch instead of one per signature. The queue is bounded: when it is full the
// caller gets OverloadedError at once (answered 503 + Retry-After) instead of memory growing.
// On SQLite the batch runs as prepared statements in one synchronous pass (signature.sqlite-batch.ts); the
// Kysely path below is PostgreSQL's and the reference the SQLite pass is tested against.
import type { Kysely } from 'kysely';
import {
  confirmationResendIntervalMs,
  type SignatureMailPayload,
  sendSignatureMailJob,
} from '../domain/signature/signature.js';
import {
  OverloadedError,
  type SignatureWriter,
  type SignCommand,
  type SignOutcome,
} from '../domain/signature/signature.ports.js';
import type { DataVault } from '../security/data-keys.js';
import { catchUpIndexes } from './blind-index.js';
import type { Db } from './database.js';
import type { NewJob } from './job.repository.js';
import type { Database } from './schema.js';
import { distinctEmails, writeMultiRow } from './signature.multirow.js';
import { SqliteSignatureBatch } from './signature.sqlite-batch.js';
import {
  type CampaignDelivery,
  CountDeltas,
  campaignDelivery,
  consentRow,
  countRepeat,
  countSignature,
  flushJobs,
  releaseSignature,
} from './signature-effects.js';

interface Pending {
  command: SignCommand;
  resolve(outcome: SignOutcome): void;
  reject(error: unknown): void;
}

export interface BatchOptions {
  /** Most signatures in one transaction. */
  maxBatch?: number;
  /** Most signatures waiting; beyond it record() rejects with OverloadedError. */
  maxQueue?: number;
  /** Called after each committed batch with the campaigns whose counts changed (live counters). */
  onCommit?: (campaignIds: number[]) => void;
  /** Kysely path: multi-row statements per batch (signature.multirow.ts); default on PostgreSQL. */
  multiRow?: boolean;
}

export class BatchedSignatureWriter implements SignatureWriter {
  private readonly db: Kysely<Database>;
  private readonly sqlite: SqliteSignatureBatch | undefined;
  private readonly vault: DataVault;
  private readonly multiRow: boolean;
  private queue: Pending[] = [];
  private flushing = false;
  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private readonly onCommit: ((campaignIds: number[]) => void) | undefined;
  /** Figures for the benchmark and the logs. */
  readonly stats = { batches: 0, signatures: 0, largestBatch: 0, rejected: 0 };

  constructor(db: Db, options: BatchOptions = {}) {
    this.db = db.kysely;
    this.vault = db.vault;
    this.sqlite = db.sqlite ? new SqliteSignatureBatch(db.sqlite, db.vault) : undefined;
    this.multiRow = options.multiRow ?? db.dialect === 'postgres';
    this.maxBatch = options.maxBatch ?? 500;
    this.maxQueue = options.maxQueue ?? 5_000;
    this.onCommit = options.onCommit;
  }

  get queued(): number {
    return this.queue.length;
  }

  record(command: SignCommand): Promise<SignOutcome> {
    if (this.queue.length >= this.maxQueue) {
      this.stats.rejected++;
      return Promise.reject(new OverloadedError());
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ command, resolve, reject });
      // Collect what arrives in this event-loop turn, then commit it together.
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outcomes = await this.write(batch.map((p) => p.command));
          for (const [i, p] of batch.entries()) p.resolve(outcomes[i]!);
        } catch {
          // One bad signature must not fail its neighbours: retry each on its own.
          for (const p of batch) {
            try {
              const [outcome] = await this.write([p.command]);
              p.resolve(outcome!);
            } catch (error) {
              p.reject(error);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    }
  }

  private async write(commands: SignCommand[]): Promise<SignOutcome[]> {
    const sqlite = this.sqlite;
    if (sqlite) {
      // Inside Kysely's connection: its mutex keeps the batch out of any other open transaction.
      const { outcomes, campaignIds } = await this.db
        .connection()
        .execute(async () => sqlite.write(commands));
      this.committed(commands.length, campaignIds);
      return outcomes;
    }
    const counts = new CountDeltas();
    const outcomes = await this.db.transaction().execute(async (trx) => {
      const jobs: NewJob[] = [];
      const deliveries = new Map<number, CampaignDelivery>();
      let out: SignOutcome[] = [];
      if (this.multiRow && commands.length > 1 && distinctEmails(commands)) {
        out = await writeMultiRow(
          trx,
          commands,
          { counts, deliveries, jobs },
          (c, supporterId) => this.duplicate(trx, c, supporterId, counts, jobs),
          this.vault,
        );
      } else {
        for (const command of commands) out.push(await this.writeOne(trx, command, counts, deliveries, jobs));
      }
      await counts.write(trx);
      await flushJobs(trx, jobs, commands[0]!.now);
      return out;
    });
    this.committed(commands.length, counts.campaignIds);
    return outcomes;
  }

  private committed(signatures: number, campaignIds: number[]): void {
    this.stats.batches++;
    this.stats.signatures += signatures;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, signatures);
    this.onCommit?.(campaignIds);
  }

  private async writeOne(
    trx: Kysely<Database>,
    c: SignCommand,
    counts: CountDeltas,
    deliveries: Map<number, CampaignDelivery>,
    jobs: NewJob[],
  ): Promise<SignOutcome> {
    const { input, now } = c;
    if (this.vault.reindexing) await catchUpIndexes(trx, this.vault, [input.email.canonical]);
    // An existing supporter keeps the name and address they first gave: a second person typing the same
    // email must not be able to rename them.
    const supporter = await trx
      .insertInto('supporters')
      .values({
        email: input.email.address,
        email_index: this.vault.index(input.email.canonical),
        email_domain_index: this.vault.domainIndex(input.email.address),
        name: input.name,
        locale: c.locale,
        country: input.country,
        union_name: input.union,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('email_index').doUpdateSet({ updated_at: now }))
      .returning('id')
      .executeTakeFirstOrThrow();

    const inserted = await trx
      .insertInto('signatures')
      .values({
        campaign_id: c.campaignId,
        supporter_id: supporter.id,
        locale: c.locale,
        name: input.name,
        union_name: input.union,
        country: input.country,
        message: input.message,
        source: input.source,
        petition_anonymous: input.anonymous ? 1 : 0,
        status: c.status,
        confirm_token_hash: c.status === 'confirmed' ? null : c.tokenHash,
        ip_hash: c.ipHash,
        created_at: now,
        confirmed_at: c.status === 'confirmed' ? now : null,
        confirmation_sent_at: c.status === 'confirmed' ? null : now,
        message_locale: c.messageLocale,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'supporter_id']).doNothing())
      .returning('id')
      .executeTakeFirst();

    if (!inserted) return this.duplicate(trx, c, supporter.id, counts, jobs);

    countSignature(counts, c);
    const consent = consentRow(c, supporter.id);
    if (consent) await trx.insertInto('consents').values(consent).execute();
    if (c.status === 'confirmed') {
      const delivery = await campaignDelivery(trx, deliveries, c.campaignId);
      await releaseSignature(
        trx,
        { id: inserted.id, campaignId: c.campaignId, country: c.input.country },
        delivery,
        now,
        jobs,
      );
    } else if (c.token) {
      const payload: SignatureMailPayload = { signatureId: inserted.id, mail: 'confirm', token: c.token };
      jobs.push({ kind: sendSignatureMailJob, payload });
    }
    return { status: 'created', signatureId: inserted.id };
  }

  /**
   * A repeated submission: nothing new is stored but its count (countRepeat); an unconfirmed one gets its
   * mail again, at most hourly.
   */
  private async duplicate(
    trx: Kysely<Database>,
    c: SignCommand,
    supporterId: number,
    counts: CountDeltas,
    jobs: NewJob[],
  ): Promise<SignOutcome> {
    countRepeat(counts, c);
    const existing = await trx
      .selectFrom('signatures')
      .select(['id', 'status', 'confirmation_sent_at'])
      .where('campaign_id', '=', c.campaignId)
      .where('supporter_id', '=', supporterId)
      .executeTakeFirstOrThrow();
    const awaiting = existing.status === 'pending' || existing.status === 'held';
    const due = (existing.confirmation_sent_at ?? 0) <= c.now - confirmationResendIntervalMs;
    if (!awaiting || !due || !c.token || !c.tokenHash) {
      return { status: 'duplicate', signatureId: existing.id, confirmationResent: false };
    }
    const updated = await trx
      .updateTable('signatures')
      .set({ confirm_token_hash: c.tokenHash, confirmation_sent_at: c.now })
      .where('id', '=', existing.id)
      .where('status', 'in', ['pending', 'held'])
      .where((eb) =>
        eb.or([
          eb('confirmation_sent_at', 'is', null),
          eb('confirmation_sent_at', '<=', c.now - confirmationResendIntervalMs),
        ]),
      )
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      return { status: 'duplicate', signatureId: existing.id, confirmationResent: false };
    }
    const payload: SignatureMailPayload = { signatureId: existing.id, mail: 'confirm', token: c.token };
    jobs.push({ kind: sendSignatureMailJob, payload });
    return { status: 'duplicate', signatureId: existing.id, confirmationResent: true };
  }
}
