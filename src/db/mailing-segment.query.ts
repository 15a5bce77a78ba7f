// The one query behind a segment (domain/mailing/segment.ts): the composer's live size counts it, and the
// start of a send inserts it into mailing_recipients (INSERT … SELECT, in the transaction that sets the
// mailing to sending). Whatever the conditions, only subscribed list members whose address is not
// suppressed and who are not erased are ever included. A person on several of the chosen lists is one
// recipient, in the list of their own language when it is one of them (else the first by code).
// Indexes: list_members (locale, status) finds the lists' members; every signature condition is a
// correlated lookup on signatures (supporter_id), so the cost grows with the lists, not the signatures.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Segment } from '../domain/mailing/segment.js';
import { countedStatus } from '../domain/signature/signature.js';
import type { Database } from './schema.js';

const yearMs = 365 * 86_400_000;

type Eb = ExpressionBuilder<
  Database & { lm: Database['list_members']; s: Database['supporters'] },
  'lm' | 's'
>;

/** Signatures of the member being looked at, counted (confirmed). */
const countedSignatures = (eb: Eb) =>
  eb
    .selectFrom('signatures as g')
    .whereRef('g.supporter_id', '=', 'lm.supporter_id')
    .where('g.status', '=', countedStatus);

/** The members the segment reaches (one row per membership; a person on two chosen lists appears twice). */
function segmentMembers(db: Kysely<Database>, segment: Segment, now: number) {
  let q = db
    .selectFrom('list_members as lm')
    .innerJoin('supporters as s', 's.id', 'lm.supporter_id')
    .where('lm.locale', 'in', segment.locales)
    .where('lm.status', '=', 'subscribed')
    .where('s.mail_suppressed_at', 'is', null)
    .where('s.status', '!=', 'erased');
  if (segment.countries.length > 0) q = q.where('s.country', 'in', segment.countries);
  if (segment.subscribedSince !== null) q = q.where('lm.subscribed_at', '>=', segment.subscribedSince);
  const signed = segment.signedCampaignId;
  if (signed !== null) {
    q = q.where((eb) => eb.exists(countedSignatures(eb).select('g.id').where('g.campaign_id', '=', signed)));
  }
  const notSigned = segment.notSignedCampaignId;
  if (notSigned !== null) {
    q = q.where((eb) =>
      eb.not(eb.exists(countedSignatures(eb).select('g.id').where('g.campaign_id', '=', notSigned))),
    );
  }
  const min = segment.minCampaignsLastYear;
  if (min !== null) {
    // One grouped pass over the year's signatures (a semi-join), not a count per member: at list scale
    // the correlated form costs a lookup per member and, on PostgreSQL, a JIT compilation.
    q = q.where('lm.supporter_id', 'in', (eb) =>
      eb
        .selectFrom('signatures as y')
        .select('y.supporter_id')
        .where('y.status', '=', countedStatus)
        .where('y.created_at', '>=', now - yearMs)
        .groupBy('y.supporter_id')
        .having((h) => h.fn.count('y.campaign_id').distinct(), '>=', min),
    );
  }
  const partner = segment.partnerId;
  if (partner !== null) {
    // The organisation is known by its name: a partner row belongs to one campaign, the same union stands
    // behind several campaigns under one name.
    q = q.where((eb) =>
      eb.exists(
        countedSignatures(eb)
          .select('g.id')
          .where('g.campaign_id', 'in', (e) =>
            e
              .selectFrom('partners as p')
              .select('p.campaign_id')
              .where(
                sql<boolean>`lower(p.name) = (select lower(named.name) from partners named where named.id = ${partner})`,
              ),
          ),
      ),
    );
  }
  return q;
}

/** How many people the segment reaches now. */
export async function countSegment(db: Kysely<Database>, segment: Segment, now: number): Promise<number> {
  if (segment.locales.length === 0) return 0;
  const row = await segmentMembers(db, segment, now)
    .select((eb) => eb.fn.count<number | string>('lm.supporter_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Queues every person the segment reaches as a recipient of the mailing (status queued, locale their
 * list's). Run inside the transaction that sets the mailing to sending; returns how many were queued.
 */
export async function materialiseSegment(
  trx: Kysely<Database>,
  mailingId: number,
  segment: Segment,
  now: number,
): Promise<number> {
  if (segment.locales.length === 0) return 0;
  const members = segmentMembers(trx, segment, now)
    .groupBy(['lm.supporter_id', 's.locale'])
    .select([
      sql.lit(mailingId).as('mailing_id'),
      'lm.supporter_id',
      // Their own language's list when they are on it, else the first chosen list by code.
      sql<string>`coalesce(max(case when lm.locale = s.locale then lm.locale end), min(lm.locale))`.as(
        'locale',
      ),
      sql.lit('queued').as('status'),
      sql.lit(0).as('attempts'),
    ]);
  const result = await trx
    .insertInto('mailing_recipients')
    .columns(['mailing_id', 'supporter_id', 'locale', 'status', 'attempts'])
    .expression(members)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** For `explain` in the tests and the benchmark: the count query's SQL and parameters. */
export function segmentCountQuery(db: Kysely<Database>, segment: Segment, now: number) {
  return segmentMembers(db, segment, now)
    .select((eb) => eb.fn.count<number>('lm.supporter_id').distinct().as('n'))
    .compile();
}
