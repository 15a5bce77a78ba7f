// /healthz for load balancers and uptime checks: 200 only when the database answers.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

export function healthRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.get('/healthz', async (req, reply) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: deps.db.dialect });
    } catch (error) {
      req.log.error({ err: error }, 'health check: database unreachable');
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'unavailable', database: deps.db.dialect });
    }
  });
}
