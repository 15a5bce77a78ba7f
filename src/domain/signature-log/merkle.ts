// The Merkle tree of RFC 6962 (Certificate Transparency, section 2.1), over a campaign's signature log
// (docs/decisions/0031-signature-log.md): leaf and node hashes with their 0x00 / 0x01 prefixes, the tree
// head's root, audit (inclusion) and consistency proofs with their checks (the algorithms of RFC 9162,
// 2.1.3.2 and 2.1.4.2), and the root of a tree from which some leaves were left out: an export carries the
// leaves it shows and, for every maximal subtree it does not, that subtree's hash (`omittedNodes`).
import { createHash } from 'node:crypto';

export type Hash = Uint8Array;

const sha256 = (...parts: Uint8Array[]): Hash => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

export const leafHash = (data: Uint8Array): Hash => sha256(Uint8Array.of(0), data);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(Uint8Array.of(1), left, right);
/** The root of the empty tree: the hash of nothing. */
export const emptyRoot = (): Hash => sha256();

/** The largest power of two smaller than n (n > 1): where RFC 6962 splits a tree. */
export function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[lo:hi]) over leaf hashes. Recursion depth is log2(n). */
export function subtreeRoot(leaves: readonly Hash[], lo = 0, hi = leaves.length): Hash {
  const n = hi - lo;
  if (n === 0) return emptyRoot();
  if (n === 1) return leaves[lo]!;
  const k = split(n);
  return nodeHash(subtreeRoot(leaves, lo, lo + k), subtreeRoot(leaves, lo + k, hi));
}

/** PATH(m, D[n]): the audit path of leaf m, bottom first. */
export function inclusionProof(leaves: readonly Hash[], m: number, lo = 0, hi = leaves.length): Hash[] {
  const n = hi - lo;
  if (m < 0 || m >= n) throw new RangeError('leaf index outside the tree');
  if (n === 1) return [];
  const k = split(n);
  return m < k
    ? [...inclusionProof(leaves, m, lo, lo + k), subtreeRoot(leaves, lo + k, hi)]
    : [...inclusionProof(leaves, m - k, lo + k, hi), subtreeRoot(leaves, lo, lo + k)];
}

/** PROOF(m, D[n]): that the tree of the first m leaves is a prefix of the tree of all n. */
export function consistencyProof(leaves: readonly Hash[], m: number): Hash[] {
  const n = leaves.length;
  if (m < 1 || m > n) throw new RangeError('old size outside the tree');
  const sub = (m: number, lo: number, hi: number, complete: boolean): Hash[] => {
    const n = hi - lo;
    if (m === n) return complete ? [] : [subtreeRoot(leaves, lo, hi)];
    const k = split(n);
    return m <= k
      ? [...sub(m, lo, lo + k, complete), subtreeRoot(leaves, lo + k, hi)]
      : [...sub(m - k, lo + k, hi, false), subtreeRoot(leaves, lo, lo + k)];
  };
  return sub(m, 0, n, true);
}

export const sameHash = (a: Hash, b: Hash): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** RFC 9162's "right-shift both fn and sn by one": the two node numbers, one level up the tree. */
const up = (fn: number, sn: number): [number, number] => [Math.floor(fn / 2), Math.floor(sn / 2)];

/** RFC 9162 2.1.3.2: does `proof` place `leaf` at `index` in the tree of `size` with `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash) {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = up(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = up(fn, sn);
  }
  return sn === 0 && sameHash(r, root);
}

/** RFC 9162 2.1.4.2: does `proof` show the tree (size1, root1) to be a prefix of (size2, root2)? */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (size1 < 1 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && sameHash(root1, root2);
  if (proof.length === 0) return false;
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = up(fn, sn);
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = up(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = up(fn, sn);
  }
  return sn === 0 && sameHash(fr, root1) && sameHash(sr, root2);
}

/** Prefix counts of shown leaves, so "does [lo, hi) hold any shown leaf" is one subtraction. */
function shownCounts(size: number, shown: (i: number) => boolean): Uint32Array {
  const counts = new Uint32Array(size + 1);
  for (let i = 0; i < size; i++) counts[i + 1] = counts[i]! + (shown(i) ? 1 : 0);
  return counts;
}

/**
 * The hashes an export carries for what it leaves out: walking the tree depth first, left to right, each
 * maximal subtree none of whose leaves is shown contributes its root. With a few signers left out that is a
 * few hashes; a file filtered to one country carries about one per signer left out.
 */
export function omittedNodes(leaves: readonly Hash[], shown: (i: number) => boolean): Hash[] {
  const counts = shownCounts(leaves.length, shown);
  const out: Hash[] = [];
  const walk = (lo: number, hi: number) => {
    if (counts[hi] === counts[lo]) {
      out.push(subtreeRoot(leaves, lo, hi));
      return;
    }
    if (hi - lo === 1) return;
    const k = split(hi - lo);
    walk(lo, lo + k);
    walk(lo + k, hi);
  };
  if (leaves.length > 0) walk(0, leaves.length);
  return out;
}

/**
 * The root recomputed from the leaves a file shows (index → leaf hash) and the omitted subtrees' hashes in
 * the order `omittedNodes` wrote them; undefined when the nodes do not fit the tree's shape.
 */
export function rootFromPartial(
  size: number,
  shownLeaves: ReadonlyMap<number, Hash>,
  nodes: readonly Hash[],
): Hash | undefined {
  if (size === 0) return shownLeaves.size === 0 && nodes.length === 0 ? emptyRoot() : undefined;
  const counts = shownCounts(size, (i) => shownLeaves.has(i));
  let next = 0;
  const walk = (lo: number, hi: number): Hash | undefined => {
    if (counts[hi] === counts[lo]) return nodes[next++];
    if (hi - lo === 1) return shownLeaves.get(lo);
    const k = split(hi - lo);
    const left = walk(lo, lo + k);
    const right = left && walk(lo + k, hi);
    return left && right ? nodeHash(left, right) : undefined;
  };
  const root = walk(0, size);
  return next === nodes.length ? root : undefined;
}

export const toHex = (h: Hash): string => Buffer.from(h).toString('hex');
export const fromHex = (text: string): Hash | undefined =>
  /^[0-9a-f]{64}$/.test(text) ? new Uint8Array(Buffer.from(text, 'hex')) : undefined;
