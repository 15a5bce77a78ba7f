// An editor downloads one supporter's data to answer a request received by post or email: the download is
// audited (who, whom, when; never the data), then the data is handed over as the supporter would get it.
import type { Clock } from '../shared/clock.js';
import type { MyData, PrivacyStore } from './privacy.ports.js';

export async function exportSupporter(
  deps: { privacy: Pick<PrivacyStore, 'data' | 'recordExport'>; clock: Clock },
  req: { supporterId: number; actor: { id: number; email: string } },
): Promise<MyData | undefined> {
  const data = await deps.privacy.data(req.supporterId);
  if (!data) return undefined;
  await deps.privacy.recordExport(req.supporterId, req.actor, deps.clock.now());
  return data;
}
