// Gives the demo's translation board something to show (issue 17): the demo campaign's Spanish version
// published six days ago and made stale by an edit of the English background two days ago (the editor shows
// the word diff), the Tagalog brought up to date with that edit, and an unfinished French draft saved
// yesterday (not on the public site). Every step goes through the use cases the editor area uses, by the
// demo's admin, on a clock set back to when it happened, so the rows and audit entries are what the app
// writes. Only on a demo campaign with no French or Spanish yet and its English as seeded: run again, it
// changes nothing, and it never writes over what someone did in the demo.
import type { ActorRef } from '../../domain/account/account.js';
import type { CampaignEditorStore } from '../../domain/campaign/edit-campaign.js';
import { editCampaignTexts, storedTexts } from '../../domain/campaign/edit-campaign-texts.js';
import { publishTranslation } from '../../domain/translation/publish-translation.js';
import { saveTranslation } from '../../domain/translation/save-translation.js';
import type { TranslatableTexts } from '../../domain/translation/translation.js';
import { workToken } from '../../domain/translation/translation.js';
import type { TranslationStore } from '../../domain/translation/translation.ports.js';
import type { TranslationResult } from '../../domain/translation/translation-change.js';
import { demoCampaignSlug } from './seed.js';
import {
  appealSentenceEn,
  appealSentenceTl,
  backgroundAnchorEn,
  backgroundAnchorTl,
  frenchDraft,
  spanish,
} from './translation-texts.js';

export interface TranslationSeedServices {
  translations: TranslationStore;
  campaignEditor: CampaignEditorStore;
}

const day = 86_400_000;

/** Adds `sentence` after `anchor`, or undefined when the text no longer has the anchor. */
function insertAfter(text: string, anchor: string, sentence: string): string | undefined {
  const at = text.indexOf(anchor);
  return at < 0 ? undefined : text.slice(0, at + anchor.length) + sentence + text.slice(at + anchor.length);
}

function expectSaved(step: string, result: TranslationResult | { status: string }): void {
  if (result.status !== 'saved') throw new Error(`Demo translations: ${step} answered ${result.status}`);
}

export async function seedDemoTranslations(
  services: TranslationSeedServices,
  admin: ActorRef,
  now: number,
): Promise<{ seeded: boolean }> {
  const { translations, campaignEditor } = services;
  const slug = demoCampaignSlug;
  const es = await translations.work(slug, 'es');
  const fr = await translations.work(slug, 'fr');
  if (!es || !fr || es.translation || fr.translation || es.source.revision !== 1) return { seeded: false };
  const edited = insertAfter(es.source.backgroundMd, backgroundAnchorEn, appealSentenceEn);
  if (edited === undefined) return { seeded: false };

  const viewer = { ...admin, role: 'admin' as const, languages: null };
  const at = (time: number) => ({ translations, clock: { now: () => time } });
  const texts = (locale: string, t: TranslatableTexts, token: string) => ({
    slug,
    locale,
    token,
    markUpdated: false,
    ...t,
  });

  // Six days ago: a reviewer publishes the Spanish, made from the English as it then was.
  expectSaved(
    'publishing Spanish',
    await publishTranslation(at(now - 6 * day), viewer, texts('es', spanish, workToken(es))),
  );

  // Two days ago: the appeal is rejected (the page's dated update) and the editor adds it to the background.
  const campaign = await campaignEditor.find(slug);
  if (!campaign) return { seeded: false };
  expectSaved(
    'editing the English',
    await editCampaignTexts({ campaigns: campaignEditor, clock: { now: () => now - 2 * day } }, admin, {
      ...storedTexts(campaign),
      background: edited,
    }),
  );

  // The Tagalog, published as seeded, gets the same sentence and is marked current; Spanish stays stale.
  const tl = await translations.work(slug, 'tl');
  const tlBackground =
    tl?.translation && insertAfter(tl.translation.backgroundMd, backgroundAnchorTl, appealSentenceTl);
  if (tl?.translation && tlBackground) {
    expectSaved(
      'updating Tagalog',
      await publishTranslation(at(now - 2 * day + 3_600_000), viewer, {
        ...texts('tl', { ...tl.translation, backgroundMd: tlBackground }, workToken(tl)),
        markUpdated: true,
      }),
    );
  }

  // Yesterday: the French is begun from the edited English and saved as a draft, not yet public.
  const frNow = await translations.work(slug, 'fr');
  if (!frNow) return { seeded: true };
  expectSaved(
    'saving the French draft',
    await saveTranslation(at(now - day), viewer, texts('fr', frenchDraft, workToken(frNow))),
  );
  return { seeded: true };
}
