// The client network a request comes from, for per-network bounds: an IPv4 /24 (a household, an office or
// a small provider pool) or an IPv6 /64 (one subscriber's whole prefix), kept only as a keyed hash.
// Loopback and private addresses name no client network: they are a reverse proxy (TRUST_PROXY unset) or
// a LAN, where every visitor shares the address and a per-network bound would be a bound on everyone.
import { createHmac } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { networkOf } from './ip-key.js';

const notPublic = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  notPublic.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  notPublic.addSubnet(address, prefix, 'ipv6');
}

/** `192.0.2.0/24` for IPv4 (mapped IPv6 unwrapped), `2001:db8:1:2::/64` for IPv6, or `unknown`. */
export function clientNetwork(ip: string): string {
  const network = networkOf(ip);
  if (!isIPv4(network)) return network;
  return `${network.slice(0, network.lastIndexOf('.'))}.0/24`;
}

/** The keyed hash of the client's network, or undefined for a loopback, private or unknown address. */
export function clientNetworkKey(secret: string, ip: string): string | undefined {
  const network = clientNetwork(ip);
  if (network === 'unknown') return undefined;
  const address = isIPv4(networkOf(ip)) ? networkOf(ip) : ip;
  if (notPublic.check(address, isIPv4(address) ? 'ipv4' : 'ipv6')) return undefined;
  return createHmac('sha256', secret).update(`net:${network}`).digest('base64url').slice(0, 22);
}
