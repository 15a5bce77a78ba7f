// The recurring start of scheduled mailings through the real queue and worker on both databases: nothing
// starts before its time; when due it starts with its recipients queued; a cancelled one never starts.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../../test/db.js';
import { dbPerTest } from '../../../test/db-per-test.js';
import { FakeClock } from '../../../test/fake-clock.js';
import { addPerson, now } from '../../../test/mailing-helpers.js';
import { JobRepository } from '../../db/job.repository.js';
import { MailingRepository } from '../../db/mailing.repository.js';
import { UserRepository } from '../../db/user.repository.js';
import { emptySegment } from '../../domain/mailing/segment.js';
import { recurringHandlers, scheduleRecurring } from '../recurring.js';
import { createWorker } from '../worker.js';
import { scheduledMailingJobs } from './start-scheduled-mailings.task.js';

describe.each(testDialects)('start-scheduled-mailings on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('starts due scheduled mailings once, with their recipients queued', async () => {
    const clock = new FakeClock(now);
    const mailings = new MailingRepository(db);
    const { id: userId } = await new UserRepository(db).upsertWithPassword(
      { email: 'ed@example.org', name: 'Ed', role: 'editor', passwordHash: 'not-a-hash' },
      now,
    );
    const actor = { id: userId, email: 'ed@example.org' };
    await addPerson(db, { email: 'ana@example.org', lists: { en: {} } });
    const draft = {
      kind: 'general' as const,
      campaignId: null,
      sourceLocale: 'en',
      subject: 'News',
      preheader: '',
      bodyMd: 'Hello.',
      segment: emptySegment(['en']),
    };
    const due = await mailings.create(draft, actor, now);
    const dropped = await mailings.create(draft, actor, now);
    for (const id of [due, dropped]) {
      await mailings.move(id, { from: ['draft'], to: 'scheduled', scheduledAt: now + 90_000 }, actor, now);
    }
    await mailings.move(dropped, { from: ['scheduled'], to: 'cancelled' }, actor, now);

    const jobs = scheduledMailingJobs({ mailings, clock });
    const repo = new JobRepository(db);
    await scheduleRecurring(repo, jobs, clock.now());
    const worker = createWorker({ repo, handlers: recurringHandlers(repo, clock, jobs), clock });
    try {
      expect(await worker.drain()).toBe(1);
      expect((await mailings.find(due))?.status).toBe('scheduled');
      clock.advance(60_000);
      await worker.drain();
      expect((await mailings.find(due))?.status).toBe('scheduled');
      clock.advance(60_000);
      await worker.drain();
      expect(await mailings.find(due)).toMatchObject({ status: 'sending', startedAt: now + 120_000 });
      expect((await mailings.find(dropped))?.status).toBe('cancelled');
      expect(await mailings.progress(due)).toMatchObject({ total: 1, queued: 1 });
      clock.advance(60_000);
      await worker.drain();
      expect(await mailings.progress(due)).toMatchObject({ total: 1 });
    } finally {
      await worker.stop();
    }
  });
});
