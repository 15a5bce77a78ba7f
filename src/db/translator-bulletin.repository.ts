// Storage of the translators' bulletin (migration 0028): the translators who get it with their languages,
// their standing in each (0030) and watermark, and the editors and admins, who get what waits for review;
// the checked write that records a bulletin together with its mail in the outbox; the account setting that
// turns it off.

import type { Kysely } from 'kysely';
import { isRole } from '../domain/account/permissions.js';
import { isLanguageStanding } from '../domain/translation/language-standing.js';
import type { BulletinTranslator } from '../domain/translation/translator-bulletin.js';
import type {
  BulletinSent,
  TranslatorBulletinStore,
} from '../domain/translation/translator-bulletin.ports.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore, num } from './kysely-store.js';
import type { Database } from './schema.js';

function itemsOf(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The accounts a bulletin can go to, beside their watermark: active (not disabled, the invitation accepted)
 * and not having turned the bulletin off.
 */
function bulletinReaders(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .leftJoin('translator_bulletins as d', 'd.user_id', 'u.id')
    .where('u.disabled_at', 'is', null)
    .where('u.password_hash', 'is not', null)
    .where('d.unsubscribed_at', 'is', null);
}

/** What the last bulletin a reader got said, and when (none yet: null and nothing). */
function watermark(r: { last_sent_at: number | null; last_items: string | null }) {
  return {
    lastSentAt: r.last_sent_at === null ? null : num(r.last_sent_at),
    lastItems: itemsOf(r.last_items ?? '[]'),
  };
}

export class TranslatorBulletinRepository extends KyselyStore implements TranslatorBulletinStore {
  async translators(): Promise<BulletinTranslator[]> {
    const rows = await bulletinReaders(this.db)
      .innerJoin('translator_languages as l', 'l.user_id', 'u.id')
      .select([
        'u.id',
        'u.name',
        'u.email',
        'u.locale',
        'l.locale as language',
        'l.standing',
        'd.last_sent_at',
        'd.last_items',
      ])
      .where('u.role', '=', 'translator')
      .orderBy('u.id')
      .orderBy('l.locale')
      .execute();
    const byId = new Map<number, BulletinTranslator>();
    for (const r of rows) {
      const id = num(r.id);
      // A value the CHECK constraint would refuse cannot be read; anything else counts as the plain standing.
      const standing = isLanguageStanding(r.standing) ? r.standing : 'translator';
      const known = byId.get(id);
      if (known) {
        known.languages.push(r.language);
        known.standings = { ...known.standings, [r.language]: standing };
      } else {
        byId.set(id, {
          id,
          role: 'translator',
          name: r.name,
          email: r.email,
          locale: r.locale,
          languages: [r.language],
          standings: { [r.language]: standing },
          ...watermark(r),
        });
      }
    }
    // Editors and admins review every language (decision 0039): their bulletin lists only what waits for review.
    const reviewers = await bulletinReaders(this.db)
      .select(['u.id', 'u.role', 'u.name', 'u.email', 'u.locale', 'd.last_sent_at', 'd.last_items'])
      .where('u.role', 'in', ['editor', 'admin'])
      .orderBy('u.id')
      .execute();
    for (const r of reviewers) {
      if (!isRole(r.role)) continue;
      byId.set(num(r.id), {
        id: num(r.id),
        role: r.role,
        name: r.name,
        email: r.email,
        locale: r.locale,
        languages: [],
        standings: {},
        ...watermark(r),
      });
    }
    return [...byId.values()];
  }

  recordSent({ userId, previousSentAt, items, mail, now }: BulletinSent): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const last_items = JSON.stringify(items);
      const row = await trx
        .selectFrom('translator_bulletins')
        .select(['last_sent_at'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!row) {
        if (previousSentAt !== null) return false;
        // A concurrent first bulletin makes this insert fail on the primary key: the transaction rolls back.
        await trx
          .insertInto('translator_bulletins')
          .values({ user_id: userId, last_sent_at: now, last_items })
          .execute();
      } else {
        const updated = await trx
          .updateTable('translator_bulletins')
          .set({ last_sent_at: now, last_items })
          .where('user_id', '=', userId)
          .where('last_sent_at', previousSentAt === null ? 'is' : '=', previousSentAt)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
      }
      await enqueueJobs(trx, [mail], now);
      return true;
    });
  }

  async wanted(userId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('translator_bulletins')
      .select(['unsubscribed_at'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.unsubscribed_at == null;
  }

  async setWanted(userId: number, wanted: boolean, now: number): Promise<void> {
    const unsubscribed_at = wanted ? null : now;
    await this.db
      .insertInto('translator_bulletins')
      .values({ user_id: userId, unsubscribed_at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ unsubscribed_at }))
      .execute();
  }
}
