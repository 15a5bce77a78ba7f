// What the signature log's use cases need from storage (db/signature-log.repository.ts implements it).
import type { Hash } from './merkle.js';
import type { SignatureRecord } from './signature-record.js';
import type { SignedTreeHead } from './tree-head.js';

/** A counted signature not yet in its campaign's log. */
export interface PendingSignature {
  signatureId: number;
  record: SignatureRecord;
  /** False once the person's data is gone (erasure, retention): the leaf is made, its salt not kept. */
  personal: boolean;
}

export interface NewLogEntry {
  signatureId: number;
  leaf: Hash;
  /** Null when the record held no personal data any more: nothing to keep a salt for. */
  salt: Uint8Array | null;
}

export interface SignatureLogStore {
  /** Campaigns that may have counted signatures not yet logged: live ones and those closed lately. */
  campaignsToLog(now: number): Promise<number[]>;
  /**
   * In one transaction: reads up to `limit` counted signatures of the campaign not yet in its log, oldest
   * first by (confirmed_at, id), lets `leaves` turn them into entries and appends these after the last
   * one. Returns how many were appended.
   */
  appendPending(
    campaignId: number,
    limit: number,
    leaves: (pending: PendingSignature[]) => NewLogEntry[],
  ): Promise<number>;
  /** Every leaf hash of the campaign's log in order, the first `size` when given. */
  leaves(campaignId: number, size?: number): Promise<Hash[]>;
  latestHead(campaignId: number): Promise<SignedTreeHead | undefined>;
  /** The newest heads first. */
  heads(campaignId: number, limit: number): Promise<SignedTreeHead[]>;
  /** Whether this exact head (size and root) was published for the campaign. */
  findHead(campaignId: number, size: number, root: Hash): Promise<SignedTreeHead | undefined>;
  saveHead(head: SignedTreeHead): Promise<void>;
}
