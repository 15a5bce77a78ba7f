// `outcry verify-export FILE`: checks an editors' CSV export of signers against the tree heads this site
// published for the campaign (domain/signature-log/verify-export.ts, decision 0031) and says, in one or two
// lines, whether every sealed row is as the log recorded it. Exit 0 when the file verifies, 1 otherwise,
// 2 when the file cannot be read. main.ts gives it the services over the configured database.

import type { KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { toHex } from '../domain/signature-log/merkle.js';
import type { SignatureLogStore } from '../domain/signature-log/signature-log.ports.js';
import { type ExportVerdict, maxExportBytes, verifyExport } from '../domain/signature-log/verify-export.js';
import type { WithServices } from './services.js';

export interface VerifyExportIo {
  out(line: string): void;
  err(line: string): void;
}

/** The verdict in the operator's words (the command line speaks English, like the other commands). */
export function describeVerdict(v: ExportVerdict): string {
  if (v.status === 'unreadable') return 'Not an export of signers this site makes (its columns are missing).';
  if (v.status === 'no-head')
    return 'This export carries no tree head: it was made before the campaign had one.';
  const head = `tree head of ${v.head.size} signatures, root ${toHex(v.head.root)}, signed ${new Date(v.head.timestamp).toISOString()}`;
  if (v.status === 'altered') return `ALTERED: the rows do not give the root of the ${head} the file names.`;
  if (v.status === 'unpublished')
    return `NOT PUBLISHED: the ${head} is not one this site signed and published.`;
  return [
    `VERIFIED: ${v.rows} rows match the published ${head} of campaign ${v.slug}.`,
    `${v.notShown} signatures of that head are not in this file (hidden, erased or filtered out); ${v.uncovered} rows carry no seal and are not covered.`,
  ].join('\n');
}

export async function runVerifyExport(
  args: string[],
  io: VerifyExportIo,
  withServices: WithServices<{ signatureLog: SignatureLogStore }>,
  publicKey: KeyObject,
): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) {
    io.err('Usage: outcry verify-export FILE');
    return 2;
  }
  let text: string;
  try {
    if ((await stat(file)).size > maxExportBytes) {
      io.err(`${file}: larger than ${maxExportBytes / 1024 / 1024} MB, not an export of one campaign`);
      return 2;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return 2;
  }
  return withServices(
    async ({ signatureLog }) => {
      const verdict = await verifyExport(text, { heads: signatureLog, publicKey });
      io.out(describeVerdict(verdict));
      return verdict.status === 'verified' ? 0 : 1;
    },
    (pending) => {
      io.err(`The database has pending migrations (${pending.join(', ')}): run \`outcry migrate\` first.`);
      return 2;
    },
  );
}
