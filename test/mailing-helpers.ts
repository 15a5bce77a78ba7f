// Mailing stories for repository and route tests: campaigns with partners, supporters on language lists
// in every state a segment must tell apart (subscribed, unsubscribed, pending, suppressed, erased).
import { CampaignRepository } from '../src/db/campaign.repository.js';
import type { Db } from '../src/db/database.js';
import { blindIndex, domainIndex } from './blind-index.js';
import { buildCampaign } from './factories.js';

export const day = 86_400_000;
export const now = Date.UTC(2026, 10, 20);

export interface PersonSpec {
  email: string;
  locale?: string;
  country?: string | null;
  status?: string;
  suppressed?: boolean;
  /** Lists: locale → status, subscribed_at. */
  lists?: Record<string, { status?: 'subscribed' | 'pending' | 'unsubscribed'; since?: number }>;
  /** Signatures: campaign id → status, created_at. */
  signed?: { campaignId: number; status?: string; at?: number }[];
}

export async function addCampaign(db: Db, partner: string): Promise<number> {
  return new CampaignRepository(db).create(
    buildCampaign({ partners: [{ name: partner, url: null, logoPath: null }] }),
    now - 400 * day,
  );
}

export async function addPerson(db: Db, p: PersonSpec): Promise<number> {
  const { id } = await db.kysely
    .insertInto('supporters')
    .values({
      email: p.email,
      email_index: blindIndex(p.email),
      email_domain_index: domainIndex(p.email),
      name: p.email.split('@')[0]!,
      locale: p.locale ?? 'en',
      country: p.country === undefined ? 'BR' : p.country,
      union_name: null,
      status: p.status ?? 'active',
      email_confirmed_at: now - 30 * day,
      mail_suppressed_at: p.suppressed ? now - day : null,
      mail_suppressed_reason: p.suppressed ? 'hard_bounce' : null,
      created_at: now - 30 * day,
      updated_at: now - 30 * day,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const supporterId = Number(id);
  for (const [locale, l] of Object.entries(p.lists ?? {})) {
    await db.kysely
      .insertInto('list_members')
      .values({
        supporter_id: supporterId,
        locale,
        status: l.status ?? 'subscribed',
        source: 'signature',
        consent_id: null,
        confirm_token_hash: null,
        created_at: l.since ?? now - 30 * day,
        subscribed_at: l.status === 'pending' ? null : (l.since ?? now - 30 * day),
        unsubscribed_at: l.status === 'unsubscribed' ? now - day : null,
      })
      .execute();
  }
  for (const s of p.signed ?? []) {
    await db.kysely
      .insertInto('signatures')
      .values({
        campaign_id: s.campaignId,
        supporter_id: supporterId,
        locale: p.locale ?? 'en',
        name: p.email,
        union_name: null,
        country: p.country ?? null,
        message: 'Free him.',
        source: null,
        status: s.status ?? 'confirmed',
        confirm_token_hash: null,
        ip_hash: null,
        created_at: s.at ?? now - 10 * day,
        confirmed_at: now - 10 * day,
        confirmation_sent_at: null,
      })
      .execute();
  }
  return supporterId;
}

/** A mailing row already sending, for tests of the recipient queue (no segment: the caller queues). */
export async function addSendingMailing(db: Db, at = now): Promise<number> {
  const { id } = await db.kysely
    .insertInto('mailings')
    .values({
      kind: 'general',
      campaign_id: null,
      source_locale: 'en',
      subject: 'News',
      body_md: 'Hello',
      segment: '{}',
      status: 'sending',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}
