// Storage of the campaign editor: the campaign with its source-language text, language versions, updates,
// follow-up and old slugs as the editor pages show it, and every change written with its audit entry in one
// transaction. The texts form is saved under a lock on the campaign row and only while the stored values
// still give the token the form was filled from, so two editors saving at once never overwrite each other
// silently. After a commit `onChange` lets the public pages' cache drop the campaign (old and new slug).

import type { CampaignStatus } from '../domain/campaign/campaign.js';
import {
  type ActorRef,
  type CampaignEditorStore,
  type EditableCampaign,
  editToken,
  type OldSlugReader,
  type PhotoChange,
  type SettingChange,
  type SettingsValues,
  type SuccessorChoice,
  type TextFields,
  type TextsChange,
  type TextsSaveOutcome,
  type UpdateChange,
  type UpdateValues,
} from '../domain/campaign/edit-campaign.js';
import { savedSourceState } from '../domain/campaign/source-revision.js';
import { recordAudit } from './audit.repository.js';
import { loadEditableCampaign as load } from './campaign-editor.reader.js';
import { campaignsWithSourceText, saveCampaignText } from './campaign-source-text.js';
import type { Db } from './database.js';
import { KyselyStore } from './kysely-store.js';
import type { DbHandle } from './schema.js';

/** Rolls a transaction back with the outcome to report. */
class Refused extends Error {
  constructor(readonly outcome: Exclude<TextsSaveOutcome, 'saved'>) {
    super(outcome);
  }
}

/** The keys whose values differ, from each side: audit entries record what changed, not whole texts. */
function changed<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

const textKeys: (keyof TextFields)[] = [
  'headline',
  'backgroundMd',
  'defaultMessage',
  'targetSubject',
  'targetSalutation',
];
const pickTexts = (t: TextFields): TextFields =>
  Object.fromEntries(textKeys.map((k) => [k, t[k]])) as unknown as TextFields;

export class CampaignEditorRepository extends KyselyStore implements CampaignEditorStore, OldSlugReader {
  constructor(
    db: Db,
    private readonly onChange: (slugs: string[]) => void = () => {},
  ) {
    super(db);
  }

  find(slug: string): Promise<EditableCampaign | undefined> {
    return load(this.db, { slug });
  }

  findById(id: number): Promise<EditableCampaign | undefined> {
    return load(this.db, { id });
  }

  async slugOwner(slug: string): Promise<number | undefined> {
    const current = await this.db
      .selectFrom('campaigns')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (current) return Number(current.id);
    const old = await this.db
      .selectFrom('campaign_slugs')
      .select('campaign_id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    return old ? Number(old.campaign_id) : undefined;
  }

  async currentSlug(oldSlug: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('campaign_slugs as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select('c.slug')
      .where('s.slug', '=', oldSlug)
      .executeTakeFirst();
    return row?.slug;
  }

  async saveTexts(change: TextsChange): Promise<TextsSaveOutcome> {
    const { before, after } = change;
    const outcome = await this.db
      .transaction()
      .execute(async (trx) => {
        // Lock the campaign row first: a second save of this campaign waits here, then reads what the first
        // committed and finds its token stale.
        const locked = await trx
          .updateTable('campaigns')
          .set({ updated_at: change.now })
          .where('id', '=', change.campaignId)
          .executeTakeFirst();
        if (Number(locked.numUpdatedRows) !== 1) throw new Refused('stale');
        const current = await load(trx, { id: change.campaignId });
        if (!current || editToken(current) !== change.expectedToken) throw new Refused('stale');

        if (after.slug !== current.slug) {
          const taken = await trx
            .selectFrom('campaigns')
            .select('id')
            .where('slug', '=', after.slug)
            .executeTakeFirst();
          const old = await trx
            .selectFrom('campaign_slugs')
            .select('campaign_id')
            .where('slug', '=', after.slug)
            .executeTakeFirst();
          if (taken || (old && Number(old.campaign_id) !== change.campaignId))
            throw new Refused('slug_taken');
          // Back to a slug this campaign had before: it is current again, no longer an old one.
          if (old) await trx.deleteFrom('campaign_slugs').where('slug', '=', after.slug).execute();
          await trx
            .insertInto('campaign_slugs')
            .values({ slug: current.slug, campaign_id: change.campaignId, created_at: change.now })
            .execute();
        }
        if (
          after.sourceLocale !== current.sourceLocale &&
          current.translations.some((t) => t.locale === after.sourceLocale)
        ) {
          throw new Refused('locale_taken');
        }
        await trx
          .updateTable('campaigns')
          .set({
            slug: after.slug,
            goal: after.goal,
            more_info_url: after.moreInfoUrl,
            source_locale: after.sourceLocale,
          })
          .where('id', '=', change.campaignId)
          .execute();

        const { status, revision } = savedSourceState(current.source, after.texts, change.publish);
        const texts = {
          headline: after.texts.headline,
          background_md: after.texts.backgroundMd,
          default_message: after.texts.defaultMessage,
          target_subject: after.texts.targetSubject,
          target_salutation: after.texts.targetSalutation,
          status,
          revision,
          updated_at: change.now,
        };
        // The source row moves with the source language: the text is the same, its language was mislabelled.
        const from = current.source ? current.sourceLocale : null;
        const at = { campaignId: change.campaignId, from, locale: after.sourceLocale, now: change.now };
        await saveCampaignText(trx, at, texts);

        const fields = changed(
          {
            slug: current.slug,
            goal: current.goal,
            moreInfoUrl: current.moreInfoUrl,
            sourceLocale: current.sourceLocale,
          },
          {
            slug: after.slug,
            goal: after.goal,
            moreInfoUrl: after.moreInfoUrl,
            sourceLocale: after.sourceLocale,
          },
        );
        const text = current.source
          ? changed(
              {
                ...pickTexts(current.source),
                status: current.source.status,
                revision: current.source.revision,
              },
              { ...after.texts, status, revision },
            )
          : { before: {}, after: { ...after.texts, status, revision } };
        await recordAudit(trx, {
          actor: change.actor,
          action: 'campaign.texts_edited',
          entityType: 'campaign',
          entityId: change.campaignId,
          before: { ...fields.before, ...text.before },
          after: { ...fields.after, ...text.after },
          now: change.now,
        });
        return 'saved' as const;
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) return error.outcome;
        throw error;
      });
    if (outcome === 'saved') this.onChange([...new Set([before.slug, after.slug])]);
    return outcome;
  }

  async saveSettings(change: SettingChange<SettingsValues>): Promise<boolean> {
    const a = change.after;
    return this.writeThenNotify(async (trx) => {
      const row = await trx
        .updateTable('campaigns')
        .set({
          delivery_mode: a.deliveryMode,
          confirmation_mode: a.confirmationMode,
          target_hourly_cap: a.targetHourlyCap,
          office_hours: a.officeHours === null ? null : JSON.stringify(a.officeHours),
          digest_interval_minutes: a.digestIntervalMinutes,
          petition_names: a.petitionNames,
          starts_at: a.startsAt,
          updated_at: change.now,
        })
        .where('id', '=', change.campaignId)
        .returning('slug')
        .executeTakeFirst();
      if (!row) return undefined;
      const diff = changed(change.before, change.after);
      await recordAudit(trx, {
        actor: change.actor,
        action: 'campaign.settings_changed',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: diff.before,
        after: diff.after,
        now: change.now,
      });
      return row.slug;
    });
  }

  async savePhoto(change: PhotoChange): Promise<boolean> {
    const slug = await this.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .updateTable('campaigns')
          .set({ photo_path: change.after.photoPath, updated_at: change.now })
          .where('id', '=', change.campaignId)
          .returning(['slug', 'source_locale'])
          .executeTakeFirst();
        if (!row) return undefined;
        const altChanged = change.before.photoAlt !== change.after.photoAlt;
        const text = await trx
          .updateTable('campaign_translations')
          .set((eb) => ({
            photo_alt: change.after.photoAlt,
            // The alt text is translated like the rest: a new one is a source change.
            revision: altChanged ? eb('revision', '+', 1) : eb.ref('revision'),
            updated_at: change.now,
          }))
          .where('campaign_id', '=', change.campaignId)
          .where('locale', '=', row.source_locale)
          .executeTakeFirst();
        if (Number(text.numUpdatedRows) !== 1 && change.action === 'campaign.photo_changed') {
          throw new Refused('stale');
        }
        await recordAudit(trx, {
          actor: change.actor,
          action: change.action,
          entityType: 'campaign',
          entityId: change.campaignId,
          before: change.before,
          after: change.after,
          now: change.now,
        });
        return row.slug;
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) return undefined;
        throw error;
      });
    if (slug === undefined) return false;
    this.onChange([slug]);
    return true;
  }

  /** Runs a write that answers with the campaign's slug (undefined: nothing written), then refreshes its pages. */
  private async writeThenNotify(work: (trx: DbHandle) => Promise<string | undefined>): Promise<boolean> {
    const slug = await this.db.transaction().execute(work);
    if (slug === undefined) return false;
    this.onChange([slug]);
    return true;
  }

  private async slugOf(db: DbHandle, campaignId: number): Promise<string | undefined> {
    const row = await db
      .selectFrom('campaigns')
      .select('slug')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    return row?.slug;
  }

  async addUpdate(change: {
    campaignId: number;
    values: UpdateValues;
    actor: ActorRef | null;
    now: number;
  }): Promise<number> {
    const { id, slug } = await this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('campaign_updates')
        .values({
          campaign_id: change.campaignId,
          day: change.values.day,
          locale: change.values.locale,
          body_md: change.values.bodyMd,
          created_by: change.actor?.id ?? null,
          created_at: change.now,
          updated_at: change.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: change.actor,
        action: 'campaign.update_posted',
        entityType: 'campaign',
        entityId: change.campaignId,
        after: { update: Number(id), ...change.values },
        now: change.now,
      });
      return { id: Number(id), slug: await this.slugOf(trx, change.campaignId) };
    });
    if (slug) this.onChange([slug]);
    return id;
  }

  private async existingUpdate(
    db: DbHandle,
    campaignId: number,
    id: number,
  ): Promise<UpdateValues | undefined> {
    const row = await db
      .selectFrom('campaign_updates')
      .select(['day', 'locale', 'body_md'])
      .where('id', '=', id)
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst();
    return row ? { day: row.day, locale: row.locale, bodyMd: row.body_md } : undefined;
  }

  async changeUpdate(change: UpdateChange & { values: UpdateValues }): Promise<boolean> {
    return this.writeThenNotify(async (trx) => {
      const before = await this.existingUpdate(trx, change.campaignId, change.id);
      if (!before) return undefined;
      await trx
        .updateTable('campaign_updates')
        .set({
          day: change.values.day,
          locale: change.values.locale,
          body_md: change.values.bodyMd,
          updated_at: change.now,
        })
        .where('id', '=', change.id)
        .execute();
      const diff = changed(before, change.values);
      await recordAudit(trx, {
        actor: change.actor,
        action: 'campaign.update_edited',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: { update: change.id, ...diff.before },
        after: { update: change.id, ...diff.after },
        now: change.now,
      });
      return this.slugOf(trx, change.campaignId);
    });
  }

  async deleteUpdate(change: UpdateChange): Promise<boolean> {
    return this.writeThenNotify(async (trx) => {
      const before = await this.existingUpdate(trx, change.campaignId, change.id);
      if (!before) return undefined;
      await trx.deleteFrom('campaign_updates').where('id', '=', change.id).execute();
      await recordAudit(trx, {
        actor: change.actor,
        action: 'campaign.update_deleted',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: { update: change.id, ...before },
        now: change.now,
      });
      return this.slugOf(trx, change.campaignId);
    });
  }

  async setSuccessor(change: SettingChange<number | null>): Promise<boolean> {
    return this.writeThenNotify(async (trx) => {
      const row = await trx
        .updateTable('campaigns')
        .set({ superseded_by: change.after, updated_at: change.now })
        .where('id', '=', change.campaignId)
        .returning('slug')
        .executeTakeFirst();
      if (!row) return undefined;
      const slugOf = async (id: number | null) =>
        id === null ? null : ((await this.slugOf(trx, id)) ?? null);
      await recordAudit(trx, {
        actor: change.actor,
        action: change.after === null ? 'campaign.successor_cleared' : 'campaign.successor_set',
        entityType: 'campaign',
        entityId: change.campaignId,
        before: { supersededBy: await slugOf(change.before) },
        after: { supersededBy: await slugOf(change.after) },
        now: change.now,
      });
      return row.slug;
    });
  }

  async successorChoices(campaignId: number): Promise<SuccessorChoice[]> {
    const rows = await campaignsWithSourceText(this.db)
      .select(['c.id', 'c.slug', 'c.status', 'c.superseded_by', 't.headline'])
      .where('c.id', '!=', campaignId)
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      slug: r.slug,
      status: r.status as CampaignStatus,
      headline: r.headline,
      supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
    }));
  }
}
