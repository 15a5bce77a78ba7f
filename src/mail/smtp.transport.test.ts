// The SMTP transport against a real smtp-server on loopback: what arrives, what can never be injected,
// how refusals surface, and that the DKIM signature verifies.
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth';
import { afterEach, describe, expect, it } from 'vitest';
import { from, mail, supporter, target } from '../../test/outgoing-mail.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { createSmtpTransport, SmtpSendError } from './smtp.transport.js';
import { headerSafe, InvalidAddressError, type MailTransport } from './transport.js';

let sink: SmtpSink | undefined;
let transport: MailTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await sink?.close();
  transport = undefined;
  sink = undefined;
});

async function setup(script?: Parameters<typeof startSmtpSink>[0]) {
  sink = await startSmtpSink(script);
  transport = createSmtpTransport(sink.url, { maxConnections: 1 });
  return { sink, transport };
}

describe('headerSafe', () => {
  it('turns every kind of line break into a single space', () => {
    expect(headerSafe('a\r\nb\nc\rd\0e\u0085f\u2028g\u2029h')).toBe('a b c d e f g h');
    expect(headerSafe('x\r\n\r\nBcc: evil@example.org')).toBe('x Bcc: evil@example.org');
  });
});

describe('createSmtpTransport', () => {
  it('delivers with From, To and Reply-To exactly as given', async () => {
    const { sink, transport } = await setup();
    const result = await transport.send(
      mail({ cc: [{ name: 'Ministry Office', address: 'office@example.org' }], html: '<p>Hello</p>' }),
    );
    expect(result.accepted).toEqual(['minister@example.org', 'office@example.org']);
    expect(result.rejected).toEqual([]);
    expect(result.response).toMatch(/^250/);
    const [got] = await sink.waitFor(1);
    expect(got!.parsed.from?.value).toEqual([from]);
    expect(got!.parsed.replyTo?.value).toEqual([supporter]);
    expect(got!.parsed.to).toMatchObject({ value: [target] });
    expect(got!.parsed.subject).toBe('Respect the nurses');
    expect(got!.parsed.text?.trim()).toBe('Hello');
    expect(got!.parsed.messageId).toBe(result.messageId);
    expect(got!.envelope).toEqual({
      from: 'campaigns@outcry.example.org',
      to: ['minister@example.org', 'office@example.org'],
    });
  });

  it('uses envelopeFrom as the SMTP sender and keeps the given Message-ID and headers', async () => {
    const { sink, transport } = await setup();
    await transport.send(
      mail({
        envelopeFrom: 'bounce+42@outcry.example.org',
        messageId: '<m42@outcry.example.org>',
        headers: { 'List-Unsubscribe': '<https://outcry.example.org/u/abc>' },
      }),
    );
    const [got] = await sink.waitFor(1);
    expect(got!.envelope).toEqual({ from: 'bounce+42@outcry.example.org', to: ['minister@example.org'] });
    expect(got!.parsed.messageId).toBe('<m42@outcry.example.org>');
    expect(got!.raw).toMatch(/^List-Unsubscribe: <https:\/\/outcry\.example\.org\/u\/abc>\r?$/m);
  });

  it('never lets a name, subject or header value add a header or a recipient', async () => {
    const { sink, transport } = await setup();
    const payload = 'x\r\nBcc: evil@example.org';
    await transport.send(
      mail({
        from: { name: payload, address: from.address },
        replyTo: { name: `Ana\u2028Bcc: evil@example.org`, address: supporter.address },
        to: [{ name: `M\nCc: evil@example.org`, address: target.address }],
        subject: `${payload}\r\n\r\nInjected body`,
        headers: { 'X-Campaign': `nurses${payload}` },
      }),
    );
    const [got] = await sink.waitFor(1);
    expect(got!.envelope.to).toEqual(['minister@example.org']);
    expect(got!.parsed.headers.has('bcc')).toBe(false);
    expect(got!.parsed.headers.has('cc')).toBe(false);
    expect(got!.raw).not.toMatch(/^(Bcc|Cc):/im);
    expect(got!.raw).not.toMatch(/^Injected body/m);
    expect(got!.parsed.subject).toBe('x Bcc: evil@example.org Injected body');
    expect(got!.parsed.from?.value).toEqual([{ name: 'x Bcc: evil@example.org', address: from.address }]);
  });

  it('refuses addresses and header names that could smuggle in a header, before connecting', async () => {
    const { sink, transport } = await setup();
    for (const address of [
      'ana@example.net\r\nBcc: evil@example.org',
      'ana@example.net\u2028',
      'ana @example.net',
      'ana@example.net, evil@example.org',
      'Ana <ana@example.net>',
      'no-at-sign',
      '',
    ]) {
      await expect(transport.send(mail({ replyTo: { name: 'Ana', address } }))).rejects.toBeInstanceOf(
        InvalidAddressError,
      );
      await expect(transport.send(mail({ to: [{ name: 'M', address }] }))).rejects.toBeInstanceOf(
        InvalidAddressError,
      );
    }
    await expect(transport.send(mail({ envelopeFrom: 'b@x.org\nRCPT TO:<e@x.org>' }))).rejects.toThrow(
      InvalidAddressError,
    );
    await expect(transport.send(mail({ headers: { Bcc: 'evil@example.org' } }))).rejects.toThrow(
      InvalidAddressError,
    );
    await expect(transport.send(mail({ headers: { 'X-A\r\nBcc': 'e@x.org' } }))).rejects.toThrow(
      InvalidAddressError,
    );
    expect(sink.attempts).toBe(0);
  });

  it('surfaces a 550 5.1.1 on RCPT TO as SmtpSendError with the response code', async () => {
    await setup({
      script: {
        onRcptTo: (address) =>
          address === 'minister@example.org' ? { code: 550, message: '5.1.1 No such user' } : undefined,
      },
    });
    const error = await transport!.send(mail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ responseCode: 550, permanent: true, code: 'EENVELOPE' });
    expect((error as SmtpSendError).response).toContain('5.1.1 No such user');
    expect(sink!.messages).toHaveLength(0);
  });

  it('surfaces a 421 greeting as SmtpSendError with the response code', async () => {
    await setup({ script: { onConnect: () => ({ code: 421, message: '4.3.2 Try again later' }) } });
    const error = await transport!.send(mail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ responseCode: 421 });
    expect((error as SmtpSendError).permanent).not.toBe(true);
  });

  it('surfaces a hang-up after DATA as an error without a response code, and does not resend', async () => {
    await setup({ script: { onData: () => 'drop' } });
    const error = await transport!.send(mail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect((error as SmtpSendError).responseCode).toBeUndefined();
    expect((error as SmtpSendError).afterData).toBe(true);
    expect(sink!.attempts).toBe(1);
    expect(sink!.messages).toHaveLength(0);
  });

  it('surfaces a refused connection as SmtpSendError without a response code', async () => {
    const probe = await startSmtpSink();
    const url = probe.url;
    await probe.close();
    transport = createSmtpTransport(url, { pool: false });
    const error = await transport.send(mail()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect((error as SmtpSendError).responseCode).toBeUndefined();
    expect((error as SmtpSendError).afterData).toBe(false);
    expect((error as SmtpSendError).code).toBeTruthy();
  });

  it.each([
    ['on the event loop', 0],
    ['on mail build threads', 1],
  ])(
    'prepares messages ahead and sends them built %s, dotted lines intact, a discarded one never',
    async (_where, buildThreads) => {
      sink = await startSmtpSink();
      const preparing = createSmtpTransport(sink.url, { maxConnections: 2, buildThreads });
      transport = preparing;
      const text = '.\n..two dots\n.one dot\nend\n';
      const prepared = Array.from({ length: 12 }, (_, i) =>
        preparing.prepare(mail({ subject: `Letter ${i}`, text, messageId: `<m${i}@outcry.example.org>` })),
      );
      prepared[5]!.discard();
      const results = await Promise.all(prepared.filter((_, i) => i !== 5).map((p) => p.send()));
      expect(results.map((r) => r.messageId)).toContain('<m11@outcry.example.org>');
      const got = await sink.waitFor(11);
      expect(got.map((m) => m.parsed.subject).sort()).not.toContain('Letter 5');
      for (const m of got) expect(m.parsed.text).toBe(text);
      expect(sink.messages).toHaveLength(11);
    },
  );

  it.each([
    ['on the event loop', 0],
    ['on worker threads', 2],
  ])('signs with DKIM %s so that a verifier passes it', async (_where, buildThreads) => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const record = `v=DKIM1; k=rsa; p=${publicKey.toString('base64')}`;
    sink = await startSmtpSink();
    transport = createSmtpTransport(sink.url, {
      dkim: { domainName: 'outcry.example.org', keySelector: 'outcry2026', privateKey },
      buildThreads,
    });
    // Several at once, so threaded signatures come back interleaved and must still match their message.
    await Promise.all(
      ['مرحبا', 'Kumusta', 'Hello'].map((word) =>
        transport!.send(mail({ subject: `Signed: ${word}`, text: `نطالب بحقوق العمال ${word}\n` })),
      ),
    );
    const all = await sink.waitFor(3);
    for (const m of all) expect(m.parsed.subject?.slice(8)).toBe(m.parsed.text?.trim().split(' ').pop());
    const lookups: string[] = [];
    const resolver = async (name: string, type: string) => {
      lookups.push(`${type} ${name}`);
      if (type === 'TXT' && name === 'outcry2026._domainkey.outcry.example.org') return [[record]];
      throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
    };
    for (const got of all) {
      expect(got.parsed.headers.has('dkim-signature')).toBe(true);
      const result = await dkimVerify(got.raw, { resolver });
      expect(result.results).toHaveLength(1);
      expect(result.results[0]!.signingDomain).toBe('outcry.example.org');
      expect(result.results[0]!.status.result).toBe('pass');
    }
    expect(lookups).toContain('TXT outcry2026._domainkey.outcry.example.org');
  });
});
