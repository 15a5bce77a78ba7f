// The live counter: a JSON endpoint, and a Server-Sent Events stream the campaign page's small script
// listens to. Each event carries the number and the sentence already formatted in the page's language.
import type { FastifyInstance } from 'fastify';
import { slugPattern } from '../../domain/campaign/campaign.js';
import { translatorFor } from '../../i18n/translator.js';
import { ipKey } from '../../security/ip-key.js';
import type { PublicDeps } from '../public/deps.js';

const maxStreams = 10_000;
const heartbeatMs = 25_000;

export function counterRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const closers = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of closers) close();
  });

  const find = async (slug: string) => {
    if (!slugPattern.test(slug)) return undefined;
    const campaign = await deps.campaigns.findBySlug(slug);
    return campaign && (campaign.status === 'live' || campaign.status === 'closed') ? campaign : undefined;
  };

  app.get('/api/campaigns/:slug/count', async (req, reply) => {
    const campaign = await find((req.params as { slug: string }).slug);
    if (!campaign) return reply.code(404).send({ error: 'notFound' });
    const totals = await deps.campaigns.supporterTotals([campaign.id]);
    return reply
      .header('cache-control', 'no-cache')
      .send({ slug: campaign.slug, total: totals.get(campaign.id) ?? 0, goal: campaign.goal });
  });

  app.get('/api/campaigns/:slug/events', async (req, reply) => {
    const campaign = await find((req.params as { slug: string }).slug);
    if (!campaign) return reply.code(404).send({ error: 'notFound' });
    if (deps.live.streams >= maxStreams) {
      return reply.code(503).header('retry-after', '30').send({ error: 'unavailable' });
    }
    const locale = (req.query as { locale?: unknown }).locale;
    const tr = translatorFor(typeof locale === 'string' ? locale : 'en');
    const totals = await deps.campaigns.supporterTotals([campaign.id]);
    const release = deps.live.admit(ipKey(deps.secret, req.ip));
    if (!release) return reply.code(429).header('retry-after', '30').send({ error: 'tooManyStreams' });

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // The same sentence as the page's counter: a closed campaign's total is a record, not an invitation.
    const key = campaign.status === 'closed' ? 'campaign.supporters.closed' : 'campaign.supporters';
    // With a goal, its sentence too ("4,812 of 10,000 signatures"), which names the page's bar.
    const goal = campaign.goal && campaign.goal > 0 ? campaign.goal : undefined;
    const send = (total: number) =>
      res.write(
        `data: ${JSON.stringify({
          total,
          text: tr.t(key, { count: total }),
          ...(goal ? { goalText: tr.t('campaign.goal', { count: total, goal }) } : {}),
        })}\n\n`,
      );
    res.write('retry: 5000\n\n');
    send(totals.get(campaign.id) ?? 0);
    const unsubscribe = deps.live.subscribe(campaign.id, send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      release();
      closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    closers.add(close);
    req.raw.on('close', close);
  });
}
