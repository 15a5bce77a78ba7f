// Confirmation links carry a random token; only its SHA-256 is stored, so a database leak confirms nothing.
// Account links and sessions use the same tokens (secretTokens), with a fresh secret for CSRF per session.
import { hash } from 'node:crypto';
import { newCsrfSecret } from './csrf.js';
import { randomToken } from './random-pool.js';

export const confirmationTokens = {
  confirmationToken(): { token: string; hash: string } {
    const token = randomToken(24);
    return { token, hash: confirmationTokens.hash(token) };
  },
  hash(token: string): string {
    // One-shot hashing: a third of createHash().update().digest()'s cost for a short input.
    return hash('sha256', token, 'hex');
  },
};

/** The account use cases' tokens (SecretTokens): login, invitation and reset links, session ids. */
export const secretTokens = {
  create: () => confirmationTokens.confirmationToken(),
  hash: (token: string) => confirmationTokens.hash(token),
  secret: newCsrfSecret,
};
