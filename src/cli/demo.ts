// `npm run demo`: everything on this machine, nothing leaves it. SQLite in data/demo.db, mail captured to
// data/mail/ (shown at /dev/mail), demo campaigns from the seeds, web and worker in one process, and an
// admin login printed on the console. `--reset` starts from an empty database; `--signers N` gives the demo
// campaign N generated signers in 15 scripts from 60 countries instead of its three weeks of history. main.ts starts Outcry with
// the environment made here and hands the running services back to seed and announce it.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Config } from '../config/config.js';
import type { Clock } from '../domain/shared/clock.js';
import type { ImageStore } from '../domain/shared/image.ports.js';
import type { CreateAdminServices } from './create-admin.js';
import { seedDemoHistory } from './demo/history.js';
import { seedDemoLists } from './demo/mailing-lists.js';
import { seedDemoPhoto } from './demo/photo.js';
import { demoCampaignSlug, type SeedServices, seedDemo } from './demo/seed.js';
import { seedSigners } from './demo/signers.js';
import { seedDemoTranslations, type TranslationSeedServices } from './demo/translations.js';

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

/** The demo's environment: SQLite, migrations on start, captured and DKIM-signed mail; `--reset` empties it. */
export function demoEnvironment(args: string[], base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...base };
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
  return env;
}

export interface DemoServices extends SeedServices, TranslationSeedServices {
  config: Config;
  clock: Clock;
  /** The admin's upsert, with the account's id: the demo's translations in progress are its work. */
  users: {
    upsertWithPassword(
      ...args: Parameters<CreateAdminServices['users']['upsertWithPassword']>
    ): Promise<{ id: number; created: boolean }>;
  };
  passwords: CreateAdminServices['passwords'];
  /** Where the demo poster is stored, like an uploaded photo. */
  images: ImageStore;
}

/** The number after `--signers` (or in `--signers=N`); undefined without the flag, NaN when it is not one. */
export function signersFlag(args: string[]): number | undefined {
  const at = args.findIndex((a) => a === '--signers' || a.startsWith('--signers='));
  if (at < 0) return undefined;
  const text = args[at]!.includes('=') ? args[at]!.slice('--signers='.length) : args[at + 1];
  return text !== undefined && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : Number.NaN;
}

/** Seeds the running demo, gives its admin a fresh password, and prints where everything is. */
export async function runDemo(services: DemoServices, url: string, args: string[] = []): Promise<void> {
  const now = services.clock.now();
  const signers = signersFlag(args);
  const { created } = await seedDemo(services, now);
  await seedDemoLists(services.db, now);
  const seeding = performance.now();
  const history = signers === undefined ? await seedDemoHistory(services.db, now) : { signatures: 0 };
  const seededIn = Math.round(performance.now() - seeding);
  const generated =
    signers === undefined
      ? undefined
      : await seedSigners(services.db, { slug: demoCampaignSlug, count: signers, now });
  await seedDemoPhoto(services.db, services.images);
  const password = services.passwords.generate();
  const admin = await services.users.upsertWithPassword(
    {
      email: demoAdminEmail,
      name: 'Demo admin',
      role: 'admin',
      passwordHash: await services.passwords.hash(password),
    },
    now,
  );
  // Translations in progress are the admin's work, so they come once the admin exists.
  await seedDemoTranslations(services, { id: admin.id, email: demoAdminEmail }, now);

  console.log(
    [
      '',
      `Outcry demo is running at ${url}/`,
      '',
      `  Campaign (English):  ${url}/en/campaigns/${demoCampaignSlug}`,
      `  Campaign (Tagalog):  ${url}/tl/campaigns/${demoCampaignSlug}`,
      `  Captured mail:       ${url}/dev/mail`,
      `  Translation board:   ${url}/editor/translations`,
      `  Editor area:         ${url}/editor`,
      `  Admin login:         ${demoAdminEmail} / ${password}`,
      '',
      `  Mail is DKIM-signed (selector "${services.config.DKIM_SELECTOR ?? '-'}") and paced per target address.`,
      `  Database: data/demo.db${created.length ? ` (seeded ${created.length} campaigns)` : ''}; mail never leaves this machine.`,
      ...(history.signatures
        ? [
            `  Demo history: ${history.signatures} invented signatures over three weeks, written in ${seededIn} ms.`,
          ]
        : []),
      ...(generated ? [`  ${signersLine(generated)}`] : []),
      '  Press Ctrl+C to stop. `npm run demo -- --reset` starts from scratch.',
      '',
    ].join('\n'),
  );
}

function signersLine(result: Awaited<ReturnType<typeof seedSigners>>): string {
  switch (result.status) {
    case 'seeded':
      return `Generated signers: ${result.signatures} from ${result.countries} countries in 15 scripts, written in ${result.ms} ms.`;
    case 'already_seeded':
      return 'Generated signers: this database has them already (`--reset --signers N` starts again).';
    case 'invalid_count':
      return `Generated signers: --signers takes a whole number from 1 to ${result.max.toLocaleString('en')}; none written.`;
    case 'not_found':
      return 'Generated signers: the demo campaign is missing; none written.';
  }
}
