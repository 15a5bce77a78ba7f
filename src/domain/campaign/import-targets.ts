// Second half of a CSV import: the good rows of a report the editor has seen are saved as targets in one
// transaction (all or none). The rows come back from the browser (signed by the route, so they are the
// rows we judged), and are judged once more here: the rules are cheap and the storage must never hold a
// row they refuse. Rows whose address became a target meanwhile are skipped and counted.
import type { ActorRef, TargetDeps } from './campaign-roster.ports.js';
import { csvLimits } from './target-csv.js';
import { emailKey, type TargetFields, validateTarget } from './target-fields.js';

export type ImportTargetsResult =
  | { status: 'ok'; imported: number; skipped: number }
  | { status: 'not_found' }
  | { status: 'invalid' };

export async function importTargets(
  deps: TargetDeps,
  actor: ActorRef,
  input: { slug: string; rows: TargetFields[] },
): Promise<ImportTargetsResult> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  if (input.rows.length === 0 || input.rows.length > csvLimits.maxRows) return { status: 'invalid' };
  const rows: TargetFields[] = [];
  const seen = new Set<string>();
  for (const row of input.rows) {
    const checked = validateTarget({
      name: row.name,
      organisation: row.organisation ?? '',
      email: row.email,
      locale: row.locale ?? '',
      timeZone: row.timeZone ?? '',
      countries: row.countries.join(' '),
    });
    if (!checked.ok) return { status: 'invalid' };
    const key = emailKey(checked.value.email);
    if (seen.has(key)) return { status: 'invalid' };
    seen.add(key);
    rows.push(checked.value);
  }
  const done = await deps.targets.importTargets(campaign.id, rows, actor, deps.clock.now());
  return { status: 'ok', ...done };
}
