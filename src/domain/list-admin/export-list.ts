// A language list as CSV for editors with supporters:export: who is subscribed, with the consent that put
// them there, so the list can be handed over or checked. Cells that a spreadsheet would run as a formula are
// neutralised (petition/csv.ts); rows come batch by batch, so a 75,000-person list never sits in memory.
// Every export is audited before the first byte goes out.

import { csvLine, utf8Bom } from '../petition/csv.js';
import type { Clock } from '../shared/clock.js';
import type { ListAdminStore } from './list-admin.ports.js';

export const listExportColumns = ['email', 'name', 'country', 'joined_at', 'source', 'consent_text'] as const;

export async function* listCsv(lists: ListAdminStore, locale: string): AsyncGenerator<string> {
  yield utf8Bom + csvLine(listExportColumns);
  for await (const batch of lists.members(locale)) {
    let chunk = '';
    for (const m of batch) {
      chunk += csvLine([
        m.email,
        m.name,
        m.country,
        m.joinedAt === null ? null : new Date(m.joinedAt).toISOString(),
        m.source,
        m.consentText,
      ]);
    }
    yield chunk;
  }
}

/** Audits the export, then hands back the file as text chunks. */
export async function exportList(
  deps: { lists: ListAdminStore; clock: Clock },
  input: { locale: string; actor: { id: number; email: string } },
): Promise<AsyncGenerator<string>> {
  await deps.lists.record({
    actor: input.actor,
    action: 'list.exported',
    entityType: 'list',
    entityId: input.locale,
    now: deps.clock.now(),
  });
  return listCsv(deps.lists, input.locale);
}
