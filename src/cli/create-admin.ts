// `outcry create-admin <email> [name]`: the first account, made on the command line. The password comes
// from OUTCRY_ADMIN_PASSWORD or is generated and printed once.
import type { Config } from '../config/config.js';
import { openDb } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { UserRepository } from '../db/user.repository.js';
import { parseEmail } from '../domain/signature/email-address.js';
import { generatePassword, hashPassword } from '../security/password.js';

export async function runCreateAdmin(config: Config, args: string[]): Promise<void> {
  const [email, ...nameParts] = args;
  if (!email || !parseEmail(email).ok) {
    console.error('Usage: outcry create-admin <email> [name]');
    process.exitCode = 1;
    return;
  }
  const fromEnv = process.env.OUTCRY_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv.length < 12) {
    console.error('OUTCRY_ADMIN_PASSWORD must be at least 12 characters.');
    process.exitCode = 1;
    return;
  }
  const password = fromEnv ?? generatePassword();
  const db = openDb({ url: config.DATABASE_URL });
  try {
    if ((await pendingMigrations(db)).length > 0) {
      console.error('The database is not migrated yet: run `npm run db:migrate` first.');
      process.exitCode = 1;
      return;
    }
    const users = new UserRepository(db);
    const { created } = await users.upsertWithPassword(
      {
        email,
        name: nameParts.join(' ') || 'Admin',
        role: 'admin',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    console.log(`${created ? 'Created' : 'Updated'} admin ${email.toLowerCase()}`);
    if (!fromEnv) console.log(`Password (shown once): ${password}`);
  } finally {
    await db.close();
  }
}
