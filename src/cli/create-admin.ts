// `outcry create-admin <email> [name]`: the first account, made on the command line. The password comes
// from OUTCRY_ADMIN_PASSWORD or is generated and printed once. main.ts gives it the services over the
// configured database, opened only once the arguments are right.
import type { Clock } from '../domain/shared/clock.js';
import { parseEmail } from '../domain/signature/email-address.js';
import type { WithServices } from './services.js';

export interface CreateAdminServices {
  users: {
    /** Creates the account, or sets the password and role of the one with that email and enables it. */
    upsertWithPassword(
      input: { email: string; name: string; role: 'admin'; passwordHash: string },
      now: number,
    ): Promise<{ created: boolean }>;
  };
  passwords: { hash(password: string): Promise<string>; generate(): string };
  clock: Clock;
}

export async function runCreateAdmin(
  args: string[],
  env: { OUTCRY_ADMIN_PASSWORD?: string | undefined },
  withServices: WithServices<CreateAdminServices>,
): Promise<void> {
  const [email, ...nameParts] = args;
  if (!email || !parseEmail(email).ok) {
    console.error('Usage: outcry create-admin <email> [name]');
    process.exitCode = 1;
    return;
  }
  const fromEnv = env.OUTCRY_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv.length < 12) {
    console.error('OUTCRY_ADMIN_PASSWORD must be at least 12 characters.');
    process.exitCode = 1;
    return;
  }
  await withServices(
    async ({ users, passwords, clock }) => {
      const password = fromEnv ?? passwords.generate();
      const { created } = await users.upsertWithPassword(
        {
          email,
          name: nameParts.join(' ') || 'Admin',
          role: 'admin',
          passwordHash: await passwords.hash(password),
        },
        clock.now(),
      );
      console.log(`${created ? 'Created' : 'Updated'} admin ${email.toLowerCase()}`);
      if (!fromEnv) console.log(`Password (shown once): ${password}`);
    },
    () => {
      console.error('The database is not migrated yet: run `npm run db:migrate` first.');
      process.exitCode = 1;
    },
  );
}
