// A real app over a real test database (SQLite, or PostgreSQL too), seeded with the demo campaigns.
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../src/cli/demo/seed.js';
import { type Config, loadConfig } from '../src/config/config.js';
import type { Dialect } from '../src/db/dialect.js';
import type { Clock } from '../src/domain/shared/clock.js';
import { buildApp } from '../src/http/app.js';
import { createServices, type Services } from '../src/main.js';
import { createTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: TestDb;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  { seed = true, clock }: { seed?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  const db = await createTestDb(dialect);
  if (seed) await seedDemo(db, Date.UTC(2026, 10, 20));
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: 'https://outcry.example.org', ...env });
  const services = createServices(config, db, clock);
  const app = await buildApp({ ...services, logger: false });
  await app.ready();
  return {
    app,
    services,
    db,
    config,
    async close() {
      await app.close();
      services.live.close();
      await db.destroy();
    },
  };
}
