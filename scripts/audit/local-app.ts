// The app the audit runs against when it is given no URL: a throwaway SQLite database with the demo
// campaigns, the real app on a loopback port, and its log lines kept so the audit can search them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../src/cli/demo/seed.js';
import { loadConfig } from '../../src/config/config.js';
import { openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/main.js';

export interface LocalApp {
  url: string;
  logLines: string[];
  close(): Promise<void>;
}

export async function startLocalApp(): Promise<LocalApp> {
  const dir = await mkdtemp(join(tmpdir(), 'outcry-audit-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: `sqlite:${join(dir, 'audit.db')}`,
    BASE_URL: 'https://campaigns.example.org',
    UPLOAD_DIR: join(dir, 'uploads'),
    MAIL_CAPTURE_DIR: join(dir, 'mail'),
  });
  const db = openDb({ url: config.DATABASE_URL });
  const { error } = await migrateToLatest(db);
  if (error) throw error;
  const services = createServices(config, db);
  await seedDemo(services, Date.now());
  const logLines: string[] = [];
  const app = await buildApp({
    ...services,
    logger: { level: 'info', stream: { write: (line) => void logLines.push(line) } },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    logLines,
    async close() {
      await app.close();
      services.live.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
