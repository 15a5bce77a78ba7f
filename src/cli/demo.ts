// `npm run demo`: everything on this machine, nothing leaves it. SQLite in data/demo.db, mail captured to
// data/mail/ (shown at /dev/mail), demo campaigns from the seeds, web and worker in one process, and an
// admin login printed on the console. `--reset` starts from an empty database.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config/config.js';
import { UserRepository } from '../db/user.repository.js';
import { startOutcry, stopOnSignals } from '../main.js';
import { generatePassword, hashPassword } from '../security/password.js';
import { demoCampaignSlug, seedDemo } from './demo/seed.js';

export const demoAdminEmail = 'admin@outcry.example.org';

const demoDkimKeyFile = 'data/dkim-demo.pem';

/** A DKIM key of the demo's own (kept across runs), so captured mail is signed as production mail is. */
function demoDkimKey(): string {
  if (!existsSync(demoDkimKeyFile)) {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    mkdirSync('data', { recursive: true, mode: 0o700 });
    writeFileSync(demoDkimKeyFile, privateKey, { mode: 0o600 });
  }
  return readFileSync(demoDkimKeyFile, 'utf8');
}

export async function runDemo(args: string[]): Promise<void> {
  const env = { ...process.env };
  env.DATABASE_URL = 'sqlite:data/demo.db';
  env.MIGRATE_ON_START = 'true';
  delete env.SMTP_URL;
  env.MAIL_CAPTURE_DIR ??= 'data/mail';
  env.NODE_ENV = 'development';
  env.MAIL_VIEWER = 'true';
  if (!env.DKIM_PRIVATE_KEY && !env.DKIM_PRIVATE_KEY_FILE) {
    env.DKIM_SELECTOR = 'demo';
    env.DKIM_PRIVATE_KEY = demoDkimKey();
  }
  if (args.includes('--reset')) {
    for (const f of ['data/demo.db', 'data/demo.db-wal', 'data/demo.db-shm', env.MAIL_CAPTURE_DIR]) {
      rmSync(f, { recursive: true, force: true });
    }
  }
  const config = loadConfig(env);
  const running = await startOutcry(config, { quiet: !args.includes('--verbose') });
  stopOnSignals(running);

  const now = Date.now();
  const { created } = await seedDemo(running.db, now);
  const password = generatePassword();
  await new UserRepository(running.db).upsertWithPassword(
    { email: demoAdminEmail, name: 'Demo admin', role: 'admin', passwordHash: await hashPassword(password) },
    now,
  );

  const url = running.url;
  console.log(
    [
      '',
      `Outcry demo is running at ${url}/`,
      '',
      `  Campaign (English):  ${url}/en/campaigns/${demoCampaignSlug}`,
      `  Campaign (Tagalog):  ${url}/tl/campaigns/${demoCampaignSlug}`,
      `  Captured mail:       ${url}/dev/mail`,
      `  Editor area:         ${url}/editor`,
      `  Admin login:         ${demoAdminEmail} / ${password}`,
      '',
      `  Mail is DKIM-signed (selector "${config.DKIM_SELECTOR ?? '-'}") and paced per target address.`,
      `  Database: data/demo.db${created.length ? ` (seeded ${created.length} campaigns)` : ''}; mail never leaves this machine.`,
      '  Press Ctrl+C to stop. `npm run demo -- --reset` starts from scratch.',
      '',
    ].join('\n'),
  );
}
