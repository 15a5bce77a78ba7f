// The close-out figures: messages by outcome per address and in total (digests count as sent, everything
// not yet out as waiting), and the removal day of signers' data under the retention setting.
import { describe, expect, it } from 'vitest';
import { deliveryOutcome, deliveryTotals, personalDataRemovedAt } from './close-out.js';

describe('close-out', () => {
  it('counts each address by outcome and adds them up', () => {
    const a = { counts: { sent: 10, digested: 5, bounced: 1, queued: 2, held: 3, sending: 1 } };
    const b = { counts: { sent: 4, unknown: 2, failed: 1, deferred: 6 } };
    expect(deliveryOutcome(a)).toEqual({ sent: 15, bounced: 1, unknown: 0, failed: 0, waiting: 6 });
    expect(deliveryTotals({ targets: [a, b] as never })).toEqual({
      sent: 19,
      bounced: 1,
      unknown: 2,
      failed: 1,
      waiting: 12,
    });
  });

  it('removes personal data the retention months after closing (31-day months, never early)', () => {
    const closed = Date.UTC(2026, 11, 6);
    expect(personalDataRemovedAt(closed, { signerMonths: 24 })).toBe(closed + 24 * 31 * 86_400_000);
    expect(personalDataRemovedAt(closed, { signerMonths: 0 })).toBe(closed);
  });
});
