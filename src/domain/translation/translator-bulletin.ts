// The translators' daily bulletin (decision 0037): which live campaigns wait for a translator's languages
// (missing, or stale because the source changed), and whether a bulletin is due. A bulletin goes out only when
// something is waiting that the last one did not list (the watermark: the items it listed), and at most
// once in any 24 hours, however many campaigns launch or change meanwhile: never a flood.
import type { BoardCampaign } from './translation.ports.js';
import { isStale } from './translation-steps.js';

export const bulletinIntervalMs = 24 * 60 * 60 * 1000;

export interface BulletinTranslator {
  id: number;
  name: string;
  email: string;
  /** The interface language the mail is written in. */
  locale: string;
  languages: string[];
  lastSentAt: number | null;
  /** The item keys the last bulletin listed. */
  lastItems: string[];
}

/** One campaign waiting for one language. */
export interface BulletinItem {
  key: string;
  slug: string;
  headline: string;
  sourceLocale: string;
  locale: string;
  /** A translation exists but its source changed since (else the language is missing). */
  stale: boolean;
}

export interface DueBulletin {
  translator: BulletinTranslator;
  items: BulletinItem[];
}

/** Live campaigns waiting for any of the translator's languages, in board order. */
export function waitingItems(translator: BulletinTranslator, campaigns: BoardCampaign[]): BulletinItem[] {
  const items: BulletinItem[] = [];
  for (const c of campaigns) {
    if (c.status !== 'live' || c.headline === null) continue;
    for (const locale of translator.languages) {
      if (locale === c.sourceLocale) continue;
      const t = c.translations.find((x) => x.locale === locale);
      const stale = t !== undefined && isStale(t, c.sourceRevision);
      if (t && !stale) continue;
      items.push({
        key: `${c.id}:${locale}:${c.sourceRevision}`,
        slug: c.slug,
        headline: c.headline,
        sourceLocale: c.sourceLocale,
        locale,
        stale,
      });
    }
  }
  return items;
}

/** The bulletins to send now: something new is waiting and the last bulletin is a day old (or none yet). */
export function dueBulletins(
  translators: BulletinTranslator[],
  campaigns: BoardCampaign[],
  now: number,
): DueBulletin[] {
  const due: DueBulletin[] = [];
  for (const translator of translators) {
    if (translator.lastSentAt !== null && now - translator.lastSentAt < bulletinIntervalMs) continue;
    const items = waitingItems(translator, campaigns);
    const listed = new Set(translator.lastItems);
    if (items.some((i) => !listed.has(i.key))) due.push({ translator, items });
  }
  return due;
}
