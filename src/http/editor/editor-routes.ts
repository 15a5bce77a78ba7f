// The editor area, registered in one place: the gate first (so it wraps every /editor route, including
// those later features add here), then the routes. Returns the table of editor routes with their
// permissions, which the route-walking test uses.
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account/account.route.js';
import { auditRoutes } from './audit/audit.route.js';
import { invitationRoutes } from './auth/invitation.route.js';
import { loginRoutes } from './auth/login.route.js';
import { type CampaignEditorDeps, campaignEditorRoutes } from './campaigns/campaigns.route.js';
import { heldRoutes } from './dashboard/held.route.js';
import { type DashboardFeature, homeRoutes } from './dashboard/home.route.js';
import type { EditorDeps } from './deps.js';
import { type EditorRoute, installEditorGuard } from './guard.js';
import { type NewCampaignDeps, newCampaignRoutes } from './new-campaign/new-campaign.route.js';
import { type RequestsEditorDeps, requestsEditorRoutes } from './requests/requests.route.js';
import { type TermsEditorDeps, termsEditorRoutes } from './terms/terms.route.js';
import { usersRoutes } from './users/users.route.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /editor route with the permission it declared (filled as routes are registered). */
    editorRoutes: EditorRoute[];
  }
}

export function editorRoutes(
  app: FastifyInstance,
  deps: EditorDeps,
  features: {
    campaigns: CampaignEditorDeps;
    dashboard: DashboardFeature;
    newCampaign: NewCampaignDeps;
    requests: RequestsEditorDeps;
    terms: TermsEditorDeps;
  },
): void {
  const table = installEditorGuard(app, deps);
  app.decorate('editorRoutes', table);
  homeRoutes(app, features.dashboard);
  loginRoutes(app, deps);
  invitationRoutes(app, deps);
  accountRoutes(app, deps);
  usersRoutes(app, deps);
  auditRoutes(app, deps);
  newCampaignRoutes(app, features.newCampaign);
  campaignEditorRoutes(app, features.campaigns);
  requestsEditorRoutes(app, features.requests);
  termsEditorRoutes(app, features.terms);
  heldRoutes(app, features.dashboard);
}
