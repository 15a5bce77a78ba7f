// The payload every task reads first: what parses comes back as the kind's payload, what does not makes the
// job dead at once with a reason that names the kind and nothing of the payload itself.
import { describe, expect, it } from 'vitest';
import { payloadOf } from './job-payload.js';
import { jobKinds } from './kinds.js';
import { PermanentJobError } from './worker.js';

describe('payloadOf', () => {
  it("returns a payload of the kind's shape, unknown keys stripped", () => {
    expect(payloadOf(jobKinds.buildDossier, { dossierId: 7, status: 'done' })).toEqual({ dossierId: 7 });
  });

  it('refuses a payload of another shape with a permanent error naming the kind, not the payload', () => {
    const read = () => payloadOf(jobKinds.sendDeliveryAlert, { alertId: 'ed@example.org' });
    expect(read).toThrow(PermanentJobError);
    expect(read).toThrow('invalid send-delivery-alert payload');
    expect(read).not.toThrow(/example\.org/);
  });
});
