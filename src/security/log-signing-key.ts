// The key that signs the signature logs' tree heads (docs/decisions/0031-signature-log.md): LOG_SIGNING_KEY
// in production (the configuration refuses to start without it); outside production a key derived from
// APP_SECRET, so the demo's heads keep verifying across restarts without a key file to manage.
import { createHmac, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export function logSigningKey(config: {
  LOG_SIGNING_KEY?: string | undefined;
  APP_SECRET: string;
}): KeyObject {
  if (config.LOG_SIGNING_KEY) return createPrivateKey(config.LOG_SIGNING_KEY);
  const seed = createHmac('sha256', config.APP_SECRET).update('outcry-signature-log-key').digest();
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** The public half as published (base64 of the SPKI DER, the form `openssl pkey -pubout` wraps in PEM). */
export function publishedKey(key: KeyObject): { key: KeyObject; spki: string } {
  const pub = createPublicKey(key);
  return { key: pub, spki: pub.export({ format: 'der', type: 'spki' }).toString('base64') };
}
