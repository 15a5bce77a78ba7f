// The supporters' side of the language lists on both databases: sign-ups (supporter, consent, membership
// awaiting confirmation and the mail, in one transaction), their confirmation, the preferences page's
// reads and writes, address changes, and the join of a confirmed signature whose alerts box was ticked
// (called from the signature's confirmation, in its transaction). Leaving is always leaveLists.
import type { Kysely } from 'kysely';
import type {
  AddressChangeOutcome,
  ConfirmSignupOutcome,
  ConsentGiven,
  ListMemberSource,
  ListMemberStatus,
  ListPerson,
  ListStore,
  SignupCommand,
} from '../domain/list/list.ports.js';
import { type ListMailPayload, sendListMailJob } from '../domain/list/list-mail.js';
import { signatureJoin } from '../domain/list/membership.js';
import { canonicalOf, type EmailAddress } from '../domain/signature/email-address.js';
import type { DataVault } from '../security/data-keys.js';
import type { Db } from './database.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import { leaveLists } from './list-membership.writes.js';
import { liveSupporter } from './live-supporter.js';
import type { Database } from './schema.js';

async function recordConsent(
  trx: Kysely<Database>,
  supporterId: number,
  consent: ConsentGiven,
  now: number,
): Promise<number> {
  const row = await trx
    .insertInto('consents')
    .values({
      supporter_id: supporterId,
      campaign_id: null,
      scope: 'list',
      text: consent.text,
      version: consent.version,
      locale: consent.locale,
      source: null,
      given_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function membership(trx: Kysely<Database>, supporterId: number, locale: string) {
  return trx
    .selectFrom('list_members')
    .select(['id', 'status', 'unsubscribed_at'])
    .where('supporter_id', '=', supporterId)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

/** Puts the person on a list now, with this consent: a new row, or an existing one subscribed again. */
async function subscribeNow(
  trx: Kysely<Database>,
  m: { supporterId: number; locale: string; source: ListMemberSource; consentId: number; now: number },
  existingId: number | undefined,
): Promise<void> {
  if (existingId === undefined) {
    // Two confirmations of the same person at once: the second finds the row the first made, and keeps it.
    await trx
      .insertInto('list_members')
      .values({
        supporter_id: m.supporterId,
        locale: m.locale,
        status: 'subscribed',
        source: m.source,
        consent_id: m.consentId,
        confirm_token_hash: null,
        created_at: m.now,
        subscribed_at: m.now,
        unsubscribed_at: null,
      })
      .onConflict((oc) => oc.columns(['supporter_id', 'locale']).doNothing())
      .execute();
    return;
  }
  await trx
    .updateTable('list_members')
    .set({
      status: 'subscribed',
      source: m.source,
      consent_id: m.consentId,
      confirm_token_hash: null,
      subscribed_at: m.now,
      unsubscribed_at: null,
    })
    .where('id', '=', existingId)
    .execute();
}

/**
 * A signature was just confirmed (the person proved the address): when its alerts box was ticked and that
 * consent stands, the person joins the list of the signature's language (domain/list/membership.ts says
 * when an existing membership changes). Runs in the confirmation's transaction; idempotent.
 */
export async function joinListFromSignature(
  trx: Kysely<Database>,
  s: { supporterId: number; campaignId: number; locale: string; now: number },
): Promise<void> {
  const consent = await trx
    .selectFrom('consents')
    .select(['id', 'given_at'])
    .where('supporter_id', '=', s.supporterId)
    .where('campaign_id', '=', s.campaignId)
    .where('scope', '=', 'alerts')
    .where('withdrawn_at', 'is', null)
    .orderBy('given_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!consent) return;
  const existing = await membership(trx, s.supporterId, s.locale);
  const action = signatureJoin(
    existing && {
      status: existing.status,
      unsubscribedAt: existing.unsubscribed_at === null ? null : Number(existing.unsubscribed_at),
    },
    Number(consent.given_at),
  );
  if (action === 'none') return;
  await subscribeNow(
    trx,
    { ...s, source: 'signature', consentId: Number(consent.id) },
    existing ? Number(existing.id) : undefined,
  );
}

export class ListMemberRepository extends KyselyStore implements ListStore {
  private readonly vault: DataVault;
  constructor(db: Db) {
    super(db);
    this.vault = db.vault;
  }

  async requestSignup(c: SignupCommand): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const found = await trx
        .selectFrom('supporters')
        .select(['id', 'mail_suppressed_at'])
        .where('email_index', 'in', this.vault.indexes(c.email.canonical))
        .executeTakeFirst();
      // Suppressed addresses are never mailed (decision 0019): the same answer, nothing sent.
      if (found && found.mail_suppressed_at !== null) return;
      // The same address sent twice at once: the second insert finds the first's row (never renames it).
      const supporterId = found
        ? Number(found.id)
        : Number(
            (
              await trx
                .insertInto('supporters')
                .values({
                  email: c.email.address,
                  email_index: this.vault.index(c.email.canonical),
                  email_domain_index: this.vault.domainIndex(c.email.address),
                  name: c.name,
                  locale: c.listLocale,
                  country: c.country,
                  union_name: null,
                  email_confirmed_at: null,
                  created_at: c.now,
                  updated_at: c.now,
                })
                .onConflict((oc) => oc.column('email_index').doUpdateSet({ updated_at: c.now }))
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          );
      const consentId = await recordConsent(trx, supporterId, c.consent, c.now);
      const inserted = await trx
        .insertInto('list_members')
        .values({
          supporter_id: supporterId,
          locale: c.listLocale,
          status: 'pending',
          source: 'signup',
          consent_id: consentId,
          confirm_token_hash: c.tokenHash,
          created_at: c.now,
          subscribed_at: null,
          unsubscribed_at: null,
        })
        .onConflict((oc) => oc.columns(['supporter_id', 'locale']).doNothing())
        .returning('id')
        .executeTakeFirst();
      const existing = inserted ? undefined : await membership(trx, supporterId, c.listLocale);
      if (existing) {
        // A subscribed member keeps the consent that put them there until they leave; the new one is on
        // record beside it. Anyone else waits for the new link with the new consent.
        await trx
          .updateTable('list_members')
          .set(
            existing.status === 'subscribed'
              ? { confirm_token_hash: c.tokenHash }
              : { confirm_token_hash: c.tokenHash, consent_id: consentId },
          )
          .where('id', '=', existing.id)
          .execute();
      }
      await enqueueJobs(trx, [{ kind: sendListMailJob, payload: c.mail }], c.now);
    });
  }

  async peekSignup(tokenHash: string) {
    const row = await this.db
      .selectFrom('list_members')
      .select(['locale', 'status'])
      .where('confirm_token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && { locale: row.locale, status: row.status as ListMemberStatus };
  }

  async confirmSignup(tokenHash: string, now: number, expiresAfterMs: number): Promise<ConfirmSignupOutcome> {
    return this.db.transaction().execute(async (trx): Promise<ConfirmSignupOutcome> => {
      const m = await trx
        .selectFrom('list_members as m')
        .leftJoin('consents as k', 'k.id', 'm.consent_id')
        .select(['m.id', 'm.supporter_id', 'm.locale', 'm.status', 'k.given_at', 'k.withdrawn_at'])
        .where('m.confirm_token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!m) return { status: 'unknown' };
      const supporterId = Number(m.supporter_id);
      if (m.status !== 'subscribed') {
        if (m.given_at === null || m.withdrawn_at !== null) return { status: 'unknown' };
        if (Number(m.given_at) + expiresAfterMs < now) return { status: 'expired' };
      }
      // The update is the check: of two simultaneous clicks only one finds the token still there.
      const updated = await trx
        .updateTable('list_members')
        .set(
          m.status === 'subscribed'
            ? { confirm_token_hash: null }
            : {
                status: 'subscribed',
                source: 'signup',
                confirm_token_hash: null,
                subscribed_at: now,
                unsubscribed_at: null,
              },
        )
        .where('id', '=', m.id)
        .where('confirm_token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1 || m.status === 'subscribed') {
        return { status: 'already', locale: m.locale, supporterId };
      }
      // The link reached its owner: the address is proved.
      await trx
        .updateTable('supporters')
        .set({ email_confirmed_at: now })
        .where('id', '=', supporterId)
        .where('email_confirmed_at', 'is', null)
        .execute();
      return { status: 'confirmed', locale: m.locale, supporterId };
    });
  }

  async person(supporterId: number): Promise<ListPerson | undefined> {
    const s = await liveSupporter(this.db, supporterId)
      .select(['id', 'email', 'name', 'locale'])
      .executeTakeFirst();
    if (!s) return undefined;
    const rows = await this.db
      .selectFrom('list_members as m')
      .leftJoin('consents as k', 'k.id', 'm.consent_id')
      .select(['m.locale', 'm.status', 'm.source', 'm.subscribed_at', 'm.unsubscribed_at', 'k.text'])
      .where('m.supporter_id', '=', supporterId)
      .orderBy('m.locale')
      .execute();
    return {
      supporterId: Number(s.id),
      email: s.email,
      // Only the blind index is stored; the canonical form is derived again from the address as typed.
      emailCanonical: canonicalOf(s.email),
      name: s.name,
      locale: s.locale,
      memberships: rows.map((r) => ({
        locale: r.locale,
        status: r.status,
        source: r.source,
        subscribedAt: r.subscribed_at === null ? null : Number(r.subscribed_at),
        unsubscribedAt: r.unsubscribed_at === null ? null : Number(r.unsubscribed_at),
        consentText: r.text,
      })),
    };
  }

  async leave(input: { supporterId: number; locale?: string; via: string; now: number }): Promise<number> {
    return this.db.transaction().execute((trx) => leaveLists(trx, input));
  }

  async join(input: { supporterId: number; locale: string; consent: ConsentGiven; now: number }) {
    await this.db.transaction().execute(async (trx) => {
      const existing = await membership(trx, input.supporterId, input.locale);
      if (existing?.status === 'subscribed') return;
      const consentId = await recordConsent(trx, input.supporterId, input.consent, input.now);
      await subscribeNow(
        trx,
        { supporterId: input.supporterId, locale: input.locale, source: 'signup', consentId, now: input.now },
        existing ? Number(existing.id) : undefined,
      );
    });
  }

  async move(input: {
    supporterId: number;
    from: string;
    to: string;
    consent: ConsentGiven;
    now: number;
  }): Promise<'moved' | 'not_member'> {
    return this.db.transaction().execute(async (trx) => {
      const from = await membership(trx, input.supporterId, input.from);
      if (from?.status !== 'subscribed') return 'not_member';
      await leaveLists(trx, {
        supporterId: input.supporterId,
        locale: input.from,
        via: 'preferences',
        now: input.now,
      });
      const to = await membership(trx, input.supporterId, input.to);
      if (to?.status !== 'subscribed') {
        const consentId = await recordConsent(trx, input.supporterId, input.consent, input.now);
        await subscribeNow(
          trx,
          { supporterId: input.supporterId, locale: input.to, source: 'signup', consentId, now: input.now },
          to ? Number(to.id) : undefined,
        );
      }
      await trx
        .updateTable('supporters')
        .set({ locale: input.to, updated_at: input.now })
        .where('id', '=', input.supporterId)
        .execute();
      return 'moved';
    });
  }

  async queueMail(mail: ListMailPayload, now: number): Promise<void> {
    await enqueueJobs(this.db, [{ kind: sendListMailJob, payload: mail }], now);
  }

  async changeAddress(input: {
    supporterId: number;
    fromCanonical: string;
    email: EmailAddress;
    now: number;
  }): Promise<AddressChangeOutcome> {
    return this.db.transaction().execute(async (trx): Promise<AddressChangeOutcome> => {
      if (input.email.canonical !== input.fromCanonical) {
        const other = await trx
          .selectFrom('supporters')
          .select('id')
          .where('email_index', 'in', this.vault.indexes(input.email.canonical))
          .executeTakeFirst();
        if (other) return 'taken';
      }
      const changed = await trx
        .updateTable('supporters')
        .set({
          email: input.email.address,
          email_index: this.vault.index(input.email.canonical),
          email_domain_index: this.vault.domainIndex(input.email.address),
          email_confirmed_at: input.now,
          updated_at: input.now,
        })
        .where('id', '=', input.supporterId)
        .where('email_index', 'in', this.vault.indexes(input.fromCanonical))
        .where('status', '!=', 'erased')
        .executeTakeFirst();
      return Number(changed.numUpdatedRows) === 1 ? 'changed' : 'stale';
    });
  }
}
