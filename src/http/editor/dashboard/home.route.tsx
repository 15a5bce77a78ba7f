// GET /editor: the dashboard (anonymous visitors are sent to the login page by the gate), and
// GET /editor/dashboard.json: the same figures as texts for dashboard.js to refresh the page with. Both
// show only what the signed-in role may see, and partners and translators only their scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountScopeReader } from '../../../domain/account/account-scopes.js';
import type { DashboardReader, RequestsWaiting } from '../../../domain/dashboard/dashboard.ports.js';
import { viewDashboard } from '../../../domain/dashboard/view-dashboard.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { HeldSignatureStore, ReviewDeps, SigningLimits } from '../../../domain/signature/review-held.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { dashboardFigures, HomePage } from './home-page.js';

/** The adapters behind the dashboard and the review of held signatures, wired in main.ts. */
export interface DashboardAdapters {
  reader: DashboardReader;
  held: HeldSignatureStore;
  /** Fresh confirmation links for released signatures. */
  tokens: ReviewDeps['tokens'];
  /** The signing rate limits in force (settings), to explain why signatures were held. */
  signingLimits(): Promise<SigningLimits>;
  /** Union campaign requests waiting; without it the dashboard leaves that number out. */
  requests?: RequestsWaiting | undefined;
}

export interface DashboardFeature extends DashboardAdapters {
  site: SiteInfo;
  clock: Clock;
  /** The campaigns partners are attached to and the languages translators work in. */
  scopes: AccountScopeReader;
}

const enter = { config: { permission: 'editor:enter' as const } };

export function homeRoutes(app: FastifyInstance, deps: DashboardFeature): void {
  const view = (req: FastifyRequest) =>
    viewDashboard(
      { reader: deps.reader, clock: deps.clock, requests: deps.requests, scopes: deps.scopes },
      { role: req.account!.user.role, id: req.account!.user.id },
    );

  app.get('/editor', enter, async (req, reply) => {
    const dashboard = await view(req);
    return sendEditorPage(req, reply, deps.site, HomePage, {
      view: dashboard,
      figures: dashboardFigures(req.tr, dashboard),
    });
  });

  app.get('/editor/dashboard.json', enter, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send(dashboardFigures(req.tr, await view(req))),
  );
}
