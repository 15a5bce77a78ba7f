// What the targets, import, test-message and partners routes share: their permissions, the URL
// parameter patterns, the campaign named in the URL (or the 404 page), and the actor for the audit log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { slugPattern } from '../../domain/campaign/campaign.js';
import type { RosterCampaign } from '../../domain/campaign/campaign-roster.ports.js';
import { sendError } from '../errors.js';
import { csrfUploads } from '../security/multipart.js';
import type { SiteInfo } from '../views/layout.js';

export const read = { config: { permission: 'campaigns:read' as const } };
export const edit = { config: { permission: 'campaigns:edit' as const } };
/** An edit form that uploads one file (multipart, read after the gate and its CSRF token). */
export const editUpload = { config: { ...edit.config, uploads: csrfUploads(1) } };

export const idPattern = /^[1-9][0-9]{0,14}$/;

/** The campaign named in the URL, or undefined with the 404 page already sent. */
export async function campaignOf(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  store: { campaign(slug: string): Promise<RosterCampaign | undefined> },
): Promise<RosterCampaign | undefined> {
  const { slug } = req.params as { slug: string };
  const campaign = slugPattern.test(slug) ? await store.campaign(slug) : undefined;
  if (!campaign) sendError(req, reply, site, 404);
  return campaign;
}

/** A numeric id from the URL parameter `name`, or undefined. */
export function idParam(req: FastifyRequest, name: string): number | undefined {
  const value = (req.params as Record<string, string | undefined>)[name];
  return value !== undefined && idPattern.test(value) ? Number(value) : undefined;
}

export const actorOf = (req: FastifyRequest) => ({
  id: req.account!.user.id,
  email: req.account!.user.email,
});
