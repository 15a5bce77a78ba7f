// Demo supporters on the English, Spanish and Arabic lists, so that a mailing can be composed, counted,
// tested and sent in the demo. They signed the demo campaign (all but one, so the "has not signed" segment
// reaches someone) and ticked the alerts box while signing: each has the consent record that put them on
// their list. Seeded as history: counted, with their count rows, but their letters to the targets are not
// in the delivery queue. Running it again changes nothing.
import type { Db } from '../../db/database.js';
import { alertsConsentVersion } from '../../domain/signature/sign-campaign.js';
import { countedStatus } from '../../domain/signature/signature.js';
import { translatorFor } from '../../i18n/translator.js';
import { demoCampaignToSeed } from './seed.js';

/** name, address, list, country, whether they signed the demo campaign */
export const demoListMembers: [string, string, string, string, boolean][] = [
  ['Maria Santos', 'maria.santos@example.org', 'en', 'PH', true],
  ['John Okoro', 'john.okoro@example.org', 'en', 'NG', true],
  ['Hannah Berg', 'hannah.berg@example.org', 'en', 'GB', true],
  ['Lucía Pérez', 'lucia.perez@example.org', 'es', 'AR', true],
  ['Carlos Ruiz', 'carlos.ruiz@example.org', 'es', 'ES', true],
  ['Layla Haddad', 'layla.haddad@example.org', 'ar', 'JO', true],
  ['Omar Farouk', 'omar.farouk@example.org', 'ar', 'EG', false],
];

export async function seedDemoLists(db: Db, now: number): Promise<{ members: number }> {
  const campaignId = await demoCampaignToSeed(db, demoListMembers[0]![1]);
  if (campaignId === undefined) return { members: 0 };
  const signedAt = now - 3 * 86_400_000;
  await db.kysely.transaction().execute(async (trx) => {
    for (const [name, email, locale, country, signed] of demoListMembers) {
      const { id } = await trx
        .insertInto('supporters')
        .values({
          email,
          email_index: db.vault.index(email),
          email_domain_index: db.vault.domainIndex(email),
          name,
          locale,
          country,
          union_name: null,
          email_confirmed_at: signedAt,
          created_at: signedAt,
          updated_at: signedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const supporterId = Number(id);
      // The alerts box as the sign form shows it (English for a language without an interface catalog).
      const consent = await trx
        .insertInto('consents')
        .values({
          supporter_id: supporterId,
          campaign_id: signed ? campaignId : null,
          scope: 'alerts',
          text: translatorFor(locale).t('form.alerts.label'),
          version: alertsConsentVersion,
          locale,
          source: null,
          given_at: signedAt,
          withdrawn_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('list_members')
        .values({
          supporter_id: supporterId,
          locale,
          status: 'subscribed',
          source: 'signature',
          consent_id: Number(consent.id),
          confirm_token_hash: null,
          created_at: signedAt,
          subscribed_at: signedAt,
          unsubscribed_at: null,
        })
        .execute();
      if (!signed) continue;
      await trx
        .insertInto('signatures')
        .values({
          campaign_id: campaignId,
          supporter_id: supporterId,
          locale,
          name,
          union_name: null,
          country,
          message: 'Free Erlan Baltabay now.',
          source: null,
          status: countedStatus,
          confirm_token_hash: null,
          ip_hash: null,
          created_at: signedAt,
          confirmed_at: signedAt,
          confirmation_sent_at: signedAt,
        })
        .execute();
      await trx
        .insertInto('counts')
        .values({ campaign_id: campaignId, locale, country, source: '', status: countedStatus, n: 1 })
        .onConflict((oc) =>
          oc
            .columns(['campaign_id', 'locale', 'country', 'source', 'status'])
            .doUpdateSet((eb) => ({ n: eb('counts.n', '+', eb.ref('excluded.n')) })),
        )
        .execute();
    }
  });
  return { members: demoListMembers.length };
}
