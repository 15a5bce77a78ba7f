// Finished jobs keep no secret: a sent login link and a sent confirmation mail leave no token (and no
// address) in the jobs table, a dead invitation neither, a retrying job keeps what its next attempt needs,
// and done jobs are purged on schedule after the retention time. On both databases, through the routes.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import { anonymousForm, createPerson, post } from '../../test/editor-helpers.js';
import type { FakeClock } from '../../test/fake-clock.js';
import { ana, formToken, postSign } from '../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../test/test-app.js';
import { enqueueJobs, JobRepository } from '../db/job.repository.js';
import { accountMail } from '../domain/account/account-mail.js';
import { jobKinds } from './kinds.js';
import { redactPayload } from './payload-redaction.js';
import { recurringHandlers, scheduleRecurring } from './recurring.js';
import { jobPurge } from './tasks/purge-jobs.task.js';
import { createWorker, PermanentJobError } from './worker.js';

describe.each(testDialects)('finished jobs on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const stored = async (kind: string) =>
    (
      await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'payload'])
        .where('kind', '=', kind)
        .orderBy('id')
        .execute()
    ).map((r) => ({ status: r.status, payload: JSON.parse(r.payload) as Record<string, unknown> }));

  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('a sent login link and a sent confirmation keep neither token nor address in the jobs table', async () => {
    const mail = await startMailWorker(t);
    try {
      await createPerson(t, 'admin');
      const form = await anonymousForm(t.app, '/editor/login/email');
      expect(
        (await post(t.app, '/editor/login/email', form, { email: 'admin@example.org' })).statusCode,
      ).toBe(200);
      const token = await formToken(t.app, 'en');
      clock.advance(20_000);
      expect((await postSign(t.app, 'en', { token, ...ana })).statusCode).toBe(303);

      const [confirm] = await stored('send-signature-mail');
      expect(confirm?.payload.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);

      // The link request is looked up in the worker, which then queues the login mail.
      expect(await mail.drain()).toBe(3);
      const sent = await mail.sink.waitFor(2);
      const rawTokens = sent.map((m) => /\/([A-Za-z0-9_-]{20,})\s/.exec(m.parsed.text ?? '')?.[1]);
      expect(rawTokens).toHaveLength(2);

      expect(await stored('issue-account-link')).toEqual([{ status: 'done', payload: { purpose: 'login' } }]);
      expect(await stored('send-account-mail')).toEqual([
        { status: 'done', payload: { kind: 'login', locale: 'en' } },
      ]);
      expect(await stored('send-signature-mail')).toEqual([
        { status: 'done', payload: { signatureId: expect.any(Number), mail: 'confirm' } },
      ]);
      const everything = JSON.stringify(await t.db.kysely.selectFrom('jobs').select('payload').execute());
      for (const raw of rawTokens) expect(everything).not.toContain(raw);
      expect(everything).not.toContain('admin@example.org');
    } finally {
      await mail.close();
    }
  });

  it('a dead invitation drops its token; a failed attempt that will be retried keeps it', async () => {
    const repo = new JobRepository(t.db, { random: () => 0 });
    /** A worker whose every job of `kind` fails with `error`. */
    const failingWorker = (kind: string, error: Error) =>
      createWorker({
        repo,
        clock,
        handlers: {
          [kind]: async () => {
            throw error;
          },
        },
      });
    const invitation = accountMail({
      kind: 'invite',
      to: { name: 'Leila Haddad', address: 'leila@example.org' },
      locale: 'en',
      token: 'abcdefghijklmnopqrstuvwxyz012345',
      invitedBy: 'Ana',
      role: 'editor',
    });
    await enqueueJobs(t.db.kysely, [{ ...invitation, maxAttempts: 2 }], clock.now());
    const worker = failingWorker('send-account-mail', new Error('connection refused'));
    expect(await worker.drain()).toBe(1);
    expect(await stored('send-account-mail')).toEqual([{ status: 'queued', payload: invitation.payload }]);
    clock.advance(60_000);
    expect(await worker.drain()).toBe(1);
    expect(await stored('send-account-mail')).toEqual([
      { status: 'dead', payload: { kind: 'invite', locale: 'en', role: 'editor' } },
    ]);

    // A permanent failure (a bad payload) is dead at once, and redacted alike.
    await enqueueJobs(
      t.db.kysely,
      [{ kind: 'send-signature-mail', payload: { signatureId: 1, mail: 'confirm', token: 'x'.repeat(30) } }],
      clock.now(),
    );
    const strict = failingWorker(
      'send-signature-mail',
      new PermanentJobError('campaign has no published text'),
    );
    expect(await strict.drain()).toBe(1);
    expect(await stored('send-signature-mail')).toEqual([
      { status: 'dead', payload: { signatureId: 1, mail: 'confirm' } },
    ]);
  });

  it('purges done jobs older than the retention time, on its own schedule', async () => {
    const repo = new JobRepository(t.db);
    await enqueueJobs(
      t.db.kysely,
      [1, 2].map((n) => ({ kind: 'note', payload: { n } })),
      clock.now(),
    );
    const day = 86_400_000;
    const purge = jobPurge({ jobs: repo, clock, retentionMs: 7 * day });
    await scheduleRecurring(repo, purge, clock.now());
    const worker = createWorker({
      repo,
      clock,
      handlers: { note: async () => {}, ...recurringHandlers(repo, clock, purge) },
    });
    expect(await worker.drain()).toBe(3);
    const notes = () => t.db.kysely.selectFrom('jobs').select('status').where('kind', '=', 'note').execute();
    expect(await notes()).toHaveLength(2);

    clock.advance(6 * day);
    expect(await worker.drain()).toBe(1);
    expect(await notes()).toHaveLength(2);
    clock.advance(day + 60 * 60_000);
    expect(await worker.drain()).toBe(1);
    expect(await notes()).toEqual([]);
    expect(await repo.countQueued('purge-jobs')).toBe(1);
  });
});

describe('redactPayload', () => {
  it('drops the address and the one-time token of a my-data link mail, keeping the language', () => {
    const payload = { to: 'ana@example.org', locale: 'ar', token: 'x'.repeat(32) };
    expect(redactPayload(jobKinds.sendMyDataMail, payload)).toEqual({ locale: 'ar' });
  });
});
