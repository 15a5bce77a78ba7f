// The campaign as the editor pages show it: source text, language versions, updates, follow-up and old
// slugs, read in one go (by slug for a page, by id under the texts form's lock in the caller's transaction).
import type {
  CampaignStatus,
  ConfirmationMode,
  DeliveryMode,
  TranslationStatus,
} from '../domain/campaign/campaign.js';
import type { EditableCampaign } from '../domain/campaign/edit-campaign.js';
import { parseOfficeHours } from '../domain/delivery/pacing.js';
import type { PetitionNames } from '../domain/petition/petition.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { DbHandle } from './schema.js';

export async function loadEditableCampaign(
  db: DbHandle,
  by: { slug: string } | { id: number },
): Promise<EditableCampaign | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .selectAll()
    .where((eb) => ('slug' in by ? eb('slug', '=', by.slug) : eb('id', '=', by.id)))
    .executeTakeFirst();
  if (!row) return undefined;
  const id = Number(row.id);
  const [translations, updates, oldSlugs, successor] = await Promise.all([
    db.selectFrom('campaign_translations').selectAll().where('campaign_id', '=', id).execute(),
    db
      .selectFrom('campaign_updates')
      .select(['id', 'day', 'locale', 'body_md'])
      .where('campaign_id', '=', id)
      .orderBy('day', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('campaign_slugs')
      .select('slug')
      .where('campaign_id', '=', id)
      .orderBy('created_at')
      .orderBy('slug')
      .execute(),
    row.superseded_by === null
      ? Promise.resolve(undefined)
      : campaignsWithSourceText(db)
          .select(['c.id', 'c.slug', 'c.status', 't.headline'])
          .where('c.id', '=', row.superseded_by)
          .executeTakeFirst(),
  ]);
  const source = translations.find((t) => t.locale === row.source_locale);
  return {
    id,
    slug: row.slug,
    status: row.status as CampaignStatus,
    sourceLocale: row.source_locale,
    goal: row.goal,
    moreInfoUrl: row.more_info_url,
    photoPath: row.photo_path,
    confirmationMode: row.confirmation_mode as ConfirmationMode,
    deliveryMode: row.delivery_mode as DeliveryMode,
    targetHourlyCap: Number(row.target_hourly_cap),
    officeHours: parseOfficeHours(row.office_hours),
    digestIntervalMinutes: Number(row.digest_interval_minutes),
    petitionNames: row.petition_names as PetitionNames,
    startsAt: row.starts_at === null ? null : Number(row.starts_at),
    endsAt: row.ends_at === null ? null : Number(row.ends_at),
    source: source
      ? {
          headline: source.headline,
          backgroundMd: source.background_md,
          defaultMessage: source.default_message,
          targetSubject: source.target_subject,
          targetSalutation: source.target_salutation,
          photoAlt: source.photo_alt,
          status: source.status as TranslationStatus,
          revision: Number(source.revision),
        }
      : null,
    translations: translations
      .map((t) => ({ locale: t.locale, status: t.status as TranslationStatus }))
      .sort((a, b) =>
        a.locale === row.source_locale
          ? -1
          : b.locale === row.source_locale
            ? 1
            : a.locale.localeCompare(b.locale),
      ),
    updates: updates.map((u) => ({ id: Number(u.id), day: u.day, locale: u.locale, bodyMd: u.body_md })),
    successor: successor
      ? {
          id: Number(successor.id),
          slug: successor.slug,
          status: successor.status as CampaignStatus,
          headline: successor.headline,
        }
      : null,
    oldSlugs: oldSlugs.map((s) => s.slug),
  };
}
