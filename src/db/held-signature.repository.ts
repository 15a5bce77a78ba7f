// Held signatures in the database: the review list with the signals that explain a hold, and release and
// discard, each in one transaction with its count deltas, audit entries and (for a release) exactly the
// outbox rows signing writes — the shared helpers in signature-effects.ts — so a released signature is
// indistinguishable from one that was never held. After a commit `onCountsChanged` updates live counters.
import type { Actor } from '../domain/account/account.js';
import type { CampaignStatus, ConfirmationMode } from '../domain/campaign/campaign.js';
import { canonicalOf } from '../domain/signature/email-address.js';
import type {
  HeldCampaign,
  HeldSelection,
  HeldSignature,
  HeldSignatureStore,
  ReleasePlan,
} from '../domain/signature/review-held.js';
import { type SignatureMailPayload, sendSignatureMailJob } from '../domain/signature/signature.js';
import { recordAudit } from './audit.repository.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import type { NewJob } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import type { DbHandle } from './schema.js';
import {
  type CampaignDelivery,
  CountDeltas,
  campaignDelivery,
  flushJobs,
  releaseSignature,
} from './signature-effects.js';

const hourMs = 3_600_000;

/** The canonical domain of an address as typed (the stored canonical form is only a blind index now). */
const domainOfTyped = (typed: string): string => {
  const email = canonicalOf(typed);
  return email.slice(email.lastIndexOf('@') + 1);
};

/** How many of the sorted times fall in (t - 1 h, t]. */
function inHourBefore(sorted: number[], t: number): number {
  const lower = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lower(t + 1) - lower(t - hourMs + 1);
}

function group(rows: { key: string; at: number }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const list = out.get(r.key);
    if (list) list.push(r.at);
    else out.set(r.key, [r.at]);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

export class HeldSignatureRepository extends KyselyStore implements HeldSignatureStore {
  constructor(
    db: Db,
    private readonly onCountsChanged?: (campaignIds: number[]) => void,
  ) {
    super(db);
  }

  async campaign(slug: string): Promise<HeldCampaign | undefined> {
    const c = await campaignsWithSourceText(this.db)
      .select(['c.id', 'c.slug', 'c.status', 'c.confirmation_mode', 't.headline'])
      .where('c.slug', '=', slug)
      .executeTakeFirst();
    if (!c) return undefined;
    const held = await this.db
      .selectFrom('counts')
      .select((eb) => eb.fn.sum<number | string>('n').as('n'))
      .where('campaign_id', '=', c.id)
      .where('status', '=', 'held')
      .executeTakeFirst();
    return {
      id: c.id,
      slug: c.slug,
      headline: c.headline,
      status: c.status as CampaignStatus,
      confirmationMode: c.confirmation_mode as ConfirmationMode,
      held: Number(held?.n ?? 0),
    };
  }

  private selected(trx: DbHandle, campaignId: number, selection: HeldSelection) {
    let q = trx
      .selectFrom('signatures')
      .select([
        'id',
        'supporter_id',
        'locale',
        'country',
        'source',
        'created_at',
        'confirmation_sent_at',
        'ip_hash',
      ])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'held');
    q = 'ids' in selection ? q.where('id', 'in', selection.ids) : q.where('ip_hash', '=', selection.network);
    return q.orderBy('id').execute();
  }

  async list(
    campaignId: number,
    query: { network?: string | undefined; offset: number; limit: number },
  ): Promise<{ total: number; rows: HeldSignature[] }> {
    const base = this.db
      .selectFrom('signatures as s')
      .where('s.campaign_id', '=', campaignId)
      .where('s.status', '=', 'held')
      .$if(query.network !== undefined, (q) => q.where('s.ip_hash', '=', query.network!));
    const total = await base
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const page = await base
      .innerJoin('supporters as p', 'p.id', 's.supporter_id')
      .select([
        's.id',
        's.created_at',
        's.name',
        's.country',
        's.union_name',
        's.locale',
        's.ip_hash',
        'p.email',
      ])
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    if (page.length === 0) return { total: Number(total.n), rows: [] };

    // The signals: every signature to this campaign in the hour before the oldest on the page up to the
    // newest, by network and by email domain (the same keys the rate limiter counts).
    const times = page.map((r) => Number(r.created_at));
    const around = await this.db
      .selectFrom('signatures as s')
      .innerJoin('supporters as p', 'p.id', 's.supporter_id')
      .select(['s.ip_hash', 's.created_at', 'p.email'])
      .where('s.campaign_id', '=', campaignId)
      .where('s.created_at', '>', Math.min(...times) - hourMs)
      .where('s.created_at', '<=', Math.max(...times))
      .execute();
    const byNetwork = group(
      around.filter((a) => a.ip_hash !== null).map((a) => ({ key: a.ip_hash!, at: Number(a.created_at) })),
    );
    const byDomain = group(around.map((a) => ({ key: domainOfTyped(a.email), at: Number(a.created_at) })));
    const networks = [...new Set(page.map((r) => r.ip_hash).filter((n): n is string => n !== null))];
    const heldPerNetwork = networks.length
      ? await this.db
          .selectFrom('signatures')
          .select(['ip_hash', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('campaign_id', '=', campaignId)
          .where('status', '=', 'held')
          .where('ip_hash', 'in', networks)
          .groupBy('ip_hash')
          .execute()
      : [];
    const held = new Map(heldPerNetwork.map((h) => [h.ip_hash, Number(h.n)]));

    return {
      total: Number(total.n),
      rows: page.map((r) => {
        const at = Number(r.created_at);
        const domain = domainOfTyped(r.email);
        return {
          id: r.id,
          createdAt: at,
          name: r.name,
          country: r.country,
          union: r.union_name,
          locale: r.locale,
          emailDomain: domain,
          network: r.ip_hash,
          networkLastHour: r.ip_hash === null ? 0 : inHourBefore(byNetwork.get(r.ip_hash) ?? [], at),
          domainLastHour: inHourBefore(byDomain.get(domain) ?? [], at),
          networkHeld: r.ip_hash === null ? 0 : (held.get(r.ip_hash) ?? 0),
        };
      }),
    };
  }

  async release(
    campaignId: number,
    selection: HeldSelection,
    plan: (signature: { confirmationSentAt: number | null }) => ReleasePlan,
    actor: Pick<Actor, 'id' | 'email'>,
    now: number,
  ): Promise<number> {
    const jobs: NewJob[] = [];
    const deliveries = new Map<number, CampaignDelivery>();
    return this.eachHeld(
      campaignId,
      selection,
      async (trx, s, counts) => {
        const sentAt = s.confirmation_sent_at === null ? null : Number(s.confirmation_sent_at);
        const next = plan({ confirmationSentAt: sentAt });
        const confirmed = next.status === 'confirmed';
        const fresh = next.status === 'pending' ? next.confirmation : null;
        const updated = await trx
          .updateTable('signatures')
          .set({
            status: next.status,
            ...(confirmed ? { confirmed_at: now } : {}),
            ...(fresh ? { confirm_token_hash: fresh.hash, confirmation_sent_at: now } : {}),
          })
          .where('id', '=', s.id)
          .where('status', '=', 'held')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        const key = countKey(campaignId, s);
        counts.add({ ...key, status: 'held' }, -1);
        counts.add({ ...key, status: next.status }, 1);
        if (confirmed) {
          const delivery = await campaignDelivery(trx, deliveries, campaignId);
          await releaseSignature(trx, { id: s.id, campaignId, country: s.country }, delivery, now, jobs);
        } else if (fresh) {
          const payload: SignatureMailPayload = { signatureId: s.id, mail: 'confirm', token: fresh.token };
          jobs.push({ kind: sendSignatureMailJob, payload });
        }
        await recordAudit(trx, {
          actor,
          action: 'signature.released',
          entityType: 'signature',
          entityId: s.id,
          before: { status: 'held', campaignId },
          after: { status: next.status, confirmationMailed: confirmed || fresh !== null },
          now,
        });
        return true;
      },
      (trx) => flushJobs(trx, jobs, now),
    );
  }

  async discard(
    campaignId: number,
    selection: HeldSelection,
    actor: Pick<Actor, 'id' | 'email'>,
    now: number,
  ): Promise<number> {
    return this.eachHeld(campaignId, selection, async (trx, s, counts) => {
      const deleted = await trx
        .deleteFrom('signatures')
        .where('id', '=', s.id)
        .where('status', '=', 'held')
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return false;
      counts.add({ ...countKey(campaignId, s), status: 'held' }, -1);
      // The consent given with it goes too; so does the supporter when nothing else is theirs.
      await trx
        .deleteFrom('consents')
        .where('supporter_id', '=', s.supporter_id)
        .where('campaign_id', '=', campaignId)
        .execute();
      const other = await trx
        .selectFrom('signatures')
        .select('id')
        .where('supporter_id', '=', s.supporter_id)
        .limit(1)
        .executeTakeFirst();
      if (!other) await trx.deleteFrom('supporters').where('id', '=', s.supporter_id).execute();
      await recordAudit(trx, {
        actor,
        action: 'signature.discarded',
        entityType: 'signature',
        entityId: s.id,
        before: {
          status: 'held',
          campaignId,
          locale: s.locale,
          country: s.country,
          createdAt: Number(s.created_at),
        },
        now,
      });
      return true;
    });
  }

  /**
   * Each selected held signature through `step`, in one transaction: true when it changed, and then it
   * counts. The count deltas the steps noted are written last (then `finish`, the release's outbox rows),
   * and the live counters told after the commit. Returns how many changed.
   */
  private async eachHeld(
    campaignId: number,
    selection: HeldSelection,
    step: (trx: DbHandle, s: HeldRow, counts: CountDeltas) => Promise<boolean>,
    finish?: (trx: DbHandle) => Promise<void>,
  ): Promise<number> {
    const counts = new CountDeltas();
    const changed = await this.db.transaction().execute(async (trx) => {
      let n = 0;
      for (const s of await this.selected(trx, campaignId, selection)) {
        if (await step(trx, s, counts)) n++;
      }
      await counts.write(trx);
      await finish?.(trx);
      return n;
    });
    if (changed > 0) this.onCountsChanged?.([campaignId]);
    return changed;
  }
}

type HeldRow = Awaited<ReturnType<HeldSignatureRepository['selected']>>[number];

/** Where a held signature is counted (its status aside): the counts table's key. */
function countKey(campaignId: number, s: HeldRow) {
  return { campaignId, locale: s.locale, country: s.country ?? '', source: s.source ?? '' };
}
