// The editor area, registered in one place: the gate first (so it wraps every /editor route, including
// those later features add here), then the routes. Returns the table of editor routes with their
// permissions, which the route-walking test uses.
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account.route.js';
import { auditRoutes } from './audit.route.js';
import { type CampaignEditorDeps, campaignEditorRoutes } from './campaigns.route.js';
import type { EditorDeps } from './deps.js';
import { type EditorRoute, installEditorGuard } from './guard.js';
import { homeRoutes } from './home.route.js';
import { invitationRoutes } from './invitation.route.js';
import { loginRoutes } from './login.route.js';
import { usersRoutes } from './users.route.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /editor route with the permission it declared (filled as routes are registered). */
    editorRoutes: EditorRoute[];
  }
}

export function editorRoutes(
  app: FastifyInstance,
  deps: EditorDeps,
  features: { campaigns: CampaignEditorDeps },
): void {
  const table = installEditorGuard(app, deps);
  app.decorate('editorRoutes', table);
  homeRoutes(app, deps);
  loginRoutes(app, deps);
  invitationRoutes(app, deps);
  accountRoutes(app, deps);
  usersRoutes(app, deps);
  auditRoutes(app, deps);
  campaignEditorRoutes(app, features.campaigns);
}
