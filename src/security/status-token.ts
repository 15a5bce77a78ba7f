// The unguessable part of a supporter's delivery-status link (`/{locale}/status/{id}.{mac}`): the
// signature's id with a MAC, so the link needs no stored secret and cannot be walked by counting ids.
import { parseSignedId, signedId } from './signed-id.js';

export function statusToken(signatureId: number, secret: string): string {
  return signedId('status', signatureId, secret);
}

/** The signature id, or null when the token was not made by us. */
export function parseStatusToken(token: string, secret: string): number | null {
  return parseSignedId('status', token, secret);
}
