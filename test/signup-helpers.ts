// A language-list sign-up as the sign-up form hands it to the store, with only what a test cares about
// given; and a person signed up and confirmed, for tests that start from someone already on a list.
import type { ListStore, SignupCommand } from '../src/domain/list/list.ports.js';
import { blindIndex } from './blind-index.js';
import type { TestDb } from './db.js';

export const listConsent = { text: 'Yes, email me campaign alerts.', version: 'list-test', locale: 'en' };

export function signupCommand(email: string, over: Partial<SignupCommand> = {}): SignupCommand {
  return {
    email: { address: email, canonical: email.toLowerCase() },
    name: 'Rosa Luna',
    country: 'PH',
    listLocale: 'tl',
    consent: listConsent,
    tokenHash: `hash-${email}`,
    mail: { kind: 'confirm-signup', to: email, locale: 'en', token: 'raw-token-abcdefghijklmnopqrstu' },
    now: Date.UTC(2026, 11, 1, 9),
    ...over,
  };
}

/** Signs `email` up and presses the confirmation button; the supporter's id. */
export async function confirmedSignup(
  lists: Pick<ListStore, 'requestSignup' | 'confirmSignup'>,
  db: TestDb,
  email: string,
  over: Partial<SignupCommand> = {},
): Promise<number> {
  const command = signupCommand(email, over);
  await lists.requestSignup(command);
  await lists.confirmSignup(command.tokenHash, command.now, 86_400_000);
  const row = await db.kysely
    .selectFrom('supporters')
    .select('id')
    .where('email_index', '=', blindIndex(command.email.canonical))
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
