// Parts encoded once with holes for per-recipient values decode, in a message built by mime.ts and read by
// mailparser (an independent decoder), to exactly the text joined from the same pieces and values: short
// and long values, values with escapes, whitespace and line breaks at the joins, non-Latin text (base64),
// and no encoded line over RFC 2045's 76 characters. A mailing version's `encode` agrees with its `render`.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { listToken } from '../security/list-token.js';
import { EncodedPartTemplate, prefersQuotedPrintable } from './encoded-part.js';
import { buildMessage } from './mime.js';
import { compileMailing } from './templates/mailing.email.js';
import type { OutgoingMail } from './transport.js';

const joined = (pieces: string[], values: string[]) =>
  pieces.reduce((out, p, i) => out + p + (values[i] ?? ''), '');

function mail(text: string, html: string | undefined, encoded: OutgoingMail['encoded']): OutgoingMail {
  return {
    from: { name: 'Outcry', address: 'campaigns@outcry.example.org' },
    to: [{ name: 'Ana', address: 'ana@example.net' }],
    subject: 'Hello',
    text,
    ...(html !== undefined ? { html } : {}),
    ...(encoded ? { encoded } : {}),
  };
}

/** The body lines of a built message, each without its line break. */
const bodyLines = (raw: Buffer) => {
  const s = raw.toString('latin1');
  return s.slice(s.indexOf('\r\n\r\n') + 4).split(/\r?\n/);
};

const long = 'word '.repeat(40);
const cases: Array<{ what: string; pieces: string[]; values: string[] }> = [
  { what: 'short values', pieces: ['Hello ', ',\n\nRead this.\n'], values: ['Ana'] },
  { what: 'no values', pieces: [`A line of its own.\n${long}\n`], values: [] },
  {
    what: 'long pieces and a long value, spaces at the joins',
    pieces: [`${long}x `, ` ${long}\n\nlink: https://example.org/u/`, ''],
    values: [`Ana ${'Maria '.repeat(30)}`, 'tok.en-1_2'],
  },
  {
    what: 'escapes, line breaks and empty values',
    pieces: ['a=b\n', '\n', '=\nc\t', ''],
    values: ['', 'x\ny =3D', '\u2068Þórunn\u2069 '],
  },
  {
    what: 'Arabic (base64)',
    pieces: ['مرحبًا ', '،\n\n', 'أُطلق سراح إرلان اليوم. '.repeat(20)],
    values: ['\u2068Ana\u2069', 'شكرًا'],
  },
];

describe('EncodedPartTemplate', () => {
  it.each(cases)('decodes to the joined text: $what', async ({ pieces, values }) => {
    const text = new EncodedPartTemplate('text/plain', pieces);
    const html = new EncodedPartTemplate(
      'text/html',
      pieces.map((p, i) => `${i === 0 ? '<p>' : ''}${p}${i === pieces.length - 1 ? '</p>' : ''}`),
    );
    const expected = joined(pieces, values);
    const built = await buildMessage(mail('', '', { text: text.fill(values), html: html.fill(values) }));
    const parsed = await simpleParser(built.raw);
    expect(parsed.text).toBe(expected);
    expect(parsed.html).toBe(`<p>${expected}</p>`);
    for (const line of bodyLines(built.raw)) expect(line.length).toBeLessThanOrEqual(76);
  });

  it('chooses base64 for mostly non-Latin text and quoted-printable otherwise, as nodemailer does', () => {
    expect(prefersQuotedPrintable('Hello, world')).toBe(true);
    expect(prefersQuotedPrintable('مرحبًا بالعالم')).toBe(false);
    expect(new EncodedPartTemplate('text/plain', ['مرحبًا بالعالم']).fill([])).toContain(
      'Content-Transfer-Encoding: base64',
    );
    expect(() => new EncodedPartTemplate('text/plain', ['a', 'b']).fill([])).toThrow();
  });

  it("gives a mailing's recipients the same text and HTML as its render, in English and Arabic", async () => {
    for (const locale of ['en', 'ar']) {
      const compiled = await compileMailing({
        mailingId: 9,
        locale,
        textLocale: locale,
        subject: 'Erlan is free',
        preheader: 'Thank you',
        bodyMd: `Erlan walked out of prison **today**. ${'A long sentence that wraps. '.repeat(8)}`,
        otherCampaigns: [{ headline: 'Cairo', url: 'https://outcry.example.org/en/campaigns/cairo' }],
        site: { name: 'Outcry', baseUrl: 'https://outcry.example.org' },
      });
      for (const name of ['Ana Souza', '', '  <b>Eve</b> & = "x" ', 'محمد '.repeat(30), 'Zoë'.repeat(40)]) {
        const who = { name, token: listToken(5, 'test-secret-test-secret-test-secret') };
        const plain = compiled.render(who);
        const parsed = await simpleParser((await buildMessage(mail('', '', compiled.encode(who)))).raw);
        expect(parsed.text).toBe(plain.text);
        expect(parsed.html).toBe(plain.html);
      }
    }
  });
});
