// Runs inside the seal thread (seal-thread.ts): builds the vault from the key ring it is given and seals
// each batch of signatures it is sent with the function the event loop would use.
import { parentPort, workerData } from 'node:worker_threads';
import { DataVault } from '../security/data-keys.js';
import type { SealReply, SealRequest, SealThreadData } from './seal-thread.js';
import { sealSignatureFields } from './signature-seals.js';

Error.stackTraceLimit = 0;
const { keys, indexKeys } = workerData as SealThreadData;
const vault = new DataVault(keys, indexKeys);
const port = parentPort!;
port.on('message', ({ id, fields }: SealRequest) => {
  let reply: SealReply;
  try {
    reply = { id, sealed: fields.map((f) => sealSignatureFields(vault, f)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
