// Data a page hands back to the server in one hidden field, so nothing is stored between two requests (no
// table, no per-process memory: any web process can take the second one): the value as compact JSON,
// deflated, base64url, with the ids it belongs to (a campaign, an editor) and an expiry, signed with an HMAC
// key derived from APP_SECRET and the field's purpose. A changed field, one made for other ids or for
// another purpose, or an expired one opens to undefined. Used by the targets import (its checked rows) and
// the list import (its report).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface SealScope {
  /** Keys the HMAC: a field sealed for one purpose never opens for another. */
  purpose: string;
  /** First segment of the field; a new one retires every field of the old format. */
  version: string;
  /** The ids the field belongs to, checked when it is opened. */
  ids: readonly number[];
}

function mac(secret: string, purpose: string, body: string): string {
  const key = createHmac('sha256', secret).update(purpose).digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}

export function sealField(secret: string, scope: SealScope, expiresAt: number, value: unknown): string {
  const payload = deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url');
  const body = [scope.version, ...scope.ids, expiresAt.toString(36), payload].join('.');
  return `${body}.${mac(secret, scope.purpose, body)}`;
}

/**
 * The parsed JSON, or undefined. `maxInflated` bounds what a forged or corrupt field may cost in memory;
 * the caller still validates the value's shape.
 */
export function openField(
  secret: string,
  scope: SealScope,
  now: number,
  token: string,
  maxInflated: number,
): unknown {
  const parts = token.split('.');
  const count = scope.ids.length + 4;
  if (parts.length !== count || parts[0] !== scope.version) return undefined;
  const body = parts.slice(0, count - 1).join('.');
  const expected = Buffer.from(mac(secret, scope.purpose, body));
  const given = Buffer.from(parts[count - 1]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (scope.ids.some((id, i) => Number(parts[i + 1]) !== id)) return undefined;
  const expires = Number.parseInt(parts[count - 3]!, 36);
  if (!Number.isFinite(expires) || now > expires) return undefined;
  try {
    const json = inflateRawSync(Buffer.from(parts[count - 2]!, 'base64url'), {
      maxOutputLength: maxInflated,
    });
    return JSON.parse(json.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
