// The signing batch as a handful of multi-row statements (PostgreSQL's path): one supporter upsert, one
// signature insert, one consent insert and one messages insert for the whole batch instead of three or
// more round trips per signature; the Kysely queries cost more CPU than the database did, and each round
// trip waited. Only for batches whose emails are all different (one row per supporter in each statement);
// the writer sends the others through its row-by-row path. Rows come out as the row-by-row path writes
// them, in the same order (a test compares the two).

import type { Insertable, Kysely } from 'kysely';
import { type SignatureMailPayload, sendSignatureMailJob } from '../domain/signature/signature.js';
import type { SignCommand, SignOutcome } from '../domain/signature/signature.ports.js';
import type { DataVault } from '../security/data-keys.js';
import { catchUpIndexes } from './blind-index.js';
import type { NewJob } from './job.repository.js';
import type { Database } from './schema.js';
import {
  type CampaignDelivery,
  type CountDeltas,
  campaignDelivery,
  consentRow,
  countSignature,
  targetsFor,
} from './signature-effects.js';

/** Rows per statement: 15 parameters a signature stays far below PostgreSQL's 65,535. */
const chunk = 1_000;

export const distinctEmails = (commands: SignCommand[]): boolean =>
  new Set(commands.map((c) => c.input.email.canonical)).size === commands.length;

async function inChunks<T>(rows: T[], write: (part: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await write(rows.slice(i, i + chunk));
}

export async function writeMultiRow(
  trx: Kysely<Database>,
  commands: SignCommand[],
  effects: { counts: CountDeltas; deliveries: Map<number, CampaignDelivery>; jobs: NewJob[] },
  duplicate: (c: SignCommand, supporterId: number) => Promise<SignOutcome>,
  /** Blind indexes (no key reaches a row in clear). */
  vault: DataVault,
): Promise<SignOutcome[]> {
  // An existing supporter keeps the name and address they first gave (see signature.writer.ts).
  const supporterIds = new Map<string, number>();
  await catchUpIndexes(
    trx,
    vault,
    commands.map((c) => c.input.email.canonical),
  );
  await inChunks(commands, async (part) => {
    const rows = await trx
      .insertInto('supporters')
      .values(
        part.map((c) => ({
          email: c.input.email.address,
          email_index: vault.index(c.input.email.canonical),
          email_domain_index: vault.domainIndex(c.input.email.address),
          name: c.input.name,
          locale: c.locale,
          country: c.input.country,
          union_name: c.input.union,
          created_at: c.now,
          updated_at: c.now,
        })),
      )
      .onConflict((oc) =>
        oc.column('email_index').doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') })),
      )
      .returning(['id', 'email_index'])
      .execute();
    for (const r of rows) supporterIds.set(r.email_index, r.id);
  });
  const supporterOf = (c: SignCommand) => supporterIds.get(vault.index(c.input.email.canonical))!;

  const signatureIds = new Map<string, number>();
  const pair = (campaignId: number, supporterId: number) => `${campaignId}:${supporterId}`;
  await inChunks(commands, async (part) => {
    const rows = await trx
      .insertInto('signatures')
      .values(
        part.map((c) => {
          const confirmed = c.status === 'confirmed';
          return {
            campaign_id: c.campaignId,
            supporter_id: supporterOf(c),
            locale: c.locale,
            name: c.input.name,
            union_name: c.input.union,
            country: c.input.country,
            message: c.input.message,
            source: c.input.source,
            petition_anonymous: c.input.anonymous ? 1 : 0,
            status: c.status,
            confirm_token_hash: confirmed ? null : c.tokenHash,
            ip_hash: c.ipHash,
            created_at: c.now,
            confirmed_at: confirmed ? c.now : null,
            confirmation_sent_at: confirmed ? null : c.now,
            message_locale: c.messageLocale,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['campaign_id', 'supporter_id']).doNothing())
      .returning(['id', 'campaign_id', 'supporter_id'])
      .execute();
    for (const r of rows) signatureIds.set(pair(r.campaign_id, r.supporter_id), r.id);
  });

  // In the order the row-by-row path goes, so that every row and job gets the same place.
  const consents: Insertable<Database['consents']>[] = [];
  const messages: Insertable<Database['messages']>[] = [];
  const outcomes: SignOutcome[] = [];
  for (const c of commands) {
    const supporterId = supporterOf(c);
    const signatureId = signatureIds.get(pair(c.campaignId, supporterId));
    if (signatureId === undefined) {
      outcomes.push(await duplicate(c, supporterId));
      continue;
    }
    const { now } = c;
    countSignature(effects.counts, c);
    const consent = consentRow(c, supporterId);
    if (consent) consents.push(consent);
    if (c.status === 'confirmed') {
      const delivery = await campaignDelivery(trx, effects.deliveries, c.campaignId);
      if (delivery.deliveryMode !== 'petition_only') {
        for (const target of targetsFor(delivery, c.input.country)) {
          messages.push({
            signature_id: signatureId,
            target_id: target.id,
            campaign_id: c.campaignId,
            status: target.status,
            created_at: now,
          });
        }
      }
      const payload: SignatureMailPayload = { signatureId, mail: 'thank' };
      effects.jobs.push({ kind: sendSignatureMailJob, payload });
    } else if (c.token) {
      const payload: SignatureMailPayload = { signatureId, mail: 'confirm', token: c.token };
      effects.jobs.push({ kind: sendSignatureMailJob, payload });
    }
    outcomes.push({ status: 'created', signatureId });
  }
  await inChunks(consents, async (part) => {
    await trx.insertInto('consents').values(part).execute();
  });
  await inChunks(messages, async (part) => {
    await trx
      .insertInto('messages')
      .values(part)
      .onConflict((oc) => oc.columns(['signature_id', 'target_id']).doNothing())
      .execute();
  });
  return outcomes;
}
