// What happens, inside the signing or confirming transaction, when a signature starts to count: its count
// delta, one message row per target and union copy address (unless the campaign is petition-only), and the
// thank-you mail in the outbox. Shared by immediate-mode signing and confirmation so both do the same; and
// the consent row a signer gave, shared by the one-by-one and the multi-row writers.
import type { Insertable, Kysely } from 'kysely';
import { countriesFromColumn, targetServes } from '../domain/campaign/target-fields.js';
import { type SignatureMailPayload, sendSignatureMailJob } from '../domain/signature/signature.js';
import type { SignCommand } from '../domain/signature/signature.ports.js';
import { enqueueJobs, type NewJob } from './job.repository.js';
import type { Database } from './schema.js';

/** The alerts consent the signer gave, as its row (text, version, language and source as shown); none if not. */
export function consentRow(
  c: SignCommand,
  supporterId: number,
): Insertable<Database['consents']> | undefined {
  if (!c.consent) return undefined;
  return {
    supporter_id: supporterId,
    campaign_id: c.campaignId,
    scope: 'alerts',
    text: c.consent.text,
    version: c.consent.version,
    locale: c.locale,
    source: c.input.source,
    given_at: c.now,
  };
}

export interface CountKey {
  campaignId: number;
  locale: string;
  country: string;
  source: string;
  status: string;
}

/** Accumulates count deltas for one transaction, then writes one upsert per distinct key. */
export class CountDeltas {
  private readonly deltas = new Map<string, { key: CountKey; n: number }>();

  add(key: CountKey, n: number): void {
    const k = `${key.campaignId}\u0000${key.locale}\u0000${key.country}\u0000${key.source}\u0000${key.status}`;
    const entry = this.deltas.get(k);
    if (entry) entry.n += n;
    else this.deltas.set(k, { key, n });
  }

  /** The non-zero deltas, in the order their keys were first seen. */
  entries(): { key: CountKey; n: number }[] {
    return [...this.deltas.values()].filter((d) => d.n !== 0);
  }

  async write(trx: Kysely<Database>): Promise<void> {
    for (const { key, n } of this.entries()) {
      await trx
        .insertInto('counts')
        .values({
          campaign_id: key.campaignId,
          locale: key.locale,
          country: key.country,
          source: key.source,
          status: key.status,
          n,
        })
        .onConflict((oc) =>
          oc
            .columns(['campaign_id', 'locale', 'country', 'source', 'status'])
            .doUpdateSet((eb) => ({ n: eb('counts.n', '+', eb.ref('excluded.n')) })),
        )
        .execute();
    }
  }

  get campaignIds(): number[] {
    return [...new Set([...this.deltas.values()].map((d) => d.key.campaignId))];
  }
}

/**
 * The counts status of repeated submissions. In immediate mode a repeat moves the public count exactly as
 * a first submission would (+1 unless it is held), so the number cannot tell anyone whether an address had
 * already signed (decision 0015). These rows are the only record of repeats: rebuilding counts from the
 * signatures keeps them.
 */
export const repeatStatus = 'repeat';

function countKey(c: SignCommand, status: string): CountKey {
  return {
    campaignId: c.campaignId,
    locale: c.locale,
    country: c.input.country,
    source: c.input.source ?? '',
    status,
  };
}

/** A first submission's count: one more under the status it was stored with. */
export function countSignature(counts: CountDeltas, c: SignCommand): void {
  counts.add(countKey(c, c.status), 1);
}

/** A repeated submission's count: what its first submission would have added to the public number. */
export function countRepeat(counts: CountDeltas, c: SignCommand): void {
  if (c.status !== 'confirmed') return;
  counts.add(countKey(c, repeatStatus), 1);
}

export interface CampaignDelivery {
  deliveryMode: string;
  /**
   * Every target, with the status its new message starts in: `held` while the target's address is
   * bounced, so the message waits for the replacement address an editor gives it instead of never existing.
   */
  targets: { id: number; status: 'queued' | 'held'; countries: string[] }[];
}

/** The targets a supporter from this country writes to: every target for all, and their country's. */
export const targetsFor = (delivery: CampaignDelivery, country: string | null) =>
  delivery.targets.some((t) => t.countries.length > 0)
    ? delivery.targets.filter((t) => targetServes(t.countries, country ?? ''))
    : delivery.targets;

/** The starting status of a new message to a target in this status. */
export const newMessageStatus = (targetStatus: string): 'queued' | 'held' =>
  targetStatus === 'bounced' ? 'held' : 'queued';

/** Per-transaction cache of each campaign's delivery mode and active target ids. */
export async function campaignDelivery(
  trx: Kysely<Database>,
  cache: Map<number, CampaignDelivery>,
  campaignId: number,
): Promise<CampaignDelivery> {
  const hit = cache.get(campaignId);
  if (hit) return hit;
  const campaign = await trx
    .selectFrom('campaigns')
    .select('delivery_mode')
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const targets = await trx
    .selectFrom('targets')
    .select(['id', 'status', 'countries'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
  const value = {
    deliveryMode: campaign.delivery_mode,
    targets: targets.map((t) => ({
      id: t.id,
      status: newMessageStatus(t.status),
      countries: countriesFromColumn(t.countries),
    })),
  };
  cache.set(campaignId, value);
  return value;
}

/** Message rows and the thank-you mail for a signature that now counts. */
export async function releaseSignature(
  trx: Kysely<Database>,
  signature: { id: number; campaignId: number; country: string | null },
  delivery: CampaignDelivery,
  now: number,
  jobs: NewJob[],
): Promise<void> {
  const targets = targetsFor(delivery, signature.country);
  if (delivery.deliveryMode !== 'petition_only' && targets.length > 0) {
    await trx
      .insertInto('messages')
      .values(
        targets.map((target) => ({
          signature_id: signature.id,
          target_id: target.id,
          campaign_id: signature.campaignId,
          status: target.status,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['signature_id', 'target_id']).doNothing())
      .execute();
  }
  const payload: SignatureMailPayload = { signatureId: signature.id, mail: 'thank' };
  jobs.push({ kind: sendSignatureMailJob, payload });
}

export async function flushJobs(trx: Kysely<Database>, jobs: NewJob[], now: number): Promise<void> {
  if (jobs.length > 0) await enqueueJobs(trx, jobs, now);
}
