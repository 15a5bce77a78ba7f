// First half of a CSV import: the file (or pasted text) judged row by row against the campaign's current
// addresses. Nothing is saved; the editor sees the report and decides (import-targets.ts saves).
import type { TargetDeps } from './campaign-roster.ports.js';
import { type CsvProblem, type CsvReport, checkTargetCsv, decodeCsv } from './target-csv.js';
import { emailKey } from './target-fields.js';

export type CheckImportResult =
  | { status: 'ok'; report: CsvReport }
  | { status: 'not_found' }
  | { status: 'problem'; problem: CsvProblem };

export async function checkTargetImport(
  deps: Pick<TargetDeps, 'targets'>,
  input: { slug: string; csv: { text: string } | { bytes: Uint8Array; truncated: boolean } },
): Promise<CheckImportResult> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  let text: string;
  if ('text' in input.csv) {
    text = input.csv.text;
  } else {
    const decoded = decodeCsv(input.csv.bytes, input.csv.truncated);
    if (!decoded.ok) return { status: 'problem', problem: decoded.problem };
    text = decoded.text;
  }
  const existing = new Set((await deps.targets.targets(campaign.id)).map((t) => emailKey(t.email)));
  const checked = checkTargetCsv(text, existing);
  return checked.ok
    ? { status: 'ok', report: checked.report }
    : { status: 'problem', problem: checked.problem };
}
