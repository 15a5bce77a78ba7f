// The translators' daily bulletin (decision 0037): which live campaigns wait for a translator's languages
// (missing, or stale because the source changed), and whether a bulletin is due. A bulletin goes out only when
// something is waiting that the last one did not list (the watermark: the items it listed), and at most
// once in any 24 hours, however many campaigns launch or change meanwhile: never a flood. A claimed language
// is still listed, naming its holder, so nobody starts it twice (0042); a coordinator's bulletin also lists the
// campaign translations waiting for their review in the languages they coordinate (0039), and so does an
// editor's or admin's, who review every language and have nothing else in theirs.
import type { Role } from '../account/permissions.js';
import type { Standings } from './language-standing.js';
import type { BoardCampaign } from './translation.ports.js';
import { activeClaim } from './translation-claim.js';
import { isStale, mayReviewIn, translationViewer } from './translation-steps.js';

export const bulletinIntervalMs = 24 * 60 * 60 * 1000;

export interface BulletinTranslator {
  id: number;
  /** A translator; or an editor or admin, who has no languages to translate and reviews every language. */
  role: Role;
  name: string;
  email: string;
  /** The interface language the mail is written in. */
  locale: string;
  languages: string[];
  /** Their standing in each language (decision 0039); a language left out is plain translator. */
  standings: Standings;
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
  /** The claim that holds the language now (lapsed claims are not shown), or null. */
  claim: { name: string; at: number } | null;
}

/** One campaign translation sent for review in a language the translator coordinates. */
export interface ReviewItem {
  /** `review:campaign:language:time of the submit`: a translation sent again after a send-back is new. */
  key: string;
  slug: string;
  headline: string;
  locale: string;
}

export interface DueBulletin {
  translator: BulletinTranslator;
  items: BulletinItem[];
  reviews: ReviewItem[];
}

/** Live campaigns waiting for any of the translator's languages, in board order, with their claims. */
export function waitingItems(
  translator: BulletinTranslator,
  campaigns: BoardCampaign[],
  now: number,
): BulletinItem[] {
  const items: BulletinItem[] = [];
  for (const c of campaigns) {
    if (c.status !== 'live' || c.headline === null) continue;
    for (const locale of translator.languages) {
      if (locale === c.sourceLocale) continue;
      const t = c.translations.find((x) => x.locale === locale);
      const stale = t !== undefined && isStale(t, c.sourceRevision);
      if (t && !stale) continue;
      const held = activeClaim(
        c.claims?.find((k) => k.locale === locale),
        now,
      );
      items.push({
        // A claim does not change the key: a language being claimed is not new work to announce.
        key: `${c.id}:${locale}:${c.sourceRevision}`,
        slug: c.slug,
        headline: c.headline,
        sourceLocale: c.sourceLocale,
        locale,
        stale,
        claim: held ? { name: held.name, at: held.claimedAt } : null,
      });
    }
  }
  return items;
}

/**
 * Campaign translations in review in a language the translator coordinates (every language for editors and
 * admins), oldest first: the same rule as the board's "Waiting for your review" (mayReviewIn), for campaigns
 * being prepared or live.
 */
export function reviewItems(translator: BulletinTranslator, campaigns: BoardCampaign[]): ReviewItem[] {
  const viewer = translationViewer(
    { id: translator.id, email: translator.email, role: translator.role },
    translator.languages.map((locale) => ({
      locale,
      standing: translator.standings[locale] ?? 'translator',
    })),
  );
  return campaigns
    .flatMap((c) => {
      const { headline } = c;
      if (headline === null) return [];
      return c.translations
        .filter((t) => t.status === 'in_review' && mayReviewIn(viewer, t.locale))
        .map((t) => ({
          at: t.updatedAt,
          item: {
            key: `review:${c.id}:${t.locale}:${t.updatedAt}`,
            slug: c.slug,
            headline,
            locale: t.locale,
          },
        }));
    })
    .sort((a, b) => a.at - b.at)
    .map((x) => x.item);
}

/**
 * The bulletins to send now: something new is waiting (to translate, or for a coordinator to review) and the
 * last bulletin is a day old (or none yet). Nothing new, no mail: a coordinator with only reviews waiting
 * does get one.
 */
export function dueBulletins(
  translators: BulletinTranslator[],
  campaigns: BoardCampaign[],
  now: number,
): DueBulletin[] {
  const due: DueBulletin[] = [];
  for (const translator of translators) {
    if (translator.lastSentAt !== null && now - translator.lastSentAt < bulletinIntervalMs) continue;
    const items = waitingItems(translator, campaigns, now);
    const reviews = reviewItems(translator, campaigns);
    const listed = new Set(translator.lastItems);
    if ([...items, ...reviews].some((i) => !listed.has(i.key))) due.push({ translator, items, reviews });
  }
  return due;
}
