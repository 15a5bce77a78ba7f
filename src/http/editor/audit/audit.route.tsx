// GET /editor/audit: the audit log for admins, paged and filtered by actor and entity (query string, so a
// filtered view is a link that can be shared).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditFilter } from '../../../domain/account/account.ports.js';
import { sendError } from '../../errors.js';
import type { EditorDeps } from '../deps.js';
import { sendEditorPage } from '../pages.js';
import { AuditPage } from './audit-page.js';

const pageSize = 50;

const querySchema = z.object({
  actor: z.union([z.literal(''), z.string().regex(/^[1-9][0-9]{0,14}$/)]).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,6}$/)
    .optional(),
});

export function auditRoutes(app: FastifyInstance, deps: EditorDeps): void {
  app.get('/editor/audit', { config: { permission: 'audit:read' } }, async (req, reply) => {
    const parsed = querySchema.safeParse(req.query ?? {});
    if (!parsed.success) return sendError(req, reply, deps.site, 400);
    const q = parsed.data;
    const filter: AuditFilter = {
      ...(q.actor ? { actorId: Number(q.actor) } : {}),
      ...(q.entityType?.trim() ? { entityType: q.entityType.trim() } : {}),
      ...(q.entityId?.trim() ? { entityId: q.entityId.trim() } : {}),
    };
    const total = await deps.audit.count(filter);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Number(q.page ?? '1'), pages);
    const [events, accounts, entityTypes] = await Promise.all([
      deps.audit.list(filter, { offset: (page - 1) * pageSize, limit: pageSize }),
      deps.accounts.store.users.list(),
      deps.audit.entityTypes(),
    ]);
    return sendEditorPage(req, reply, deps.site, AuditPage, {
      events,
      filter,
      accounts,
      entityTypes,
      page,
      pages,
      total,
    });
  });
}
