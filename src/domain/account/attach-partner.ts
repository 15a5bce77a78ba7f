// An admin attaches a partner account to a campaign: from then on the partner's dashboard shows that
// campaign's figures too. Only partner accounts can be attached, and only to a campaign that exists.
import type { Actor } from './account.js';
import { type AccountScopeDeps, changeScope, type ScopeChangeRefused, scopeAudit } from './account-scopes.js';

export type AttachResult =
  | { status: 'attached' | 'unchanged' }
  | { status: 'unknown_campaign' }
  | ScopeChangeRefused;

export async function attachPartner(
  deps: AccountScopeDeps,
  actor: Actor,
  input: { userId: number; campaignId: number | undefined },
): Promise<AttachResult> {
  return changeScope(deps, input.userId, 'partner', async (unit, account, now): Promise<AttachResult> => {
    const campaign = input.campaignId === undefined ? undefined : await unit.campaign(input.campaignId);
    if (!campaign) return { status: 'unknown_campaign' };
    if (!(await unit.attach(account.id, campaign.id, actor.id, now))) return { status: 'unchanged' };
    await unit.audit.record(
      scopeAudit(
        actor,
        'user.campaign_attached',
        account.id,
        { after: { campaignId: campaign.id, campaign: campaign.slug } },
        now,
      ),
    );
    return { status: 'attached' };
  });
}
