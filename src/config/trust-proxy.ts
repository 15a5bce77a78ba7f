// Which X-Forwarded-For entries to believe. `true` used to trust every hop, so the left-most entry, which
// the client writes, became the client's address and every per-network limit could be dodged. Now the
// operator says how many proxies stand in front (a hop count) or which addresses they send from.
import { isIP } from 'node:net';
import { z } from 'zod';

/** false: trust no header; a number: that many proxies in front; a list: proxies at these addresses. */
export type TrustProxy = false | number | string[];

/** Named ranges the underlying proxy-addr library knows. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (namedRanges.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

export const trustProxySchema = z
  .string()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    const value = raw.trim().toLowerCase();
    if (['false', 'no', '0'].includes(value)) return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    if (['true', 'yes'].includes(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'say how many proxies stand in front (e.g. 1) or their addresses (e.g. 127.0.0.1 or 10.0.0.0/8); ' +
          '`true` would believe any X-Forwarded-For a client writes',
      });
      return z.NEVER;
    }
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isAddressOrRange(e));
    if (wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `not a hop count nor addresses of proxies: ${wrong.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** Fastify's `trustProxy` option for the setting (a hop count becomes the function proxy-addr would build). */
export function fastifyTrustProxy(
  value: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
