// "Resume mail to <domain>" on a mailing's report: a receiving domain that refused the mailing by policy was
// paused (decision 0020) and its recipients wait; once the block is lifted an editor resumes it here. The
// pause is the domain's, shared with target letters, so resuming it lets both go on.
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import type { MailingStore } from './mailing.ports.js';

/** A domain as the URL may carry it: letters, digits, dots and hyphens, as in an address. */
const domainPattern = /^[a-z0-9.-]{1,253}$/;

export type ResumeMailingDomainResult = { status: 'resumed' | 'notPaused' | 'unknown' };

export async function resumeMailingDomain(
  deps: { mailings: Pick<MailingStore, 'find' | 'resumeDomain'>; clock: Clock },
  input: { mailingId: number; domain: string; actor: ActorRef },
): Promise<ResumeMailingDomainResult> {
  const domain = input.domain.toLowerCase();
  if (!domainPattern.test(domain) || !(await deps.mailings.find(input.mailingId))) {
    return { status: 'unknown' };
  }
  const resumed = await deps.mailings.resumeDomain(domain, input.actor, deps.clock.now());
  return resumed ? { status: 'resumed' } : { status: 'notPaused' };
}
