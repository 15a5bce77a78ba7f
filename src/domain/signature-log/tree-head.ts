// A campaign log's signed tree head (RFC 6962 section 3.5, in our own byte format): the number of
// signatures in the log, the Merkle root over them, and when, signed with the site's Ed25519 key so that a
// head copied into an export, a dossier or a screenshot can be checked against the key the site publishes.
import { type KeyObject, sign, verify } from 'node:crypto';
import { type Hash, toHex } from './merkle.js';

export interface TreeHead {
  campaignId: number;
  size: number;
  root: Hash;
  /** Epoch ms when the head was signed. */
  timestamp: number;
}

export interface SignedTreeHead extends TreeHead {
  /** Ed25519 over `headMessage`. */
  signature: Uint8Array;
}

/** The bytes a head's signature covers: a version line, then one value per line. */
export function headMessage(head: TreeHead): Uint8Array {
  return new TextEncoder().encode(
    `outcry-tree-head/1\n${head.campaignId}\n${head.size}\n${head.timestamp}\n${toHex(head.root)}\n`,
  );
}

export function signHead(head: TreeHead, key: KeyObject): SignedTreeHead {
  return { ...head, signature: new Uint8Array(sign(null, headMessage(head), key)) };
}

export function headSignatureValid(head: SignedTreeHead, publicKey: KeyObject): boolean {
  try {
    return verify(null, headMessage(head), publicKey, head.signature);
  } catch {
    return false;
  }
}
