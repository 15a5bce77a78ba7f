// GET /editor: the start page (anonymous visitors are sent to the login page by the gate).
import type { FastifyInstance } from 'fastify';
import { sendPage } from '../render.js';
import { HomePage } from '../views/editor/home-page.js';
import type { EditorDeps } from './deps.js';

export function homeRoutes(app: FastifyInstance, deps: EditorDeps): void {
  app.get('/editor', { config: { permission: 'editor:enter' } }, async (req, reply) =>
    sendPage(reply, <HomePage tr={req.tr} site={deps.site} user={req.account!.user} csrf={req.csrfToken} />),
  );
}
