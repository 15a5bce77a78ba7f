// Ends a live campaign (live → closed): signing stops, the page stays online with the closed banner and,
// when given, the outcome written in the source language (translators take it from there). Editors close
// early on a win; the end-date job closes the rest with no actor. Either way the close asks for the final
// dossier (close-out.ts) in the same transaction, so a closed campaign always has one on its way.
import type { Actor } from '../account/account.js';
import { normaliseText } from '../signature/text.js';
import { finalDossier } from './close-out.js';
import { applyChange, findFor, type LifecycleDeps, type LifecycleResult, outcomeMax } from './lifecycle.js';

export interface CloseCampaignDeps extends LifecycleDeps {
  /** How long a dossier is kept (the `dossiers.retention` setting), in days. */
  dossierRetentionDays(): Promise<number>;
}

export async function closeCampaign(
  deps: CloseCampaignDeps,
  actor: Pick<Actor, 'id' | 'email'> | null,
  input: { slug: string; outcome?: string },
): Promise<LifecycleResult> {
  const text = normaliseText(input.outcome ?? '', { max: outcomeMax });
  if (!text.ok && text.error === 'TooLong') return { status: 'outcome_too_long', max: outcomeMax };
  const found = await findFor(deps, input.slug, 'close');
  if ('refused' in found) return found.refused;
  const { campaign } = found;
  const outcome = text.ok ? { locale: campaign.sourceLocale, markdown: text.value } : undefined;
  if (outcome && campaign.headline === null) return { status: 'no_source_text' };
  const now = deps.clock.now();
  return applyChange(deps, campaign, {
    action: 'close',
    closedAt: now,
    finalDossier: finalDossier(campaign, now, await deps.dossierRetentionDays()),
    ...(outcome ? { outcome } : {}),
    actor,
    now,
  });
}
