// A text part (text/plain or text/html) MIME-encoded once for mail that goes to many people with only a
// few values changing per person (a mailing's greeting and list token): the literal pieces between those
// values are quoted-printable encoded and wrapped when the template is made, and each message only
// encodes its own values and joins. nodemailer's composer, given a string, scans and encodes the whole
// part again for every message (~1 ms of CPU for a 14 kB mailing, most of a message's cost: decision
// 0020, "CPU per message"); given the finished part (`raw`, see transport.ts), it only adds the multipart
// frame around it. The encoding is nodemailer's own (its `qp` and `base64` modules, the choice between
// them by its rule), so a reader decodes exactly the text `fill` was given.
import { wrap as wrapBase64 } from 'nodemailer/lib/base64';
import { encode as encodeQp, wrap as wrapQp } from 'nodemailer/lib/qp';

/**
 * Encoded lines are at most 76 characters with the `=` of a soft line break (RFC 2045 §6.7): pieces are
 * wrapped one short, so a soft break can always follow their last line.
 */
const lineLength = 75;
const softBreak = '=\r\n';

/**
 * nodemailer's choice (mime-node `_getTextEncoding`): quoted-printable when Latin letters outnumber the
 * bytes it would have to escape, else base64 (an Arabic mailing is shorter in base64).
 */
export function prefersQuotedPrintable(text: string): boolean {
  let nonLatin = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c >= 0x80) nonLatin++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return nonLatin < latin;
}

/** The length of the last line of an encoded string. */
function lastLineLength(s: string): number {
  return s.length - (s.lastIndexOf('\n') + 1);
}

export class EncodedPartTemplate {
  private readonly head: string;
  private readonly qp: boolean;
  /** Each literal piece, encoded and wrapped as if it started a line (quoted-printable only). */
  private readonly encoded: string[];

  /**
   * `pieces`: the literal text around the values, one more piece than values; `contentType`: the part's
   * type without its charset (always UTF-8).
   */
  constructor(
    contentType: 'text/plain' | 'text/html',
    private readonly pieces: readonly string[],
  ) {
    this.qp = prefersQuotedPrintable(pieces.join(''));
    this.head =
      `Content-Type: ${contentType}; charset=utf-8\r\n` +
      `Content-Transfer-Encoding: ${this.qp ? 'quoted-printable' : 'base64'}\r\n\r\n`;
    this.encoded = this.qp ? pieces.map((p) => wrapQp(encodeQp(p), lineLength)) : [];
  }

  /** The whole part (its headers, a blank line, the encoded body) with `values[i]` after `pieces[i]`. */
  fill(values: readonly string[]): string {
    if (values.length !== this.pieces.length - 1) throw new Error('one value between each two pieces');
    if (!this.qp) {
      let text = this.pieces[0]!;
      for (let i = 0; i < values.length; i++) text += values[i]! + this.pieces[i + 1]!;
      return this.head + wrapBase64(Buffer.from(text, 'utf8').toString('base64'), 76);
    }
    let out = this.encoded[0]!;
    let column = lastLineLength(out);
    for (let i = 0; i < values.length; i++) {
      const value = encodeQp(values[i]!);
      if (value !== '') {
        if (column + value.length <= lineLength && !value.includes('\n')) {
          out += value;
          column += value.length;
        } else {
          // A value is encoded whole (its escapes and UTF-8 sequences are never split across lines).
          const wrapped = wrapQp(value, lineLength);
          out += (column === 0 ? '' : softBreak) + wrapped;
          column = lastLineLength(wrapped);
        }
      }
      const next = this.encoded[i + 1]!;
      if (next === '') continue;
      // The next piece was wrapped from the start of a line: it starts one, unless it begins with a
      // line break of its own or the current line is empty.
      if (column > 0 && next[0] !== '\n' && next[0] !== '\r') out += softBreak;
      out += next;
      column = lastLineLength(next);
    }
    return this.head + out;
  }
}
