// Confirming a signature from the link in the confirmation mail. The link opens a page with one button;
// only its POST lands here, so a corporate link scanner fetching the URL confirms nothing.
import type { Clock } from '../shared/clock.js';
import type { ConfirmOutcome, SignatureConfirmer } from './signature.ports.js';

export async function confirmSignature(
  deps: { signatures: SignatureConfirmer; tokens: { hash(token: string): string }; clock: Clock },
  input: { token: string; expiresAfterMs: number },
): Promise<ConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) return { status: 'unknown' };
  return deps.signatures.confirm(deps.tokens.hash(input.token), deps.clock.now(), input.expiresAfterMs);
}
