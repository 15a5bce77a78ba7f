// The signing batch on SQLite as prepared better-sqlite3 statements run in one synchronous pass inside one
// transaction. Writes exactly the rows the dialect-blind Kysely path in signature.writer.ts writes (a test
// compares the two row for row), at a fraction of the cost: building, compiling and awaiting each of
// Kysely's queries was most of the writer's time. Columns are always named, so added nullable columns
// (migrations) keep working.

import type SQLite from 'better-sqlite3';
import { countriesFromColumn } from '../domain/campaign/target-fields.js';
import {
  confirmationResendIntervalMs,
  type SignatureMailPayload,
  sendSignatureMailJob,
} from '../domain/signature/signature.js';
import type { SignCommand, SignOutcome } from '../domain/signature/signature.ports.js';
import type { DataVault } from '../security/data-keys.js';
import { defaultMaxAttempts, type JobStatus, type NewJob } from './job.repository.js';
import {
  type CampaignDelivery,
  CountDeltas,
  countRepeat,
  countSignature,
  newMessageStatus,
  targetsFor,
} from './signature-effects.js';
import { type SealedSignatureFields, type SignatureFields, sealSignatureFields } from './signature-seals.js';

const queued: JobStatus = 'queued';

function statements(db: SQLite.Database) {
  return {
    // An existing supporter keeps the name and address they first gave (see signature.writer.ts).
    supporter: db
      .prepare<unknown[], number>(
        `insert into supporters (email, email_index, email_domain_index, name, locale, country, union_name,
           created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (email_index) do update set updated_at = excluded.updated_at
         returning id`,
      )
      .pluck(),
    // During a reindex (decision 0033): the person's row moves to the current index key before the upsert.
    catchUp: db.prepare<[string, string]>('update supporters set email_index = ? where email_index = ?'),
    signature: db
      .prepare<unknown[], number>(
        `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source,
           petition_anonymous, status, confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at,
           message_locale)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (campaign_id, supporter_id) do nothing
         returning id`,
      )
      .pluck(),
    existing: db.prepare<
      [number, number],
      { id: number; status: string; confirmation_sent_at: number | null }
    >('select id, status, confirmation_sent_at from signatures where campaign_id = ? and supporter_id = ?'),
    resend: db.prepare(
      `update signatures set confirm_token_hash = ?, confirmation_sent_at = ?
       where id = ? and status in ('pending', 'held')
         and (confirmation_sent_at is null or confirmation_sent_at <= ?)`,
    ),
    consent: db.prepare(
      `insert into consents (supporter_id, campaign_id, scope, text, version, locale, source, given_at)
       values (?, ?, 'alerts', ?, ?, ?, ?, ?)`,
    ),
    deliveryMode: db.prepare<[number], string>('select delivery_mode from campaigns where id = ?').pluck(),
    targets: db.prepare<[number], { id: number; status: string; countries: string }>(
      'select id, status, countries from targets where campaign_id = ? order by position',
    ),
    message: db.prepare(
      `insert into messages (signature_id, target_id, campaign_id, status, created_at)
       values (?, ?, ?, ?, ?)
       on conflict (signature_id, target_id) do nothing`,
    ),
    count: db.prepare(
      `insert into counts (campaign_id, locale, country, source, status, n) values (?, ?, ?, ?, ?, ?)
       on conflict (campaign_id, locale, country, source, status) do update set n = counts.n + excluded.n`,
    ),
    job: db.prepare(
      `insert into jobs (kind, payload, status, max_attempts, run_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export interface SqliteBatchResult {
  outcomes: SignOutcome[];
  /** Campaigns whose counts changed (for the live counters). */
  campaignIds: number[];
}

export class SqliteSignatureBatch {
  private readonly s: ReturnType<typeof statements>;
  private readonly transaction: (commands: SignCommand[]) => SqliteBatchResult;

  /** Plain statements, so the personal fields are sealed here (personal-fields.plugin.ts does it for Kysely). */
  constructor(
    db: SQLite.Database,
    private readonly vault: DataVault,
  ) {
    this.s = statements(db);
    this.transaction = db.transaction((commands: SignCommand[]) => this.writeAll(commands));
  }

  /**
   * Writes the batch in one transaction (BEGIN … COMMIT, one fsync); throws and rolls back as a whole.
   * The personal fields are sealed first, outside the transaction's statements.
   */
  write(commands: SignCommand[]): SqliteBatchResult {
    this.sealed = commands.map((c) => sealSignatureFields(this.vault, signatureFields(c)));
    return this.transaction(commands);
  }

  private sealed: readonly SealedSignatureFields[] = [];

  private writeAll(commands: SignCommand[]): SqliteBatchResult {
    const counts = new CountDeltas();
    const deliveries = new Map<number, CampaignDelivery>();
    const jobs: NewJob[] = [];
    const outcomes = commands.map((c, i) => this.writeOne(c, this.sealed[i]!, counts, deliveries, jobs));
    for (const { key, n } of counts.entries()) {
      this.s.count.run(key.campaignId, key.locale, key.country, key.source, key.status, n);
    }
    const now = commands[0]!.now;
    for (const job of jobs) {
      this.s.job.run(
        job.kind,
        JSON.stringify(job.payload ?? null),
        queued,
        job.maxAttempts ?? defaultMaxAttempts,
        job.runAt ?? now,
        now,
        now,
      );
    }
    return { outcomes, campaignIds: counts.campaignIds };
  }

  private writeOne(
    c: SignCommand,
    f: SealedSignatureFields,
    counts: CountDeltas,
    deliveries: Map<number, CampaignDelivery>,
    jobs: NewJob[],
  ): SignOutcome {
    const { input, now } = c;
    const s = this.s;
    const v = this.vault;
    if (v.reindexing) {
      // A re-signer still under an earlier index key moves to the current one first (decision 0033).
      const [, ...earlier] = v.indexes(input.email.canonical);
      for (const index of earlier) s.catchUp.run(f.emailIndex, index);
    }
    const supporterId = s.supporter.get(
      f.supporterEmail,
      f.emailIndex,
      f.domainIndex,
      f.supporterName,
      c.locale,
      input.country,
      f.supporterUnion,
      now,
      now,
    )!;
    const confirmed = c.status === 'confirmed';
    const signatureId = s.signature.get(
      c.campaignId,
      supporterId,
      c.locale,
      f.signatureName,
      f.signatureUnion,
      input.country,
      f.message,
      input.source,
      input.anonymous ? 1 : 0,
      c.status,
      confirmed ? null : c.tokenHash,
      c.ipHash,
      now,
      confirmed ? now : null,
      confirmed ? null : now,
      c.messageLocale,
    );
    if (signatureId === undefined) return this.duplicate(c, supporterId, counts, jobs);

    countSignature(counts, c);
    if (c.consent) {
      s.consent.run(
        supporterId,
        c.campaignId,
        c.consent.text,
        c.consent.version,
        c.locale,
        input.source,
        now,
      );
    }
    if (confirmed) {
      const delivery = this.delivery(deliveries, c.campaignId);
      if (delivery.deliveryMode !== 'petition_only') {
        for (const t of targetsFor(delivery, c.input.country))
          s.message.run(signatureId, t.id, c.campaignId, t.status, now);
      }
      const payload: SignatureMailPayload = { signatureId, mail: 'thank' };
      jobs.push({ kind: sendSignatureMailJob, payload });
    } else if (c.token) {
      const payload: SignatureMailPayload = { signatureId, mail: 'confirm', token: c.token };
      jobs.push({ kind: sendSignatureMailJob, payload });
    }
    return { status: 'created', signatureId };
  }

  /** The same rule as the Kysely path: its count, and an unconfirmed one gets its mail again hourly. */
  private duplicate(c: SignCommand, supporterId: number, counts: CountDeltas, jobs: NewJob[]): SignOutcome {
    countRepeat(counts, c);
    const existing = this.s.existing.get(c.campaignId, supporterId);
    if (!existing) throw new Error(`signature of supporter ${supporterId} vanished inside its transaction`);
    const awaiting = existing.status === 'pending' || existing.status === 'held';
    const due = (existing.confirmation_sent_at ?? 0) <= c.now - confirmationResendIntervalMs;
    if (!awaiting || !due || !c.token || !c.tokenHash) {
      return { status: 'duplicate', signatureId: existing.id, confirmationResent: false };
    }
    const updated = this.s.resend.run(c.tokenHash, c.now, existing.id, c.now - confirmationResendIntervalMs);
    if (updated.changes !== 1) {
      return { status: 'duplicate', signatureId: existing.id, confirmationResent: false };
    }
    const payload: SignatureMailPayload = { signatureId: existing.id, mail: 'confirm', token: c.token };
    jobs.push({ kind: sendSignatureMailJob, payload });
    return { status: 'duplicate', signatureId: existing.id, confirmationResent: true };
  }

  private delivery(cache: Map<number, CampaignDelivery>, campaignId: number): CampaignDelivery {
    let hit = cache.get(campaignId);
    if (!hit) {
      const deliveryMode = this.s.deliveryMode.get(campaignId);
      if (deliveryMode === undefined) throw new Error(`campaign ${campaignId} not found`);
      hit = {
        deliveryMode,
        targets: this.s.targets.all(campaignId).map((t) => ({
          id: t.id,
          status: newMessageStatus(t.status),
          countries: countriesFromColumn(t.countries),
        })),
      };
      cache.set(campaignId, hit);
    }
    return hit;
  }
}

/** What of a command is sealed or indexed. */
export function signatureFields(c: SignCommand): SignatureFields {
  const { input } = c;
  return {
    email: input.email.address,
    canonical: input.email.canonical,
    name: input.name,
    union: input.union,
    message: input.message,
  };
}
