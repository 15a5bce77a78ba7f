// Files for partner unions encrypted with age (age-encryption.org, the `age-encryption` package): a partner
// organisation gives an X25519 public key (`age1…`), and every signer file made for it is encrypted to that
// key as it streams out, so the server never holds the whole file twice and only the partner opens it
// (`age -d -i key.txt file.csv.age`). Decision 0033.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Encrypter } from 'age-encryption';

/** About one age STREAM piece (64 KiB) of text, in UTF-16 code units. */
const pieceChars = 64 * 1024;

/** An X25519 recipient is `age1` + bech32 of 32 bytes: 62 characters; more is never a recipient. */
const recipientShape = /^age1[02-9ac-hj-np-z]{58}$/;

/**
 * The age X25519 recipient in `text` (trimmed, lower case), or undefined when it is not one: other age
 * recipient kinds (post-quantum, plugins, SSH keys) and a private key are refused. The library decodes it
 * (bech32 checksum, 32 bytes), so a mistyped key is caught here rather than at the first download.
 */
export function parseAgeRecipient(text: string): string | undefined {
  const candidate = text.trim().toLowerCase();
  if (!recipientShape.test(candidate)) return undefined;
  try {
    new Encrypter().addRecipient(candidate);
    return candidate;
  } catch {
    return undefined;
  }
}

/** How a recipient is shown to editors: enough to compare with what the partner sent, on one line. */
export function shortRecipient(recipient: string): string {
  return `${recipient.slice(0, 12)}…${recipient.slice(-8)}`;
}

/**
 * Encrypts a file already whole in memory (a dossier's PDF or ZIP, kept in the database) to one recipient:
 * `.pdf.age`, `.zip.age`.
 */
export async function ageEncryptedBytes(file: Uint8Array, recipient: string): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(file);
}

/**
 * Encrypts a stream of text chunks to one recipient, chunk by chunk (age's STREAM format: 64 KiB pieces),
 * as a Node stream a reply can send.
 */
export async function ageEncrypted(chunks: AsyncIterable<string>, recipient: string): Promise<Readable> {
  const encoder = new TextEncoder();
  const source = chunks[Symbol.asyncIterator]();
  // Pulled one chunk at a time: the CSV is read from the database only as fast as the reply drains.
  // Small chunks (a CSV row each) are gathered to about one age piece (64 KiB) before they go in: the
  // encrypter's per-chunk cost, not the cipher, dominated with one row at a time.
  const plain = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = '';
      for (;;) {
        const next = await source.next();
        if (next.done) {
          if (text !== '') controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
        if (text.length >= pieceChars) break;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await source.return?.();
    },
  });
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const sealed = await encrypter.encrypt(plain);
  return Readable.fromWeb(sealed as unknown as WebReadableStream<Uint8Array>);
}
