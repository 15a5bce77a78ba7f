// Recording that another organisation stands behind a request (a federation asked to endorse it, a
// national centre that wrote in). Endorsers become partners of the campaign when the request is approved,
// after the requesting union; the note is for the editors only.
import type { Actor } from '../account/account.js';
import { normaliseLine, normaliseText } from '../signature/text.js';
import type { CampaignRequestStore } from './campaign-request.ports.js';
import type { CampaignRequestActionResult } from './request.js';
import { readWebAddress, requestLimits } from './request-input.js';

export const endorsementLimits = { name: requestLimits.orgName, note: 1_000 } as const;

export type EndorsementField = 'name' | 'url' | 'note';
export type EndorsementError = 'Required' | 'TooLong' | 'InvalidCharacters' | 'UrlInvalid';

export type AddEndorsementResult =
  | CampaignRequestActionResult
  | { status: 'invalid'; errors: Partial<Record<EndorsementField, EndorsementError>> };

export async function addEndorsement(
  deps: { campaignRequests: CampaignRequestStore; clock: { now(): number } },
  actor: Pick<Actor, 'id' | 'email'>,
  input: { requestId: number; name: string; url: string; note: string },
): Promise<AddEndorsementResult> {
  const errors: Partial<Record<EndorsementField, EndorsementError>> = {};
  const name = normaliseLine(input.name, { max: endorsementLimits.name, required: true });
  if (!name.ok) errors.name = name.error;
  const url = readWebAddress(input.url);
  if (!url.ok) errors.url = 'UrlInvalid';
  const note =
    input.note.trim() === '' ? undefined : normaliseText(input.note, { max: endorsementLimits.note });
  if (note && !note.ok) errors.note = note.error;
  if (!name.ok || !url.ok || (note && !note.ok)) return { status: 'invalid', errors };
  const request = await deps.campaignRequests.find(input.requestId);
  if (!request) return { status: 'not_found' };
  const added = await deps.campaignRequests.addEndorsement(
    request.id,
    { name: name.value, url: url.value, note: note?.value ?? null },
    { actor, now: deps.clock.now() },
  );
  return added ? { status: 'ok' } : { status: 'wrong_state', current: request.status };
}
