// Partners' age public keys (decision 0033): editors (campaigns:edit) see which partner organisations of a
// campaign have one and set, replace or remove it; a key that is not an age X25519 public key is refused
// with the text kept. Every change is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type PartnerAgeKeyStore, setPartnerAgeKey } from '../../../domain/partner-report/partner-age-key.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { parseAgeRecipient } from '../../../security/age-export.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { doneNotice, sendEditorPage } from '../pages.js';
import { actorOf, campaignOf, edit, idParam } from '../roster-routes.js';
import { AgeKeysPage } from './age-keys-page.js';

export interface AgeKeyDeps {
  site: SiteInfo;
  clock: Clock;
  keys: PartnerAgeKeyStore;
}

const keyForm = z.object({ key: z.string().max(200).optional().default('') });

export function ageKeyRoutes(app: FastifyInstance, deps: AgeKeyDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/age-keys`;
  const load = (req: FastifyRequest, reply: FastifyReply) => campaignOf(req, reply, deps.site, deps.keys);

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: NonNullable<Awaited<ReturnType<typeof load>>>,
    invalid?: { partnerId: number; text: string },
  ) {
    const notice = doneNotice(req, { saved: 'ageKeys.saved', removed: 'ageKeys.removed' });
    return sendEditorPage(req, reply.code(invalid ? 422 : 200), deps.site, AgeKeysPage, {
      campaign,
      keys: await deps.keys.ageKeys(campaign.id),
      notice: notice && !invalid ? req.tr.t(notice) : undefined,
      invalid,
    });
  }

  app.get('/editor/campaigns/:slug/age-keys', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (campaign) return show(req, reply, campaign);
  });

  app.post('/editor/campaigns/:slug/age-keys/:partnerId', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return;
    const form = readForm(req, reply, deps, keyForm);
    if (!form) return reply;
    const partnerId = idParam(req, 'partnerId');
    const result =
      partnerId === undefined
        ? 'not_found'
        : await setPartnerAgeKey(
            { keys: deps.keys, clock: deps.clock, parseRecipient: parseAgeRecipient },
            actorOf(req),
            { slug: campaign.slug, partnerId, text: form.key },
          );
    if (result === 'not_found' || partnerId === undefined) return sendError(req, reply, deps.site, 404);
    if (result === 'invalid') return show(req, reply, campaign, { partnerId, text: form.key });
    return reply.redirect(`${base(campaign.slug)}?done=${result}`, 303);
  });
}
