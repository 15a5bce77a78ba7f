// The mail with a my-data link. Its job is written whether or not the address is known, with the same
// shape either way, so the answer, the stored rows and the outbox never tell a visitor which it was.
export const sendMyDataMailJob = 'send-my-data-mail';

export interface MyDataMailPayload {
  to: string;
  locale: string;
  /** The raw link token; only its hash is stored. */
  token: string;
}

/** A link is good for an hour: long enough to read mail, short enough that an old mailbox gives nothing. */
export const myDataLinkMs = 60 * 60 * 1000;
/** The session the link opens: long enough to look, download and decide. */
export const myDataSessionMs = 60 * 60 * 1000;
