// The one way anybody leaves the lists, whatever the door (one-click link, preferences page, mailto
// unsubscribe, a complaint, an editor): every membership set to unsubscribed and the consent that put the
// person there marked withdrawn, with how, in the caller's transaction. Called inside other writes, so it
// takes a transaction and commits nothing itself. The mailing the person last got counts the leave.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface LeaveLists {
  supporterId: number;
  /** One list, or every list the person is on. */
  locale?: string;
  /** 'one-click', 'preferences', 'mailto', 'complaint', 'editor', … kept on the consent record. */
  via: string;
  now: number;
}

/** Returns how many memberships were ended (0 when there were none: leaving twice is harmless). */
export async function leaveLists(trx: Kysely<Database>, input: LeaveLists): Promise<number> {
  let members = trx
    .selectFrom('list_members')
    .select(['id', 'consent_id'])
    .where('supporter_id', '=', input.supporterId)
    .where('status', '!=', 'unsubscribed');
  if (input.locale !== undefined) members = members.where('locale', '=', input.locale);
  const rows = await members.execute();
  if (rows.length === 0) return 0;
  await trx
    .updateTable('list_members')
    .set({ status: 'unsubscribed', unsubscribed_at: input.now, confirm_token_hash: null })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const consentIds = rows.flatMap((r) => (r.consent_id === null ? [] : [r.consent_id]));
  if (consentIds.length > 0) {
    await trx
      .updateTable('consents')
      .set({ withdrawn_at: input.now, withdrawn_via: input.via })
      .where('id', 'in', consentIds)
      .where('withdrawn_at', 'is', null)
      .execute();
  }
  // The person's own leaving counts on the report of the last mailing they were sent (their link carries
  // no mailing id); an editor's removal does not.
  if (input.via !== 'editor') {
    let last = trx
      .selectFrom('mailing_recipients')
      .select('id')
      .where('supporter_id', '=', input.supporterId)
      .where('status', '=', 'sent')
      .orderBy('sent_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1);
    if (input.locale !== undefined) last = last.where('locale', '=', input.locale);
    const row = await last.executeTakeFirst();
    if (row) {
      await trx
        .updateTable('mailing_recipients')
        .set({ unsubscribed_at: input.now })
        .where('id', '=', row.id)
        .where('unsubscribed_at', 'is', null)
        .execute();
    }
  }
  return rows.length;
}
