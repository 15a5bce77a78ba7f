// The site data keys and what is done with them (decision 0023): personal fields sealed with
// XChaCha20-Poly1305 from libsodium (a random 192-bit nonce per value, the key id and a format version
// stored with the value, the column as associated data; values of the first format, AES-256-GCM, still
// open) and the blind index (HMAC-SHA-256 of a canonical address) that dedupe and lookups use
// instead of the address. The keys never touch the database: DATA_KEY / DATA_KEY_FILE, or the public
// development key outside production; INDEX_KEY / INDEX_KEY_FILE names the index key apart (decision 0033).
import {
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import sodium from 'sodium-native';

/**
 * The format written in front of every new sealed value: XChaCha20-Poly1305 (one libsodium call, about a
 * third of what Node's AES-256-GCM cipher object costs for a name; decision 0023, "second format").
 */
const version = 'e2';
const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const tagBytes = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;
/** The first format (AES-256-GCM, 96-bit nonce): still opened, never written; rotation moves it to e2. */
const gcmVersion = 'e1';
const gcmNonceBytes = 12;
const gcmTagBytes = 16;
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** One configured key: its id (stored with each value it sealed) and its HKDF subkeys. */
export interface DataKey {
  readonly id: string;
  /** The XChaCha20-Poly1305 key of format e2. */
  readonly seal: Buffer;
  /** The AES-256-GCM key of format e1 (opening only). */
  readonly gcm: KeyObject;
  readonly index: KeyObject;
}

export class DataKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

/**
 * The development key: written here, so it is public. The demo, development and the tests run on it;
 * production refuses it (config.ts).
 */
export const developmentDataKey = createHash('sha256').update('outcry development data key').digest('base64');

function subkeyBytes(root: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), info, 32));
}

// KeyObjects, not Buffers, for Node's ciphers and HMACs: Node imports a Buffer key on every one it makes.
function subkey(root: Buffer, info: string): KeyObject {
  return createSecretKey(subkeyBytes(root, info));
}

/** Random nonces drawn from libsodium's CSPRNG in blocks (one call per 512 values, not one per value). */
const noncePool = Buffer.alloc(nonceBytes * 512);
let noncePoolUsed = noncePool.length;
function writeNonce(into: Buffer): void {
  if (noncePoolUsed === noncePool.length) {
    sodium.randombytes_buf(noncePool);
    noncePoolUsed = 0;
  }
  noncePool.copy(into, 0, noncePoolUsed, noncePoolUsed + nonceBytes);
  noncePoolUsed += nonceBytes;
}

function fingerprint(root: Buffer): string {
  return `k${createHash('sha256').update(root).digest('hex').slice(0, 8)}`;
}

/**
 * Parses `DATA_KEY`: one or more keys separated by commas, spaces or new lines, newest first. Each is the
 * base64 of 32 random bytes, optionally prefixed by an id (`2026a:base64…`); without one, the id is a
 * fingerprint of the key. The first key seals new values; the others only open what they sealed. Unless
 * INDEX_KEY is set, the last (oldest) key also roots the blind index (decisions 0023, 0033).
 */
export function parseDataKeys(text: string): DataKey[] {
  const entries = text.split(/[\s,]+/).filter((e) => e.length > 0);
  if (entries.length === 0) throw new DataKeyError('no key given');
  const keys: DataKey[] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const encoded = colon === -1 ? entry : entry.slice(colon + 1);
    const root = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/]{43}=?$/.test(encoded) || root.length !== 32) {
      throw new DataKeyError('each key must be the base64 of 32 bytes (use: openssl rand -base64 32)');
    }
    const id = colon === -1 ? fingerprint(root) : entry.slice(0, colon);
    if (!keyIdPattern.test(id)) throw new DataKeyError(`key id "${id}": letters, digits, - and _ only`);
    if (keys.some((k) => k.id === id)) throw new DataKeyError(`key id "${id}" is given twice`);
    keys.push({
      id,
      seal: subkeyBytes(root, 'outcry field encryption v2'),
      gcm: subkey(root, 'outcry field encryption v1'),
      index: subkey(root, 'outcry blind index v1'),
    });
  }
  return keys;
}

/** A sealed value: `e2.<key id>.<base64url of nonce ‖ ciphertext ‖ tag>` (or the same with `e1.`). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${version}.`) || value.startsWith(`${gcmVersion}.`);
}

/** An index key: its id (named in `outcry keys reindex`'s output) and its HMAC key. */
export interface IndexKey {
  readonly id: string;
  readonly key: KeyObject;
}

/**
 * The index keys a process looks people up with. `INDEX_KEY` (same format as DATA_KEY, newest first)
 * names them; unset, the one index key is derived from the last data key, as before decision 0033. The
 * first roots every index written; the others are only consulted while `outcry keys reindex` moves the
 * stored indexes to the first.
 */
function indexKeysOf(dataKeys: readonly DataKey[], indexText: string | undefined): IndexKey[] {
  if (indexText !== undefined && indexText.trim() !== '') {
    return parseDataKeys(indexText).map((k) => ({ id: k.id, key: k.index }));
  }
  const last = dataKeys[dataKeys.length - 1];
  if (!last) throw new DataKeyError('no key given');
  return [{ id: last.id, key: last.index }];
}

/** The key ring a process runs on. */
export class DataVault {
  private readonly current: DataKey;
  private readonly byId: Map<string, DataKey>;
  private readonly indexKey: KeyObject;
  private readonly indexKeys: readonly IndexKey[];

  constructor(keys: readonly DataKey[], indexKeys?: readonly IndexKey[]) {
    const first = keys[0];
    if (!first) throw new DataKeyError('no key given');
    this.current = first;
    this.byId = new Map(keys.map((k) => [k.id, k]));
    this.indexKeys = indexKeys && indexKeys.length > 0 ? indexKeys : indexKeysOf(keys, undefined);
    this.indexKey = (this.indexKeys[0] as IndexKey).key;
  }

  /** `dataKeys` is DATA_KEY; `indexKeys` is INDEX_KEY, when set (decision 0033). */
  static fromText(dataKeys: string, indexKeys?: string): DataVault {
    const keys = parseDataKeys(dataKeys);
    return new DataVault(keys, indexKeysOf(keys, indexKeys));
  }

  /** The id of the key every blind index is written under. */
  get indexKeyId(): string {
    return (this.indexKeys[0] as IndexKey).id;
  }

  /** Whether earlier index keys are configured: a reindex is under way (lookups consult them too). */
  get reindexing(): boolean {
    return this.indexKeys.length > 1;
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /**
   * Seals one value of `column` (`table.column`, the associated data: a value moved to another column
   * does not open). Empty strings stay empty: they say nothing, and erasure and checks compare with ''.
   */
  seal(column: string, value: string): string {
    if (value === '') return value;
    const plain = Buffer.from(value, 'utf8');
    const body = Buffer.allocUnsafe(nonceBytes + plain.length + tagBytes);
    writeNonce(body);
    const nonce = body.subarray(0, nonceBytes);
    const ad = this.associatedData(this.current.id, column);
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      body.subarray(nonceBytes),
      plain,
      ad,
      null,
      nonce,
      this.current.seal,
    );
    return `${version}.${this.current.id}.${body.toString('base64url')}`;
  }

  /** `<format>.<key id>.<column>`, made once per key and column (a handful) rather than per value. */
  private associatedData(keyId: string, column: string, format = version): Buffer {
    const name = `${format}.${keyId}.${column}`;
    let ad = this.adCache.get(name);
    if (!ad) {
      ad = Buffer.from(name, 'utf8');
      this.adCache.set(name, ad);
    }
    return ad;
  }

  private readonly adCache = new Map<string, Buffer>();

  /**
   * Opens a value of `column`. A value that is not sealed (written before 0017 by plain SQL, or empty) is
   * returned as it is; a sealed one that does not open (wrong column, unknown key, tampered) throws.
   */
  open(column: string, value: string): string {
    if (!isSealed(value)) return value;
    const format = value.slice(0, 2);
    const second = value.indexOf('.', format.length + 1);
    if (second === -1) throw new DataKeyError(`${column}: malformed sealed value`);
    const keyId = value.slice(format.length + 1, second);
    const key = this.byId.get(keyId);
    if (!key) throw new DataKeyError(`${column}: sealed with key "${keyId}", which is not configured`);
    const body = Buffer.from(value.slice(second + 1), 'base64url');
    return format === version ? this.openXChaCha(column, key, body) : this.openGcm(column, key, body);
  }

  private openXChaCha(column: string, key: DataKey, body: Buffer): string {
    if (body.length < nonceBytes + tagBytes) throw new DataKeyError(`${column}: malformed sealed value`);
    const plain = Buffer.allocUnsafe(body.length - nonceBytes - tagBytes);
    try {
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        plain,
        null,
        body.subarray(nonceBytes),
        this.associatedData(key.id, column),
        body.subarray(0, nonceBytes),
        key.seal,
      );
    } catch {
      throw new DataKeyError(`${column}: a sealed value does not open (wrong column, key or tampered)`);
    }
    return plain.toString('utf8');
  }

  private openGcm(column: string, key: DataKey, body: Buffer): string {
    if (body.length < gcmNonceBytes + gcmTagBytes)
      throw new DataKeyError(`${column}: malformed sealed value`);
    const decipher = createDecipheriv('aes-256-gcm', key.gcm, body.subarray(0, gcmNonceBytes));
    decipher.setAAD(this.associatedData(key.id, column, gcmVersion));
    decipher.setAuthTag(body.subarray(body.length - gcmTagBytes));
    try {
      return Buffer.concat([
        decipher.update(body.subarray(gcmNonceBytes, body.length - gcmTagBytes)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new DataKeyError(`${column}: a sealed value does not open (wrong column, key or tampered)`);
    }
  }

  /** Whether a stored value is sealed with the current key (what `outcry keys rotate` looks for). */
  isCurrent(value: string): boolean {
    return value === '' || value.startsWith(`${version}.${this.current.id}.`);
  }

  /**
   * The blind index of an address's domain (as typed, lower case): what pausing a destination domain
   * matches supporters by. It tells which supporters share a domain, not which domain.
   */
  domainIndex(address: string): string {
    return domainIndexOf(this.indexKey, address);
  }

  /** The blind index of a canonical address: equal addresses give equal indexes; nothing else is learnt. */
  index(canonical: string): string {
    return addressIndex(this.indexKey, canonical);
  }

  /**
   * The address's index under every configured index key, current first: what a lookup matches while a
   * reindex is under way (a row not yet moved still carries an earlier key's index).
   */
  indexes(canonical: string): string[] {
    return this.indexKeys.map((k) => addressIndex(k.key, canonical));
  }

  /** The domain's index under every configured index key, current first (see `indexes`). */
  domainIndexes(address: string): string[] {
    return this.indexKeys.map((k) => domainIndexOf(k.key, address));
  }
}

function addressIndex(key: KeyObject, canonical: string): string {
  return `i1.${createHmac('sha256', key).update(canonical, 'utf8').digest('base64url')}`;
}

function domainIndexOf(key: KeyObject, address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return `d1.${createHmac('sha256', key).update(`domain:${domain}`, 'utf8').digest('base64url')}`;
}

/** The vault the demo, development and tests run on (the public development key). */
export const developmentVault = (): DataVault => DataVault.fromText(developmentDataKey);
