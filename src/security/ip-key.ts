// Rate-limit and abuse keys without storing IP addresses: an HMAC of the address (IPv6 grouped by its /64,
// since one household or phone rotates through a whole /64; IPv4-mapped IPv6 unwrapped first).
import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  // Expand "::" and keep the first four groups.
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function ipKey(secret: string, ip: string): string {
  return createHmac('sha256', secret)
    .update(`ip:${networkOf(ip)}`)
    .digest('base64url')
    .slice(0, 22);
}
