// What the targets, import, test-message and partners routes share: their permissions, the URL
// parameter patterns, the campaign (and the row) named in the URL (or the 404 page), the actor for the audit log, and the
// route that moves a row of the campaign's ordered list one place.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { slugPattern } from '../../domain/campaign/campaign.js';
import type { RosterCampaign } from '../../domain/campaign/campaign-roster.ports.js';
import { sendError } from '../errors.js';
import { readForm } from '../read-form.js';
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

/** The campaign and the row (URL parameter `param`) named in the URL, or undefined with the 404 page sent. */
export async function rowOf(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  store: { campaign(slug: string): Promise<RosterCampaign | undefined> },
  param: string,
): Promise<{ campaign: RosterCampaign; id: number } | undefined> {
  const campaign = await campaignOf(req, reply, site, store);
  if (!campaign) return undefined;
  const id = idParam(req, param);
  if (id === undefined) sendError(req, reply, site, 404);
  return id === undefined ? undefined : { campaign, id };
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

const moveForm = z.object({ direction: z.enum(['up', 'down']) });

/**
 * POST `/editor/campaigns/:slug/<rows>/:<param>/move`: one row of the campaign's ordered list (a target, a
 * partner) one place up or down, then back to the list at that row (`#<anchor>-<id>`). An unknown campaign or
 * row answers 404, a direction no form of ours sends 400.
 */
export function moveRowRoute(
  app: FastifyInstance,
  deps: { site: SiteInfo; store: { campaign(slug: string): Promise<RosterCampaign | undefined> } },
  rows: { path: string; param: string; anchor: string },
  move: (
    req: FastifyRequest,
    input: { slug: string; id: number; direction: 'up' | 'down' },
  ) => Promise<{ status: string }>,
): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/${rows.path}`;
  app.post(`${base(':slug')}/:${rows.param}/move`, edit, async (req, reply) => {
    const row = await rowOf(req, reply, deps.site, deps.store, rows.param);
    if (!row) return;
    const { campaign, id } = row;
    const form = readForm(req, reply, deps, moveForm);
    if (!form) return reply;
    const result = await move(req, { slug: campaign.slug, id, direction: form.direction });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`${base(campaign.slug)}?done=moved#${rows.anchor}-${id}`, 303);
  });
}
