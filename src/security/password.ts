// Password hashing for people who log in: argon2id with the library's defaults (memory-hard, prebuilt).
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * The account use cases' password hasher (PasswordHasher): argon2id, and an unknown account is checked
 * against a dummy hash so it takes as long as a real one.
 */
export const argon2Passwords = {
  hash: hashPassword,
  async verify(stored: string | null, password: string): Promise<boolean> {
    if (stored !== null) return verifyPassword(stored, password);
    dummyHash ??= hashPassword('no account has this password');
    await verifyPassword(await dummyHash, password);
    return false;
  },
};

/** A readable random password for first logins (about 100 bits). */
export function generatePassword(): string {
  return randomBytes(16).toString('base64url').slice(0, 20);
}
