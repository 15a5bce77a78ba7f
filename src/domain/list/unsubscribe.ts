// Leaving: every list at once (the one-click link in a mailing, RFC 8058, or the preferences page's
// "unsubscribe from everything"), or one list from the preferences page. The consent that put the person
// on each list is marked withdrawn with how it happened. Leaving twice is harmless.
import type { Clock } from '../shared/clock.js';
import type { ListStore } from './list.ports.js';

/** How a person left: kept on the consent record (`consents.withdrawn_via`). */
export type LeaveVia = 'one-click' | 'preferences';

export async function unsubscribe(
  deps: { lists: Pick<ListStore, 'leave'>; clock: Clock },
  input: { supporterId: number; locale?: string; via: LeaveVia },
): Promise<number> {
  return deps.lists.leave({
    supporterId: input.supporterId,
    ...(input.locale === undefined ? {} : { locale: input.locale }),
    via: input.via,
    now: deps.clock.now(),
  });
}
