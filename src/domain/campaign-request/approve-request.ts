// An editor approves a union's request: a draft campaign is created from it through the one campaign
// creation use case, prefilled with the request's texts in its language, the more-information link, the
// photo, the targets, the union as first partner (logo, link, description) and every recorded endorsement
// as a further partner. The request turns approved and its sender is mailed in the same transaction, so
// two editors approving at once make one campaign.
import type { User } from '../account/account.js';
import {
  type CampaignDraftStore,
  type CreateCampaignError,
  type CreateCampaignField,
  createCampaign,
} from '../campaign/create-campaign.js';
import type { CampaignRequestStore } from './campaign-request.ports.js';
import { campaignRequestMail } from './campaign-request-mail.js';
import { isOpen, openStatuses, type RequestStatus } from './request.js';

export type ApproveResult =
  | { status: 'approved'; slug: string }
  | { status: 'not_found' }
  | { status: 'wrong_state'; current: RequestStatus }
  | { status: 'invalid'; errors: Partial<Record<CreateCampaignField, CreateCampaignError>> };

export async function approveRequest(
  deps: { campaignRequests: CampaignRequestStore; drafts: CampaignDraftStore; clock: { now(): number } },
  actor: Pick<User, 'id' | 'email' | 'name'>,
  input: { id: number },
): Promise<ApproveResult> {
  const request = await deps.campaignRequests.find(input.id);
  if (!request) return { status: 'not_found' };
  if (!isOpen(request.status)) return { status: 'wrong_state', current: request.status };
  const result = await createCampaign(
    deps,
    { id: actor.id, email: actor.email },
    {
      headline: request.headline,
      sourceLocale: request.locale,
      backgroundMd: request.backgroundMd,
      defaultMessage: request.defaultMessage,
      targetSubject: request.headline,
      moreInfoUrl: request.moreInfoUrl,
      photoPath: request.photoPath,
      partners: [
        {
          name: request.orgName,
          url: request.orgWebsite,
          logoPath: request.orgLogoPath,
          description: request.orgDescription,
        },
        ...request.endorsements.map((e) => ({ name: e.name, url: e.url, logoPath: null, description: null })),
      ],
      targets: request.targets,
      approving: {
        requestId: request.id,
        from: openStatuses,
        mails: [
          campaignRequestMail({
            kind: 'approved',
            requestId: request.id,
            to: { name: request.contactName, address: request.contactEmail },
            locale: request.contactLocale,
            headline: request.headline,
            orgName: request.orgName,
            replyTo: { name: actor.name || actor.email, address: actor.email },
          }),
        ],
      },
    },
  );
  if (result.status === 'created') return { status: 'approved', slug: result.slug };
  if (result.status === 'invalid') return result;
  const now = await deps.campaignRequests.find(input.id);
  return now ? { status: 'wrong_state', current: now.status } : { status: 'not_found' };
}
