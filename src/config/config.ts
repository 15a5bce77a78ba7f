// One validated, frozen view of the environment. Every variable is documented in .env.example;
// every problem is reported at once so an operator fixes a broken deployment in one pass.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { oneOf, trimEndWhile } from '../domain/shared/trim.js';
import { DataKeyError, developmentDataKey, parseDataKeys } from '../security/data-keys.js';
import { trustProxySchema } from './trust-proxy.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** What one process does: answer web requests, run jobs and delivery, or both. */
const processRoles = ['web', 'worker'] as const;

/** A DNS name, label by label (no pattern over the whole string: nothing to backtrack on). */
const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
export function isHostName(v: string): boolean {
  return v.length <= 253 && v.split('.').every((label) => hostLabel.test(label));
}
export type ProcessRole = (typeof processRoles)[number];

/** An Ed25519 private key in PEM, as `openssl genpkey -algorithm ed25519` writes it. */
function isEd25519Pem(text: string): boolean {
  try {
    return createPrivateKey(text).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SITE_NAME: z.string().min(1).max(80).default('Outcry'),
  DEFAULT_LOCALE: z.string().min(2).max(20).default('en'),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/outcry.db')
    .refine((v) => /^(postgres(ql)?:\/\/|sqlite:)/.test(v), 'must start with postgres:// or sqlite:'),
  MIGRATE_ON_START: bool.default(false),
  ROLES: z
    .string()
    .default('web,worker')
    .transform((v) => v.split(',').map((r) => r.trim()))
    .pipe(z.array(z.enum(processRoles)).min(1)),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (use: openssl rand -hex 32)').optional(),
  /** The site data keys, newest first (decision 0023): personal fields are sealed with them. */
  DATA_KEY: z.string().max(10_000).optional(),
  /** The blind-index keys, newest first (decision 0033); unset: derived from the last DATA_KEY key. */
  INDEX_KEY: z.string().max(10_000).optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  /** The name every outgoing SMTP connection greets with (EHLO); default: the host of BASE_URL. */
  SMTP_HELO_NAME: z.string().refine(isHostName, 'must be a host name (mail.example.org)').optional(),
  MAIL_CAPTURE_DIR: z.string().min(1).default('data/mail'),
  MAIL_VIEWER: bool.default(false),
  UPLOAD_DIR: z.string().min(1).default('data/uploads'),
  UPLOAD_MAX_MB: z.coerce.number().min(0.1).max(50).default(8),
  MAIL_FROM: z.email().default('campaigns@outcry.example.org'),
  /** Where volunteers write to become translators; without it the site offers no "Help translate" page. */
  TRANSLATORS_CONTACT: z.email().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxySchema,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  CONFIRM_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  JOB_RETENTION_DAYS: z.coerce.number().min(0).max(365).default(7),
  IP_HASH_RETENTION_DAYS: z.coerce.number().min(1).max(365).default(30),
  SIGN_QUEUE_MAX: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
  /** Memory for rendered campaign pages (one per campaign × language), least recently used evicted. */
  PAGE_CACHE_MB: z.coerce.number().min(1).max(4_096).default(64),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'letters, digits, dot, dash or underscore')
    .optional(),
  DKIM_DOMAIN: z.string().min(3).max(253).optional(),
  DKIM_PRIVATE_KEY: z
    .string()
    .refine((v) => v.includes('PRIVATE KEY-----'), 'must be a PEM private key')
    .optional(),
  /** Ed25519 private key (PEM) that signs the signature logs' tree heads (decision 0031). */
  LOG_SIGNING_KEY: z
    .string()
    .refine(isEd25519Pem, 'must be an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)')
    .optional(),
  DELIVERY_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(10),
  MAIL_BUILD_THREADS: z.coerce.number().int().min(0).max(16).default(1),
  DELIVERY_DOMAIN_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  DELIVERY_GIVE_UP_DAYS: z.coerce.number().min(0.01).max(60).default(5),
  /** Messages a second a mailing is sent at unless it sets its own rate (decision 0020). */
  MAILING_RATE: z.coerce.number().int().min(1).max(10_000).default(100),
  BOUNCE_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BOUNCE_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
});

export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'APP_SECRET' | 'BASE_URL' | 'SMTP_HELO_NAME' | 'DATA_KEY'> & {
    APP_SECRET: string;
    /** Validated by parseDataKeys; the public development key outside production when unset. */
    DATA_KEY: string;
    BASE_URL: string;
    /** A host name, or an address literal (`[192.0.2.1]`) when BASE_URL names its host by address. */
    SMTP_HELO_NAME: string;
    dialect: 'sqlite' | 'postgres';
    /** True when no SMTP_URL is set: mail is written to MAIL_CAPTURE_DIR and never leaves the machine. */
    captureMail: boolean;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const secretNames = [
  'APP_SECRET',
  'DATA_KEY',
  'INDEX_KEY',
  'DATABASE_URL',
  'SMTP_URL',
  'DKIM_PRIVATE_KEY',
  'LOG_SIGNING_KEY',
] as const;

/**
 * The secret the demo and the tests run on when APP_SECRET is unset. It is written here, so it is public:
 * with it anyone forges status links, form tokens and bounce addresses, and reverses IPv4 hashes.
 */
export const developmentSecret = 'development-secret-not-for-production-use-0000';

/** Reads `NAME_FILE` variants (Docker/Kubernetes secrets) into `NAME`; a value set directly wins. */
function withFileSecrets(env: NodeJS.ProcessEnv, problems: string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  for (const name of secretNames) {
    const file = env[`${name}_FILE`];
    if (file && !env[name]) {
      try {
        out[name] = readFileSync(file, 'utf8').trim();
      } catch (error) {
        problems.push(
          `${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    }
  }
  // An empty variable means "not set", as in most .env tooling.
  for (const [k, v] of Object.entries(out)) if (v === '') out[k] = undefined;
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const parsed = schema.safeParse(withFileSecrets(env, problems));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const v = parsed.data;
  if (v && v.NODE_ENV === 'production' && !v.APP_SECRET) {
    problems.push('APP_SECRET: required in production (use: openssl rand -hex 32)');
  }
  if (v && v.NODE_ENV === 'production' && v.APP_SECRET === developmentSecret) {
    problems.push('APP_SECRET: the development secret is public; use your own (openssl rand -hex 32)');
  }
  if (v && v.NODE_ENV === 'production' && !v.LOG_SIGNING_KEY) {
    problems.push(
      'LOG_SIGNING_KEY: required in production, it signs the published tree heads (use: openssl genpkey -algorithm ed25519)',
    );
  }
  // Both are lists of keys, newest first, written the same way.
  for (const name of ['DATA_KEY', 'INDEX_KEY'] as const) {
    const keys = v?.[name];
    if (!keys) continue;
    try {
      parseDataKeys(keys);
    } catch (error) {
      if (!(error instanceof DataKeyError)) throw error;
      problems.push(`${name}: ${error.message}`);
    }
  }
  if (v && v.NODE_ENV === 'production' && (!v.DATA_KEY || v.DATA_KEY === developmentDataKey)) {
    problems.push(
      'DATA_KEY: required in production, and not the development key (use: openssl rand -base64 32; decision 0023)',
    );
  }
  if (v?.DKIM_PRIVATE_KEY && !v.DKIM_SELECTOR) {
    problems.push('DKIM_SELECTOR: required when DKIM_PRIVATE_KEY is set');
  }
  if (problems.length > 0 || !v) throw new ConfigError(problems);
  const baseUrl = trimEndWhile(v.BASE_URL ?? `http://${v.HOST}:${v.PORT}`, oneOf('/'));
  return Object.freeze({
    ...v,
    // Outside production a fixed development secret keeps demo links valid across restarts.
    APP_SECRET: v.APP_SECRET ?? developmentSecret,
    DATA_KEY: v.DATA_KEY ?? developmentDataKey,
    BASE_URL: baseUrl,
    SMTP_HELO_NAME: v.SMTP_HELO_NAME ?? heloNameOf(baseUrl),
    dialect: v.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    captureMail: !v.SMTP_URL,
  });
}

/**
 * The EHLO name BASE_URL implies: its host, or an address literal when the host is an address (RFC 5321
 * §4.1.3: `[192.0.2.1]`, `[IPv6:2001:db8::1]`), never a bare IP, which receiving servers score as odd.
 */
export function heloNameOf(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  if (host.startsWith('[')) return `[IPv6:${host.slice(1, -1)}]`;
  return isIP(host) === 4 ? `[${host}]` : host;
}

/**
 * The configuration of the commands that face the world, `outcry start` and `outcry bounce`: production
 * unless NODE_ENV says otherwise (a forgotten NODE_ENV must not publish the development secret or the
 * mail viewer), and never on the development secret, whatever NODE_ENV says.
 */
export function serverConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig({ ...env, NODE_ENV: env.NODE_ENV ? env.NODE_ENV : 'production' });
  if (config.APP_SECRET === developmentSecret) {
    throw new ConfigError([
      'APP_SECRET: required (use: openssl rand -hex 32); the development secret is only for the demo and tests',
    ]);
  }
  if (parseDataKeys(config.DATA_KEY).some((k) => k.id === parseDataKeys(developmentDataKey)[0]?.id)) {
    throw new ConfigError([
      'DATA_KEY: required (use: openssl rand -base64 32); the development key is only for the demo and tests',
    ]);
  }
  return config;
}

/** Every variable the schema reads (the .env.example test checks each is documented). */
export const configKeys: readonly string[] = Object.keys(schema.shape);
