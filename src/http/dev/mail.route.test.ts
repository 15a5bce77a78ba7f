// The demo's captured-mail viewer lists and shows what the capture transport wrote, and only exists
// when mail is captured outside production.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createCaptureTransport } from '../../mail/capture.transport.js';

describe('captured mail viewer', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('lists captured mail newest first and shows one with its headers, in the visitor language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outcry-mail-'));
    t = await createTestApp('sqlite', { MAIL_CAPTURE_DIR: dir, MAIL_VIEWER: 'true' });
    const transport = createCaptureTransport(dir);
    await transport.send({
      from: { name: 'Outcry', address: 'campaigns@outcry.example.org' },
      to: [{ name: 'Maria Santos', address: 'maria@example.org' }],
      replyTo: { name: 'Maria Santos', address: 'maria@example.org' },
      subject: 'Pakikumpirma ang iyong lagda',
      text: 'Kumusta Maria,\n\n<script>alert(1)</script>',
    });
    const list = await t.app.inject({ url: '/dev/mail', cookies: { lang: 'tl' } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Mga nakuhang email');
    // The addresses show (an address object rendered as a child printed nothing).
    expect(list.body).toContain('Outcry &lt;campaigns@outcry.example.org>');
    expect(list.body).toContain('Maria Santos &lt;maria@example.org>');
    // The language menu links to pages that exist.
    expect(list.body).toContain('href="/ar/dev/mail"');
    const ar = await t.app.inject({ url: '/ar/dev/mail' });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    const id = /href="\/dev\/mail\/([^"]+)"/.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const one = await t.app.inject({ url: `/dev/mail/${id}` });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Pakikumpirma ang iyong lagda');
    expect(one.body).toContain('Maria Santos &lt;maria@example.org>');
    expect((await t.app.inject({ url: `/en/dev/mail/${id}` })).statusCode).toBe(200);
    expect(one.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(one.body).not.toContain('<script>alert');
    expect((await t.app.inject({ url: '/dev/mail/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
  });

  it('does not exist in production or when SMTP is configured', async () => {
    t = await createTestApp('sqlite', { SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect((await t.app.inject({ url: '/dev/mail' })).statusCode).toBe(404);
  });
});
