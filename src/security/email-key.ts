// Keyed hashes (HMAC-SHA-256 with APP_SECRET) of a canonical email address: what an erasure keeps instead
// of the address (so a re-import of that person can be refused), and the my-data form's per-address
// rate-limit key. Neither can be reversed or recomputed without the secret.
import { createHmac } from 'node:crypto';

export function erasedEmailKey(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(`erased-email:${canonical}`).digest('hex');
}

export function addressRateKey(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(`my-data:${canonical}`).digest('base64url').slice(0, 22);
}
