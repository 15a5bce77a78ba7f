// The public forms that mail a link to the address typed in (subscribing to a list, asking for one's data)
// limit how often one address and one network may ask. Both hand their use case the same pieces: the link
// tokens, the rate limiter, the clock, and the address's key for the limiter (never the address itself).
import { addressRateKey } from '../../security/email-key.js';

export function mailedLinkLimits<
  D extends { tokens: unknown; rateLimiter: unknown; clock: unknown; secret: string },
>(deps: D): Pick<D, 'tokens' | 'rateLimiter' | 'clock'> & { addressKey: (canonical: string) => string } {
  return {
    tokens: deps.tokens,
    rateLimiter: deps.rateLimiter,
    clock: deps.clock,
    addressKey: (canonical) => addressRateKey(deps.secret, canonical),
  };
}
