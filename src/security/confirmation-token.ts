// Confirmation links carry a random token; only its SHA-256 is stored, so a database leak confirms nothing.
import { createHash, randomBytes } from 'node:crypto';

export const confirmationTokens = {
  confirmationToken(): { token: string; hash: string } {
    const token = randomBytes(24).toString('base64url');
    return { token, hash: confirmationTokens.hash(token) };
  },
  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  },
};
