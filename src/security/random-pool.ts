// Random tokens from a pooled buffer. Every `randomBytes()` call is a separate trip into OpenSSL's
// generator, and for the 9–32 bytes a token needs that trip was 6–11 % of the CPU of a sign or page
// request (docs/performance.md). Here 4 KB are drawn at once and handed out in slices: the same CSPRNG
// output, each byte handed out once and wiped from the pool when taken.
import { randomBytes, randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let offset = pool.length;

/** `bytes` random bytes as base64url (what `randomBytes(bytes).toString('base64url')` gives). */
export function randomToken(bytes: number): string {
  if (bytes > 256) return randomBytes(bytes).toString('base64url');
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + bytes);
  pool.fill(0, offset, offset + bytes);
  offset += bytes;
  return token;
}
