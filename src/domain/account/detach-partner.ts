// An admin takes a campaign away from a partner account: its figures leave the partner's dashboard (and
// JSON) on their next request. Detaching what was not attached changes nothing and records nothing.
import type { Actor } from './account.js';
import { type AccountScopeDeps, changeScope, type ScopeChangeRefused, scopeAudit } from './account-scopes.js';

export type DetachResult = { status: 'detached' | 'unchanged' } | ScopeChangeRefused;

export async function detachPartner(
  deps: AccountScopeDeps,
  actor: Actor,
  input: { userId: number; campaignId: number | undefined },
): Promise<DetachResult> {
  return changeScope(deps, input.userId, 'partner', async (unit, account, now): Promise<DetachResult> => {
    if (input.campaignId === undefined) return { status: 'unchanged' };
    const campaign = await unit.campaign(input.campaignId);
    if (!(await unit.detach(account.id, input.campaignId))) return { status: 'unchanged' };
    await unit.audit.record(
      scopeAudit(
        actor,
        'user.campaign_detached',
        account.id,
        { before: { campaignId: input.campaignId, campaign: campaign?.slug ?? null } },
        now,
      ),
    );
    return { status: 'detached' };
  });
}
