// An optional capability of a mail transport: take a message ahead of its turn, build (and sign) it in the
// background, and send it when asked. Delivery claims messages a round ahead of the connections; handing
// them over at once means a message's bytes are ready when its turn comes, so the time a destination
// domain's slot is held is the SMTP conversation and nothing else.
import type { MailTransport, OutgoingMail, SendResult } from './transport.js';

export interface PreparedMail {
  /** Sends it, once its build is done. At most once. */
  send(): Promise<SendResult>;
  /** It will not be sent (held back, or the worker stops): its bytes are dropped. */
  discard(): void;
}

export interface PreparingTransport extends MailTransport {
  /** Validates the message now (InvalidAddressError is thrown here) and starts building it. */
  prepare(mail: OutgoingMail): PreparedMail;
}

export function canPrepare(transport: MailTransport): transport is PreparingTransport {
  return typeof (transport as Partial<PreparingTransport>).prepare === 'function';
}
