// Storage of the translation memory and the glossaries (decision 0026): other campaigns' published versions
// in one language beside their source texts (the index from 0016 finds them), and each language's terms.

import type { GlossaryTermSave, TranslationMemoryStore } from '../domain/translation/translation.ports.js';
import type { GlossaryTerm, MemoryExample } from '../domain/translation/translation-memory.js';
import { translatableColumns } from './campaign-source-text.js';
import type { Db } from './database.js';
import { num } from './kysely-store.js';

export class TranslationMemoryRepository implements TranslationMemoryStore {
  constructor(private readonly db: Db) {}

  async examples(locale: string, exceptCampaignId: number, limit: number): Promise<MemoryExample[]> {
    const rows = await this.db.kysely
      .selectFrom('campaign_translations as t')
      .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
      .innerJoin('campaign_translations as s', (j) =>
        j.onRef('s.campaign_id', '=', 'c.id').onRef('s.locale', '=', 'c.source_locale'),
      )
      .select([
        'c.id',
        'c.slug',
        'c.source_locale',
        ...translatableColumns,
        's.headline as s_headline',
        's.background_md as s_background_md',
        's.default_message as s_default_message',
        's.target_subject as s_target_subject',
        's.target_salutation as s_target_salutation',
      ])
      .where('t.locale', '=', locale)
      .where('t.status', '=', 'published')
      .where('c.id', '!=', exceptCampaignId)
      .where('c.source_locale', '!=', locale)
      .orderBy('t.updated_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      campaignId: num(r.id),
      slug: r.slug,
      headline: r.headline,
      sourceLocale: r.source_locale,
      source: {
        headline: r.s_headline,
        backgroundMd: r.s_background_md,
        defaultMessage: r.s_default_message,
        targetSubject: r.s_target_subject,
        targetSalutation: r.s_target_salutation,
      },
      translation: {
        headline: r.headline,
        backgroundMd: r.background_md,
        defaultMessage: r.default_message,
        targetSubject: r.target_subject,
        targetSalutation: r.target_salutation,
      },
    }));
  }

  async glossary(locale: string): Promise<GlossaryTerm[]> {
    const rows = await this.db.kysely
      .selectFrom('glossary_terms as g')
      .leftJoin('users as u', 'u.id', 'g.updated_by')
      .select(['g.id', 'g.locale', 'g.term', 'g.rendering', 'g.note', 'g.updated_at', 'u.email'])
      .where('g.locale', '=', locale)
      .execute();
    return rows
      .map((r) => ({
        id: num(r.id),
        locale: r.locale,
        term: r.term,
        rendering: r.rendering,
        note: r.note,
        updatedBy: r.email,
        updatedAt: num(r.updated_at),
      }))
      .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  }

  async saveTerm(t: GlossaryTermSave): Promise<void> {
    await this.db.kysely
      .insertInto('glossary_terms')
      .values({
        locale: t.locale,
        term: t.term,
        rendering: t.rendering,
        note: t.note,
        updated_by: t.actorId,
        updated_at: t.now,
      })
      .onConflict((oc) =>
        oc.columns(['locale', 'term']).doUpdateSet({
          rendering: t.rendering,
          note: t.note,
          updated_by: t.actorId,
          updated_at: t.now,
        }),
      )
      .execute();
  }

  async removeTerm(locale: string, id: number): Promise<boolean> {
    const r = await this.db.kysely
      .deleteFrom('glossary_terms')
      .where('id', '=', id)
      .where('locale', '=', locale)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
