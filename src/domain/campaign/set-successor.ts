// Records that a campaign is superseded by a follow-up one: once closed, its public page points to the
// follow-up prominently ("This campaign continues: …"), shown only while the follow-up is public. Any
// other campaign may be chosen (a follow-up is often prepared as a draft), but never the campaign itself
// or one that already leads back to it: a chain of "continues" links must end.
import { type ActorRef, type CampaignEditDeps, saveSetting } from './edit-campaign.js';

export type SuccessorResult =
  | { status: 'saved'; changed: boolean }
  | { status: 'not_found' }
  | { status: 'invalid'; error: 'SuccessorUnknown' | 'SuccessorSelf' | 'SuccessorCycle' };

export async function setSuccessor(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: { slug: string; successor: string },
): Promise<SuccessorResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };
  let after: number | null = null;
  if (input.successor !== '') {
    if (input.successor === campaign.slug) return { status: 'invalid', error: 'SuccessorSelf' };
    const choices = await deps.campaigns.successorChoices(campaign.id);
    const chosen = choices.find((c) => c.slug === input.successor);
    if (!chosen) return { status: 'invalid', error: 'SuccessorUnknown' };
    const next = new Map(choices.map((c) => [c.id, c.supersededBy]));
    let at: number | null = chosen.id;
    for (let hops = 0; at !== null && hops <= choices.length; hops++) {
      if (at === campaign.id) return { status: 'invalid', error: 'SuccessorCycle' };
      at = next.get(at) ?? null;
    }
    after = chosen.id;
  }
  const before = campaign.successor?.id ?? null;
  const change = { campaignId: campaign.id, before, after, actor, now: deps.clock.now() };
  return saveSetting((c) => deps.campaigns.setSuccessor(c), change, before === after);
}
