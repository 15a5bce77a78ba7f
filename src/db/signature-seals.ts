// The personal fields of one signature, sealed for the SQLite signing batch (signature.sqlite-batch.ts):
// three for the supporter row, three for the signature row and the two blind indexes, each sealed with its
// column as associated data (decision 0023).
import type { DataVault } from '../security/data-keys.js';

/** What a signature brings that must be sealed or indexed. */
export interface SignatureFields {
  email: string;
  canonical: string;
  name: string;
  union: string | null;
  message: string;
}

export interface SealedSignatureFields {
  supporterEmail: string;
  emailIndex: string;
  domainIndex: string;
  supporterName: string;
  supporterUnion: string | null;
  signatureName: string;
  signatureUnion: string | null;
  message: string;
}

export function sealSignatureFields(v: DataVault, f: SignatureFields): SealedSignatureFields {
  return {
    supporterEmail: v.seal('supporters.email', f.email),
    emailIndex: v.index(f.canonical),
    domainIndex: v.domainIndex(f.email),
    supporterName: v.seal('supporters.name', f.name),
    supporterUnion: f.union === null ? null : v.seal('supporters.union_name', f.union),
    signatureName: v.seal('signatures.name', f.name),
    signatureUnion: f.union === null ? null : v.seal('signatures.union_name', f.union),
    message: v.seal('signatures.message', f.message),
  };
}
