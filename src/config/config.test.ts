import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { developmentDataKey } from '../security/data-keys.js';
import { ConfigError, developmentSecret, loadConfig, serverConfig } from './config.js';

const testLogKey = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

describe('loadConfig', () => {
  it('gives a working embedded default with no environment at all', () => {
    const c = loadConfig({});
    expect(c.dialect).toBe('sqlite');
    expect(c.captureMail).toBe(true);
    expect(c.BASE_URL).toBe('http://127.0.0.1:3000');
    expect(c.ROLES).toEqual(['web', 'worker']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ROLES: 'web,cook', NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/ROLES/);
    }
  });

  it('requires APP_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET/);
  });

  it('refuses the development secret in production, even when it is given explicitly', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', APP_SECRET: developmentSecret })).toThrow(
      /development secret is public/,
    );
  });

  it('requires a data key of its own in production, and checks every key given', () => {
    const own = { NODE_ENV: 'production', APP_SECRET: 's'.repeat(40) } as const;
    expect(() => loadConfig(own)).toThrow(/DATA_KEY: required in production/);
    expect(() => loadConfig({ ...own, DATA_KEY: developmentDataKey })).toThrow(/DATA_KEY/);
    expect(() => loadConfig({ ...own, DATA_KEY: 'c2hvcnQ=' })).toThrow(/DATA_KEY: each key must be/);
    const key = 'b3VyLW93bi1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE=';
    // With the log signing key production also requires (decision 0031), a valid data key is taken.
    expect(loadConfig({ ...own, DATA_KEY: `new:${key}`, LOG_SIGNING_KEY: testLogKey }).DATA_KEY).toBe(
      `new:${key}`,
    );
    expect(loadConfig({}).DATA_KEY).toBe(developmentDataKey);
  });

  it('reads *_FILE secrets and reports an unreadable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcry-config-'));
    const file = join(dir, 'secret');
    writeFileSync(file, `${'s'.repeat(40)}\n`);
    expect(loadConfig({ APP_SECRET_FILE: file }).APP_SECRET).toBe('s'.repeat(40));
    expect(() => loadConfig({ APP_SECRET_FILE: join(dir, 'missing') })).toThrow(/APP_SECRET_FILE/);
  });

  it('selects PostgreSQL by URL and SMTP when configured', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db', SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(c.dialect).toBe('postgres');
    expect(c.captureMail).toBe(false);
  });
});

describe('serverConfig (outcry start, outcry bounce)', () => {
  const secret = 'a-secret-of-our-own-a-secret-of-our-own-0000';
  const DATA_KEY = 'b3VyLW93bi1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE=';

  it('is production when NODE_ENV is unset, so APP_SECRET is required', () => {
    expect(() => serverConfig({})).toThrow(/APP_SECRET: required in production/);
    expect(() => serverConfig({ NODE_ENV: '' })).toThrow(/APP_SECRET: required in production/);
    expect(() => serverConfig({ APP_SECRET: secret, DATA_KEY })).toThrow(
      /LOG_SIGNING_KEY: required in production/,
    );
    expect(() => serverConfig({ APP_SECRET: secret, DATA_KEY, LOG_SIGNING_KEY: 'not a key' })).toThrow(
      /Ed25519/,
    );
    const c = serverConfig({ APP_SECRET: secret, DATA_KEY, LOG_SIGNING_KEY: testLogKey });
    expect(c.NODE_ENV).toBe('production');
    expect(c.MAIL_VIEWER).toBe(false);
  });

  it('never runs on the development secret, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(() => serverConfig({ NODE_ENV })).toThrow(/only for the demo and tests/);
      expect(() => serverConfig({ NODE_ENV, APP_SECRET: developmentSecret })).toThrow(/APP_SECRET/);
      expect(() => serverConfig({ NODE_ENV, APP_SECRET: secret })).toThrow(/DATA_KEY: required/);
      expect(serverConfig({ NODE_ENV, APP_SECRET: secret, DATA_KEY }).NODE_ENV).toBe(NODE_ENV);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable the config reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { projectRoot } = await import('./paths.js');
    const { configKeys } = await import('./config.js');
    const example = readFileSync(`${projectRoot}.env.example`, 'utf8');
    for (const key of configKeys) expect(example, key).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});
