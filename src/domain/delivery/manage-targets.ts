// What editors do when delivery needs a human: pause or resume one target, give a bounced target a new
// address (its held messages then go there), resume a destination domain that blocked us once the block
// is lifted, and decide to resend messages whose outcome is unknown. Each is one audited change.
import { parseEmail } from '../signature/email-address.js';
import type { Actor, DeliveryAdmin } from './delivery.ports.js';

export type ManageResult =
  | { status: 'ok'; count?: number }
  | { status: 'not_found' }
  | { status: 'invalid_email' };

export interface ManageDeps {
  delivery: DeliveryAdmin;
  clock: { now(): number };
}

export async function setTargetPaused(
  deps: ManageDeps,
  actor: Actor,
  input: { campaignId: number; targetId: number; paused: boolean },
): Promise<ManageResult> {
  const ok = await deps.delivery.setTargetPaused(
    input.campaignId,
    input.targetId,
    input.paused,
    actor,
    deps.clock.now(),
  );
  return ok ? { status: 'ok' } : { status: 'not_found' };
}

export async function replaceTargetAddress(
  deps: ManageDeps,
  actor: Actor,
  input: { campaignId: number; targetId: number; email: string },
): Promise<ManageResult> {
  const parsed = parseEmail(input.email);
  if (!parsed.ok) return { status: 'invalid_email' };
  const done = await deps.delivery.replaceTargetAddress(
    input.campaignId,
    input.targetId,
    parsed.email.address,
    actor,
    deps.clock.now(),
  );
  return done ? { status: 'ok', count: done.released } : { status: 'not_found' };
}

export async function resumeDomain(deps: ManageDeps, actor: Actor, domain: string): Promise<ManageResult> {
  const ok = await deps.delivery.resumeDomain(domain.toLowerCase(), actor, deps.clock.now());
  return ok ? { status: 'ok' } : { status: 'not_found' };
}

export async function resendUnknown(
  deps: ManageDeps,
  actor: Actor,
  input: { campaignId: number; targetId: number },
): Promise<ManageResult> {
  const count = await deps.delivery.resendUnknown(input.campaignId, input.targetId, actor, deps.clock.now());
  return { status: 'ok', count };
}
