// RFC 6962 hashing and proofs against the published test vectors of the Certificate Transparency
// implementations (the eight leaves and expected roots and proofs of google/certificate-transparency and
// Trillian), plus the partial-tree root an export is verified with.
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyRoot,
  fromHex,
  type Hash,
  inclusionProof,
  leafHash,
  omittedNodes,
  rootFromPartial,
  subtreeRoot,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const inputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => new Uint8Array(Buffer.from(h, 'hex')));
const leaves = inputs.map(leafHash);

const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const hex = (hs: Hash[]) => hs.map(toHex);
const h = (text: string) => fromHex(text)!;

describe('RFC 6962 Merkle tree', () => {
  it('has the empty root and the known roots of trees of 1 to 8 leaves', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) expect(toHex(subtreeRoot(leaves.slice(0, n)))).toBe(roots[n - 1]);
  });

  const inclusion: [number, number, string[]][] = [
    [
      0,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      5,
      8,
      [
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
    [
      1,
      5,
      [
        '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
  ];
  it.each(inclusion)(
    'audit path of leaf %i in a tree of %i matches the vector and verifies',
    (m, n, path) => {
      const tree = leaves.slice(0, n);
      expect(hex(inclusionProof(tree, m))).toEqual(path);
      const root = h(roots[n - 1]!);
      expect(verifyInclusion(leaves[m]!, m, n, path.map(h), root)).toBe(true);
      expect(verifyInclusion(leaves[(m + 1) % n]!, m, n, path.map(h), root)).toBe(false);
      expect(verifyInclusion(leaves[m]!, m, n, path.slice(0, -1).map(h), root)).toBe(false);
    },
  );

  const consistency: [number, number, string[]][] = [
    [1, 1, []],
    [
      1,
      8,
      [
        '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
      ],
    ],
    [
      6,
      8,
      [
        '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
        'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
        'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      ],
    ],
    [
      2,
      5,
      [
        '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
        'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      ],
    ],
  ];
  it.each(consistency)(
    'consistency proof from %i to %i leaves matches the vector and verifies',
    (m, n, path) => {
      expect(hex(consistencyProof(leaves.slice(0, n), m))).toEqual(path);
      const [r1, r2] = [h(roots[m - 1]!), h(roots[n - 1]!)];
      expect(verifyConsistency(m, n, path.map(h), r1, r2)).toBe(true);
      if (m < n) {
        expect(verifyConsistency(m, n, path.map(h), r2, r2)).toBe(false);
        expect(verifyConsistency(m, n, path.slice(1).map(h), r1, r2)).toBe(false);
      }
    },
  );

  it('checks every inclusion and consistency proof of trees up to 40 leaves', () => {
    const many = Array.from({ length: 40 }, (_, i) => leafHash(Uint8Array.of(i, i >> 8)));
    for (let n = 1; n <= many.length; n++) {
      const tree = many.slice(0, n);
      const root = subtreeRoot(tree);
      for (let m = 0; m < n; m++)
        expect(verifyInclusion(tree[m]!, m, n, inclusionProof(tree, m), root)).toBe(true);
      for (let m = 1; m <= n; m++) {
        const old = subtreeRoot(tree.slice(0, m));
        expect(verifyConsistency(m, n, consistencyProof(tree, m), old, root)).toBe(true);
      }
    }
  });

  it('recomputes the root from the shown leaves and the omitted subtrees, and not from altered ones', () => {
    const many = Array.from({ length: 37 }, (_, i) => leafHash(Uint8Array.of(i)));
    const root = subtreeRoot(many);
    for (const shown of [() => true, () => false, (i: number) => i % 3 !== 0, (i: number) => i === 20]) {
      const nodes = omittedNodes(many, shown);
      const visible = new Map(many.flatMap((leaf, i) => (shown(i) ? [[i, leaf] as const] : [])));
      expect(toHex(rootFromPartial(many.length, visible, nodes)!)).toBe(toHex(root));
      if (visible.size > 0) {
        const [first] = visible.keys();
        const altered = new Map(visible).set(first!, leafHash(Uint8Array.of(99)));
        expect(toHex(rootFromPartial(many.length, altered, nodes)!)).not.toBe(toHex(root));
      }
      expect(rootFromPartial(many.length, visible, [...nodes, root])).toBeUndefined();
    }
    expect(omittedNodes(many, (i) => i !== 5)).toHaveLength(1);
  });
});
