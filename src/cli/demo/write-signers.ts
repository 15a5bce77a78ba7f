// Writes generated signers of the demo (its invented history, and the large seed of `--signers`) in batches
// of 1,000 in one transaction: supporters with their blind indexes, counted signatures and their count rows.
// The personal fields are sealed by the database layer like any signer's; no letters are queued.
import type { Db } from '../../db/database.js';
import { countedStatus } from '../../domain/signature/signature.js';

/** One made-up signer. */
export interface GeneratedSigner {
  email: string;
  name: string;
  locale: string;
  country: string;
  union: string | null;
  source: string;
  at: number;
}

const chunk = 1000;

/** `message`: what every one of them sent (a signer who did not change the default sends it). */
export async function writeSigners(
  db: Db,
  campaignId: number,
  rows: readonly GeneratedSigner[],
  message: string,
): Promise<void> {
  const counts = new Map<string, { locale: string; country: string; source: string; n: number }>();
  for (const r of rows) {
    const key = `${r.locale}\u0000${r.country}\u0000${r.source}`;
    const c = counts.get(key) ?? { locale: r.locale, country: r.country, source: r.source, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const batch = rows.slice(i, i + chunk);
      const ids = await trx
        .insertInto('supporters')
        .values(
          batch.map((r) => ({
            email: r.email,
            email_index: db.vault.index(r.email),
            email_domain_index: db.vault.domainIndex(r.email),
            name: r.name,
            locale: r.locale,
            country: r.country,
            union_name: r.union,
            email_confirmed_at: r.at,
            created_at: r.at,
            updated_at: r.at,
          })),
        )
        .returning(['id', 'email_index'])
        .execute();
      const idOf = new Map(ids.map((x) => [x.email_index, Number(x.id)]));
      await trx
        .insertInto('signatures')
        .values(
          batch.map((r) => ({
            campaign_id: campaignId,
            supporter_id: idOf.get(db.vault.index(r.email))!,
            locale: r.locale,
            name: r.name,
            union_name: r.union,
            country: r.country,
            message,
            source: r.source || null,
            status: countedStatus,
            confirm_token_hash: null,
            ip_hash: null,
            created_at: r.at,
            confirmed_at: r.at,
            confirmation_sent_at: r.at,
          })),
        )
        .execute();
    }
    for (const c of counts.values()) {
      await trx
        .insertInto('counts')
        .values({ campaign_id: campaignId, ...c, status: countedStatus })
        .onConflict((oc) =>
          oc
            .columns(['campaign_id', 'locale', 'country', 'source', 'status'])
            .doUpdateSet((eb) => ({ n: eb('counts.n', '+', eb.ref('excluded.n')) })),
        )
        .execute();
    }
  });
}
