// The demo's partnership terms and one union request waiting in the editors' queue, so the campaign request pages
// are not empty on first start. The request is written from ../shared/seeds/004 and 001 (the Salidarnast
// association of Belarusian workers in exile, BKDP's imprisoned president); its targets are rewritten to
// reserved example.org addresses. Seed rows go in as installed data: no audit entry, no mail.
import type { Db } from '../../db/database.js';
import { defaultTerms } from './partnership-terms.js';

export const demoRequestNonce = 'demo-request-salidarnast';

const background = `Aliaksandr Yarashuk, President of the Belarusian Congress of Democratic Trade Unions (BKDP), is one of more than 40 leaders and activists of democratic trade unions held in Belarusian prisons and penal colonies because of their views and beliefs.

Trade unionists in Belarus are arrested, fired from their jobs, humiliated on video and forced to confess to "opposition activities". On 19 April a picket in Berlin, convened by the Salidarnast association of Belarusian workers in exile, demanded the release of the political prisoners and an end to the repression; on May Day the demand for his freedom was raised in Paris, Geneva, Amsterdam and Bremen.

The International Labour Conference has adopted a resolution calling on Belarus to release trade union activists from prison and end the repression. **We ask trade unionists everywhere to add their voice.**`;

const message = `Free Aliaksandr Yarashuk and all imprisoned trade unionists.

Stop the repression against trade union activists, and restore guarantees for the legal activity of independent trade unions, as the International Labour Conference has demanded.`;

/** Puts the default terms (when there are none) and the waiting request (once) into the database. */
export async function seedCampaignRequest(db: Db, now: number): Promise<void> {
  const k = db.kysely;
  const existing = await k.selectFrom('partnership_terms').select('id').limit(1).executeTakeFirst();
  if (!existing) {
    for (const [locale, body] of Object.entries(defaultTerms)) {
      await k
        .insertInto('partnership_terms')
        .values({ locale, body_md: body, created_by: null, created_at: now - 30 * 86_400_000 })
        .execute();
    }
  }
  const seeded = await k
    .selectFrom('campaign_requests')
    .select('id')
    .where('form_nonce', '=', demoRequestNonce)
    .executeTakeFirst();
  if (seeded) return;
  const terms = await k
    .selectFrom('partnership_terms')
    .select('id')
    .where('locale', '=', 'en')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const received = now - 3 * 86_400_000 - 2 * 3_600_000;
  const { id } = await k
    .insertInto('campaign_requests')
    .values({
      status: 'waiting',
      locale: 'en',
      contact_locale: 'en',
      org_name: 'Salidarnast – association of Belarusian workers in exile',
      org_description:
        'Salidarnast brings together Belarusian workers who had to leave the country. With the Belarusian Congress of Democratic Trade Unions (BKDP) we campaign for the release of imprisoned trade unionists and for the right to organise in Belarus.',
      org_website: null,
      org_logo_path: null,
      contact_name: 'Lizaveta Merliak',
      contact_email: 'contact@salidarnast.example.org',
      headline: 'Belarus: Free union leader Aliaksandr Yarashuk',
      background_md: background,
      default_message: message,
      more_info_url: null,
      photo_path: null,
      targets_json: JSON.stringify([
        { name: 'Embassy of Belarus in Germany', email: 'embassy.berlin@example.org' },
        { name: 'Embassy of Belarus in France', email: 'embassy.paris@example.org' },
        { name: 'Embassy of Belarus in Switzerland', email: 'embassy.bern@example.org' },
      ]),
      terms_id: terms.id,
      terms_accepted_at: received,
      form_nonce: demoRequestNonce,
      ip_hash: null,
      campaign_id: null,
      decision_note: null,
      decided_by: null,
      decided_at: null,
      created_at: received,
      updated_at: received,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('request_endorsements')
    .values({
      request_id: id,
      name: 'Belarusian Congress of Democratic Trade Unions (BKDP)',
      url: null,
      note: 'Endorsed by its acting president by email.',
      created_by: null,
      created_at: received + 86_400_000,
    })
    .execute();
}
