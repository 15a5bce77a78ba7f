// GET /api/campaigns/{slug}/signature-log: a campaign's published tree heads as JSON (newest first, at most
// 100), with the site's Ed25519 public key, so anyone can keep copies of the heads and check an export or a
// dossier without trusting this site later; `?from=N` adds the RFC 6962 consistency proof from the head of N
// signatures to the newest, which shows the log only ever grew (decision 0031).
import type { KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { slugPattern } from '../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../domain/campaign/campaign.ports.js';
import { consistencyProof, toHex } from '../../domain/signature-log/merkle.js';
import type { SignatureLogStore } from '../../domain/signature-log/signature-log.ports.js';
import type { SignedTreeHead } from '../../domain/signature-log/tree-head.js';

export interface SignatureLogApiDeps {
  campaigns: CampaignReader;
  log: Pick<SignatureLogStore, 'heads' | 'leaves'>;
  /** The public half of the heads' signing key, base64 SPKI DER. */
  publicKey: { key: KeyObject; spki: string };
}

const headJson = (h: SignedTreeHead) => ({
  treeSize: h.size,
  rootHash: toHex(h.root),
  timestamp: new Date(h.timestamp).toISOString(),
  signature: Buffer.from(h.signature).toString('hex'),
});

export function signatureLogApiRoutes(app: FastifyInstance, deps: SignatureLogApiDeps): void {
  app.get('/api/campaigns/:slug/signature-log', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const campaign = slugPattern.test(slug) ? await deps.campaigns.findBySlug(slug) : undefined;
    if (!campaign || (campaign.status !== 'live' && campaign.status !== 'closed')) {
      return reply.code(404).send({ error: 'notFound' });
    }
    const heads = await deps.log.heads(campaign.id, 100);
    const from = (req.query as { from?: unknown }).from;
    let consistency: { from: number; to: number; proof: string[] } | undefined;
    if (from !== undefined) {
      const m = typeof from === 'string' && /^[1-9]\d{0,11}$/.test(from) ? Number(from) : 0;
      const newest = heads[0];
      if (!newest || m < 1 || m > newest.size) return reply.code(400).send({ error: 'badFrom' });
      const leaves = await deps.log.leaves(campaign.id, newest.size);
      consistency = { from: m, to: newest.size, proof: consistencyProof(leaves, m).map(toHex) };
    }
    return reply.header('cache-control', 'no-cache').send({
      campaign: campaign.slug,
      campaignId: campaign.id,
      algorithm: 'Ed25519',
      publicKey: deps.publicKey.spki,
      signedMessage: 'outcry-tree-head/1\\n{campaignId}\\n{treeSize}\\n{timestamp in ms}\\n{rootHash}\\n',
      heads: heads.map(headJson),
      ...(consistency ? { consistency } : {}),
    });
  });
}
