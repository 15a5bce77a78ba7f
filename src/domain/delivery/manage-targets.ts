// What editors do when delivery needs a human: pause or resume one target, give a bounced target a new
// address (its held messages then go there), resume a destination domain that blocked us once the block
// is lifted, and decide to resend messages whose outcome is unknown. Each is one audited change.
import { parseEmail } from '../signature/email-address.js';
import type { ActorRef, DeliveryAdmin } from './delivery.ports.js';

export type DeliveryChangeResult =
  | { status: 'ok'; count?: number }
  | { status: 'not_found' }
  | { status: 'invalid_email' };

export interface ManageDeps {
  delivery: DeliveryAdmin;
  clock: { now(): number };
}

export async function setTargetPaused(
  deps: ManageDeps,
  actor: ActorRef,
  input: { campaignId: number; targetId: number; paused: boolean },
): Promise<DeliveryChangeResult> {
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
  actor: ActorRef,
  input: { campaignId: number; targetId: number; email: string },
): Promise<DeliveryChangeResult> {
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

export async function resumeDomain(
  deps: ManageDeps,
  actor: ActorRef,
  domain: string,
): Promise<DeliveryChangeResult> {
  const ok = await deps.delivery.resumeDomain(domain.toLowerCase(), actor, deps.clock.now());
  return ok ? { status: 'ok' } : { status: 'not_found' };
}

export async function resendUnknown(
  deps: ManageDeps,
  actor: ActorRef,
  input: { campaignId: number; targetId: number },
): Promise<DeliveryChangeResult> {
  const count = await deps.delivery.resendUnknown(input.campaignId, input.targetId, actor, deps.clock.now());
  return { status: 'ok', count };
}
