// Starting Outcry: it refuses a database with pending migrations (naming them) unless told to migrate;
// `outcry start` is production unless told otherwise and never runs on the development secret; the
// captured-mail viewer (login links, no login) exists only when configured; a worker schedules the purge.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, serverConfig } from './config/config.js';
import { main, startOutcry } from './main.js';

const testLogKey = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

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

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('`outcry start` with NODE_ENV unset is production, and refuses to run without a secret of its own', async () => {
    for (const [name, value] of Object.entries({
      ...env(),
      NODE_ENV: '',
      APP_SECRET: '',
      APP_SECRET_FILE: '',
      // vitest sets BASE_URL to '/' (Vite's base path), which is no address.
      BASE_URL: '',
    })) {
      vi.stubEnv(name, value);
    }
    await expect(main(['start'])).rejects.toThrow(/APP_SECRET: required in production/);
    vi.stubEnv('NODE_ENV', 'development');
    await expect(main(['start'])).rejects.toThrow(/APP_SECRET: required.*only for the demo and tests/);
  });

  it('serves captured mail at /dev/mail only when MAIL_VIEWER is set, never because NODE_ENV is not production', async () => {
    const capture = mkdtempSync(join(tmpdir(), 'outcry-mail-'));
    const base = { ...env(), MIGRATE_ON_START: 'true', MAIL_CAPTURE_DIR: capture };
    const secret = {
      APP_SECRET: 'a-secret-of-our-own-a-secret-of-our-own-0000',
      LOG_SIGNING_KEY: testLogKey,
      DATA_KEY: 'b3VyLW93bi1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE=',
    };
    for (const [config, status] of [
      [serverConfig({ ...base, ...secret }), 404],
      [loadConfig({ ...base, NODE_ENV: 'development' }), 404],
      [loadConfig({ ...base, NODE_ENV: 'development', MAIL_VIEWER: 'true' }), 200],
    ] as const) {
      const running = await startOutcry(config, { quiet: true });
      try {
        expect((await fetch(`${running.url}/dev/mail`)).status).toBe(status);
      } finally {
        await running.stop();
      }
    }
  });

  it('a worker schedules the purge of finished jobs with the other maintenance', async () => {
    const capture = mkdtempSync(join(tmpdir(), 'outcry-mail-'));
    const running = await startOutcry(
      loadConfig({ ...env(), ROLES: 'worker', MIGRATE_ON_START: 'true', MAIL_CAPTURE_DIR: capture }),
      { quiet: true },
    );
    try {
      const kinds = await running.db.kysely.selectFrom('jobs').select('kind').execute();
      expect(kinds.map((k) => k.kind)).toEqual(
        expect.arrayContaining(['expire-signatures', 'forget-networks', 'purge-jobs']),
      );
    } finally {
      await running.stop();
    }
  });
});
