// Campaigns (`c`) beside their text in their source language (`t`): the join condition that says which text
// is "the campaign's" (onSourceText), written once, and the start of every query that lists or picks
// campaigns by their headline (campaignsWithSourceText), and the translatable texts as columns of `t`; and
// the one write of a campaign's text in a language (saveCampaignText), for the editor and the translators.
import type { Insertable, JoinBuilder } from 'kysely';
import type { CampaignsTable, CampaignTranslationsTable } from './campaign.table.js';
import type { Database, DbHandle } from './schema.js';

/** `campaigns as c` left-joined to its source-language text `t` (a campaign without one still comes back). */
export function campaignsWithSourceText(db: DbHandle) {
  return db.selectFrom('campaigns as c').leftJoin('campaign_translations as t', onSourceText);
}

type WithSourceText = Database & { c: CampaignsTable; t: CampaignTranslationsTable };

/** The join condition that pairs a campaign (`c`) with its text in its source language (`t`). */
export function onSourceText(join: JoinBuilder<WithSourceText, 'c' | 't'>) {
  return join.onRef('t.campaign_id', '=', 'c.id').onRef('t.locale', '=', 'c.source_locale');
}

/** The texts a translator translates (TranslatableTexts), as columns of a campaign text `t`. */
export const translatableColumns = [
  't.headline',
  't.background_md',
  't.default_message',
  't.target_subject',
  't.target_salutation',
] as const;

/**
 * Stores a campaign's text in one language: with no row yet (`from` null) the text is inserted in `locale`,
 * else the row in language `from` is updated (and moved to `locale` when they differ).
 */
export async function saveCampaignText(
  trx: DbHandle,
  at: { campaignId: number; from: string | null; locale: string; now: number },
  text: Omit<Insertable<CampaignTranslationsTable>, 'campaign_id' | 'locale' | 'created_at'>,
): Promise<void> {
  if (at.from === null) {
    const row = { ...text, campaign_id: at.campaignId, locale: at.locale, created_at: at.now };
    await trx.insertInto('campaign_translations').values(row).execute();
    return;
  }
  await trx
    .updateTable('campaign_translations')
    .set({ ...text, locale: at.locale })
    .where('campaign_id', '=', at.campaignId)
    .where('locale', '=', at.from)
    .execute();
}
