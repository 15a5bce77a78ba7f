// Starting Outcry: it refuses a database with pending migrations (naming them) unless told to migrate.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.js';
import { startOutcry } from './main.js';

describe('startOutcry', () => {
  const env = () => ({
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-start-')), 'x.db')}`,
    PORT: '0',
    ROLES: 'web',
    LOG_LEVEL: 'silent',
  });

  it('refuses to start with pending migrations', async () => {
    await expect(startOutcry(loadConfig(env()), { quiet: true })).rejects.toThrow(
      /pending migration\(s\) \(0001-initial, 0002-signing, 0003-delivery, 0004-accounts, 0005-lifecycle, 0006-intake, 0007-campaign-editor, 0008-account-scopes[^)]*\).*npm run db:migrate/,
    );
  });

  it('migrates on start when MIGRATE_ON_START=true, and serves', async () => {
    const running = await startOutcry(loadConfig({ ...env(), MIGRATE_ON_START: 'true' }), { quiet: true });
    try {
      const res = await fetch(`${running.url}/healthz`);
      expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
    } finally {
      await running.stop();
    }
  });
});
