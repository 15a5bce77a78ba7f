// GET /editor/statistics and /editor/campaigns/:slug/statistics (the page), and the same paths with .csv
// (its numbers). The gate lets in whoever may read reports, as for the dashboard's figures; a partner sees
// the campaigns it is attached to (another campaign's page is refused) and, site-wide, their sum.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import { limitedToCampaigns } from '../../../domain/account/account-scopes.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { StatisticsReader } from '../../../domain/statistics/statistics.ports.js';
import { viewStatistics } from '../../../domain/statistics/view-statistics.js';
import { download } from '../../download.js';
import { sendError } from '../../errors.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { statisticsCsv } from './statistics-csv.js';
import { StatisticsPage } from './statistics-page.js';

export interface StatisticsFeature {
  site: SiteInfo;
  clock: Clock;
  reader: StatisticsReader;
  scopes: AccountScopeReader;
}

const reports = { config: { permission: 'reports:read' as const } };

export function statisticsRoutes(app: FastifyInstance, deps: StatisticsFeature): void {
  async function answer(req: FastifyRequest, reply: FastifyReply, slug: string | null, csv: boolean) {
    if (slug !== null && !slugPattern.test(slug)) return sendError(req, reply, deps.site, 404);
    const user = req.account!.user;
    const result = await viewStatistics(deps, { role: user.role, id: user.id }, slug);
    if (result.status === 'not-found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'forbidden') return sendError(req, reply, deps.site, 403);
    const s = result.statistics;
    if (csv) {
      const day = new Date(s.now).toISOString().slice(0, 10);
      return download(
        reply,
        `${slug ?? 'all-campaigns'}-statistics-${day}.csv`,
        'text/csv; charset=utf-8',
      ).send(statisticsCsv(req.tr, s));
    }
    return sendEditorPage(req, reply, deps.site, StatisticsPage, {
      statistics: s,
      scoped: slug === null && limitedToCampaigns(user.role),
    });
  }

  app.get('/editor/statistics', reports, (req, reply) => answer(req, reply, null, false));
  app.get('/editor/statistics.csv', reports, (req, reply) => answer(req, reply, null, true));
  app.get('/editor/campaigns/:slug/statistics', reports, (req, reply) =>
    answer(req, reply, (req.params as { slug: string }).slug, false),
  );
  app.get('/editor/campaigns/:slug/statistics.csv', reports, (req, reply) =>
    answer(req, reply, (req.params as { slug: string }).slug, true),
  );
}
