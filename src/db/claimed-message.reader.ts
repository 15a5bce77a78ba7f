// What a claimed message carries to be composed: the target and its address, the campaign, the signature
// of a letter or every signature of a digest, and the supporter's address for Reply-To. Read inside the
// claim's transaction (delivery-dispatch.store.ts), a few statements for a whole round.

import type { ClaimedMessage } from '../domain/delivery/delivery.ports.js';
import { chunks } from './delivery-rows.js';
import type { DbHandle } from './schema.js';

/** A signature's columns that write its letter (LetterData), for a letter and for each signature of a digest. */
const letterColumns = [
  's.name',
  's.union_name as unionName',
  's.country',
  's.message',
  's.locale',
  's.message_locale as messageLocale',
] as const;

/** The claimed messages with everything needed to compose them, oldest first, in the claim's transaction. */
export async function readClaimedMessages(trx: DbHandle, ids: number[]): Promise<ClaimedMessage[]> {
  if (ids.length === 0) return [];
  const out: ClaimedMessage[] = [];
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('messages as m')
      .innerJoin('targets as t', 't.id', 'm.target_id')
      .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
      .leftJoin('signatures as s', 's.id', 'm.signature_id')
      .leftJoin('supporters as p', 'p.id', 's.supporter_id')
      .select([
        'm.id',
        'm.kind',
        'm.campaign_id as campaignId',
        'c.slug as campaignSlug',
        'm.target_id as targetId',
        't.name as targetName',
        'm.to_address as toAddress',
        't.locale as targetLocale',
        'm.message_id_header as messageIdHeader',
        'm.attempts',
        'm.created_at as createdAt',
        ...letterColumns,
        's.created_at as signedAt',
        // Reply-To only for an address its owner confirmed: anyone can type anyone's (decision 0015).
        (eb) =>
          eb
            .case()
            .when('p.email_confirmed_at', 'is not', null)
            .then(eb.ref('p.email'))
            .end()
            .as('supporterEmail'),
      ])
      .where('m.id', 'in', part)
      .orderBy('m.id')
      .execute();
    const digestIds = rows.filter((r) => r.kind === 'digest').map((r) => r.id);
    const members = new Map<number, ClaimedMessage['signatures']>();
    for (const dpart of chunks(digestIds)) {
      const list = await trx
        .selectFrom('messages as m')
        .innerJoin('signatures as s', 's.id', 'm.signature_id')
        .select(['m.digest_id as digestId', ...letterColumns, 's.created_at as createdAt'])
        .where('m.digest_id', 'in', dpart)
        .orderBy('m.id')
        .execute();
      for (const r of list) {
        const key = r.digestId!;
        const arr = members.get(key) ?? [];
        arr.push({
          name: r.name,
          unionName: r.unionName,
          country: r.country,
          message: r.message,
          locale: r.locale,
          messageLocale: r.messageLocale,
          createdAt: r.createdAt,
        });
        members.set(key, arr);
      }
    }
    for (const r of rows) {
      const signatures: ClaimedMessage['signatures'] =
        r.kind === 'digest'
          ? (members.get(r.id) ?? [])
          : r.name !== null
            ? [
                {
                  name: r.name,
                  unionName: r.unionName,
                  country: r.country,
                  message: r.message ?? '',
                  locale: r.locale ?? 'en',
                  messageLocale: r.messageLocale,
                  createdAt: r.signedAt ?? r.createdAt,
                },
              ]
            : [];
      out.push({
        id: r.id,
        kind: r.kind === 'digest' ? 'digest' : 'signature',
        campaignId: r.campaignId,
        campaignSlug: r.campaignSlug,
        targetId: r.targetId,
        target: { name: r.targetName, email: r.toAddress ?? '', locale: r.targetLocale },
        messageIdHeader: r.messageIdHeader ?? '',
        attempts: r.attempts,
        createdAt: r.createdAt,
        signatures,
        supporterEmail: r.supporterEmail,
      });
    }
  }
  return out;
}
