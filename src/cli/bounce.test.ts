// `outcry bounce` as a mail server runs it: `node bin/outcry.mjs bounce [recipient]` in a child process
// under this Node (24), the message on standard input, against SQLite and PostgreSQL. What matters to the
// mail server is the exit code (0 done or ignored, 67 not our address, 75 try again later); what matters to
// editors is the state it leaves.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bounceFixture, forgedMac, type SentMessage, sentMessage } from '../../test/bounce-helpers.js';
import { testDialects } from '../../test/db.js';
import { mailedSupporter, supporterMailFixture } from '../../test/supporter-mail-helpers.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { projectRoot } from '../config/paths.js';
import { bounceMaxBytes } from '../mail/bounce-parse.js';

beforeAll(() => {
  // The binary runs dist/: build it when a source is newer (as `npm run demo` does).
  const build = spawnSync(process.execPath, [`${projectRoot}scripts/build-if-needed.mjs`], {
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
}, 180_000);

describe.each(testDialects)('outcry bounce on %s', (dialect) => {
  let t: TestApp;
  let m: SentMessage;

  beforeEach(async () => {
    // `outcry bounce` refuses the development secret, so this app has a secret of its own.
    t = await createTestApp(dialect, {
      APP_SECRET: 'bounce-test-secret-bounce-test-secret-0000',
      DATA_KEY: 'Ym91bmNlLXRlc3QtZGF0YS1rZXktMzItYnl0ZXMhISE=',
    });
    m = (await sentMessage(t, { signatures: 2 })).message;
  });
  afterEach(async () => t.close());

  /** The test database as a DATABASE_URL a separate process can use (PostgreSQL: with its schema). */
  function databaseUrl(): string {
    if (!t.db.searchPath) return t.db.url;
    const url = new URL(t.db.url);
    url.searchParams.set('options', `-c search_path=${t.db.searchPath}`);
    return url.toString();
  }

  function outcry(args: string[], input: Buffer | string, env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [`${projectRoot}bin/outcry.mjs`, 'bounce', ...args], {
      input,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl(),
        APP_SECRET: t.config.APP_SECRET,
        DATA_KEY: t.config.DATA_KEY,
        MAIL_FROM: t.config.MAIL_FROM,
        ...env,
      },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const statusOf = async (table: 'messages' | 'targets', id: number) =>
    (await t.db.kysely.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;
  const state = async () => ({
    message: await statusOf('messages', m.id),
    target: await statusOf('targets', m.targetId),
    alerts: (await t.db.kysely.selectFrom('alerts').select('kind').execute()).map((a) => a.kind),
  });

  it('records a DSN piped in with the envelope recipient: exit 0, target bounced, alert queued', async () => {
    const run = outcry([m.verp], bounceFixture('postfix-user-unknown', m));
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      `message ${m.id}: bounce (550 5.1.1 <${m.recipient}>: Recipient address rejected: User unknown in virtual mailbox table)\n`,
    );
    expect(await state()).toEqual({ message: 'bounced', target: 'bounced', alerts: ['target_bounced'] });

    // A mail server that delivers it twice: exit 0, no second effect.
    const again = outcry([m.verp], bounceFixture('postfix-user-unknown', m));
    expect(again).toMatchObject({ status: 0, stdout: `message ${m.id}: ignored (already_recorded)\n` });
    expect((await state()).alerts).toEqual(['target_bounced']);
  });

  it('without an argument, finds the address in Delivered-To', async () => {
    const run = outcry([], bounceFixture('gmail-address-not-found', m));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^message ${m.id}: bounce \\(550-5\\.1\\.1 The email account`));
    expect((await state()).target).toBe('bounced');
  });

  it('67 (EX_NOUSER) for an address that is not ours or whose MAC is forged; nothing changes', async () => {
    const forged = forgedMac(m.verp);
    for (const to of ['postmaster@outcry.example.org', forged]) {
      const run = outcry([to], bounceFixture('postfix-user-unknown', { ...m, verp: to }));
      expect(run.status, to).toBe(67);
      expect(run.stderr).toContain('not a bounce address of ours');
    }
    expect(outcry([], 'Subject: no address\r\n\r\nx\r\n').status).toBe(67);
    expect(await state()).toEqual({ message: 'sent', target: 'active', alerts: [] });
  });

  it('75 (EX_TEMPFAIL) when the database is unavailable or the configuration is broken', () => {
    const down = outcry([m.verp], bounceFixture('postfix-user-unknown', m), {
      DATABASE_URL: 'postgres://outcry:outcry@127.0.0.1:1/outcry',
    });
    expect(down.status).toBe(75);
    expect(down.stderr).toMatch(/^bounce not recorded, try again later: /);
    const broken = outcry([m.verp], bounceFixture('postfix-user-unknown', m), { APP_SECRET: 'short' });
    expect(broken.status).toBe(75);
    expect(broken.stderr).toContain('APP_SECRET');
  });

  it('supporter mail: a hard bounce, a complaint piped without an argument, a mailto unsubscribe', async () => {
    const ana = await mailedSupporter(t, { email: 'ana@mail.example.net' });
    const ben = await mailedSupporter(t, { email: 'ben@mail.example.net' });
    const cleo = await mailedSupporter(t, { email: 'cleo@mail.example.net' });
    const values = { verp: ana.verp, messageId: ana.messageId, recipient: ana.email };
    expect(outcry([ana.verp], bounceFixture('postfix-user-unknown', values))).toMatchObject({
      status: 0,
      stdout: `recipient ${ana.recipientId}: hard bounce, address suppressed (hard_bounce) (550 5.1.1 <[address]>: Recipient address rejected: User unknown in virtual mailbox table)\n`,
    });
    expect(outcry([], supporterMailFixture('arf-abuse', ben, 'fbl@outcry.example.org'))).toMatchObject({
      status: 0,
      stdout: `recipient ${ben.recipientId}: complaint, left 2 list(s), address suppressed\n`,
    });
    expect(
      outcry([cleo.unsubscribe], supporterMailFixture('mailto-unsubscribe', cleo, cleo.unsubscribe)),
    ).toMatchObject({
      status: 0,
      stdout: `supporter ${cleo.supporterId}: unsubscribed by mail, left 2 list(s)\n`,
    });
    const suppressed = await t.db.kysely
      .selectFrom('supporters')
      .select(['id', 'mail_suppressed_reason'])
      .where('id', 'in', [ana.supporterId, ben.supporterId, cleo.supporterId])
      .orderBy('id')
      .execute();
    expect(suppressed.map((r) => r.mail_suppressed_reason)).toEqual(['hard_bounce', 'complaint', null]);
    // A forged unsubscribe token is not our address: 67, read no further.
    const forged = cleo.unsubscribe.replace(/\.[A-Za-z0-9_-]{22}@/, '.aaaaaaaaaaaaaaaaaaaaaa@');
    expect(outcry([forged], 'Subject: unsubscribe\r\n\r\n\r\n').status).toBe(67);
  });

  it('0 for what it ignores: an out-of-office reply, garbage, a message over the size limit', async () => {
    expect(outcry([m.verp], bounceFixture('out-of-office', m))).toMatchObject({
      status: 0,
      stdout: `message ${m.id}: ignored (auto_reply)\n`,
    });
    expect(outcry([m.verp], Buffer.from([0xff, 0xfe, 0, 1, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3]))).toMatchObject({
      status: 0,
      stdout: `message ${m.id}: ignored (not_a_bounce)\n`,
    });
    const huge = Buffer.concat([bounceFixture('postfix-user-unknown', m), Buffer.alloc(bounceMaxBytes, 'x')]);
    expect(outcry([m.verp], huge)).toMatchObject({
      status: 0,
      stdout: `ignored: larger than ${bounceMaxBytes} bytes\n`,
    });
    expect(await state()).toEqual({ message: 'sent', target: 'active', alerts: [] });
  });
});
