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

/** A readable random password for first logins (about 100 bits). */
export function generatePassword(): string {
  return randomBytes(16).toString('base64url').slice(0, 20);
}
