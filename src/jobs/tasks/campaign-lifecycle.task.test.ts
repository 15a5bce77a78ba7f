// The scheduled lifecycle job on each database, with a clock the test moves: it closes a live campaign at
// its end date (audited with no actor; the public page shows it at once), and a week before the end it
// mails every admin and editor once, in their own language, again only when the end date moves.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { jobPayloads, testDialects } from '../../../test/db.js';
import { createPerson } from '../../../test/editor-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import type { FakeClock } from '../../../test/fake-clock.js';
import { startMailWorker, type TestApp } from '../../../test/test-app.js';
import { CampaignRepository } from '../../db/campaign.repository.js';
import { JobRepository } from '../../db/job.repository.js';
import { UserRepository } from '../../db/user.repository.js';
import { extendCampaign } from '../../domain/campaign/extend-campaign.js';
import { reminderLeadMs } from '../../domain/campaign/lifecycle.js';
import { jobKinds } from '../kinds.js';
import { recurringHandlers, scheduleRecurring } from '../recurring.js';
import { createWorker } from '../worker.js';
import {
  type CampaignLifecycleJobDeps,
  campaignLifecycleJobs,
  runCampaignLifecycle,
} from './campaign-lifecycle.task.js';

const endsAt = Date.UTC(2026, 11, 10, 23, 59, 59, 999);

describe.each(testDialects)('campaign lifecycle job on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let deps: CampaignLifecycleJobDeps;
  let slug: string;

  appPerTest(dialect, { seed: false }, async (app) => {
    ({ t, clock } = app);
    deps = {
      campaigns: t.services.lifecycle,
      clock,
      config: t.config,
      dossierRetentionDays: t.services.dossiers.retentionDays,
    };
    const campaign = buildCampaign({ status: 'live', startsAt: clock.now(), endsAt });
    await new CampaignRepository(t.db).create(campaign, clock.now());
    slug = campaign.slug;
  });

  const campaignRow = () =>
    t.db.kysely.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const queuedMail = () => jobPayloads(t.db, 'send-email');

  it('reminds every admin and editor once, a week before the end, in their language', async () => {
    await createPerson(t, 'admin', { email: 'amira@example.org', name: 'Amira', locale: 'ar' });
    await createPerson(t, 'editor', { email: 'jose@example.org', name: 'Jose', locale: 'tl' });
    await createPerson(t, 'translator', { email: 'tr@example.org' });
    await createPerson(t, 'partner', { email: 'partner@example.org' });
    const gone = await createPerson(t, 'editor', { email: 'gone@example.org' });
    await new UserRepository(t.db).update(gone.id, { disabledAt: clock.now() });

    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [] });
    clock.set(endsAt - reminderLeadMs - 1);
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [] });
    expect(await queuedMail()).toEqual([]);

    clock.set(endsAt - reminderLeadMs);
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [slug] });
    expect((await campaignRow()).reminder_sent_at).toBe(clock.now());
    clock.advance(60 * 60_000);
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [] });
    expect(await queuedMail()).toHaveLength(2);

    const mail = await startMailWorker(t);
    try {
      expect(await mail.drain()).toBe(2);
      const messages = await mail.sink.waitFor(2);
      const byTo = new Map(messages.map((m) => [m.envelope.to[0], m.parsed]));
      const arabic = byTo.get('amira@example.org')!;
      expect(arabic.subject).toBe('تنتهي حملة «Korea: Reinstate the dismissed nurses» في 10 ديسمبر 2026');
      expect(arabic.text).toContain('مرحبًا Amira،');
      expect(arabic.text).toContain(`https://outcry.example.org/editor/campaigns/${slug}`);
      expect(arabic.headers.get('content-language')).toBe('ar');
      const tagalog = byTo.get('jose@example.org')!;
      expect(tagalog.subject).toBe(
        'Magtatapos ang “Korea: Reinstate the dismissed nurses” sa Disyembre 10, 2026',
      );
      expect(tagalog.text).toContain('Kumusta Jose,');
      expect(byTo.size).toBe(2);
    } finally {
      await mail.close();
    }

    // A new end date gets its own reminder, a week before it.
    clock.advance(60 * 60_000);
    const editor = { id: 1, email: 'amira@example.org' };
    expect(await extendCampaign(deps, editor, { slug, endDate: '2026-12-31' })).toEqual({ status: 'ok' });
    expect((await campaignRow()).reminder_sent_at).toBeNull();
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [] });
    clock.set(Date.UTC(2026, 11, 24, 23, 59, 59, 999));
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [slug] });
    expect(await queuedMail()).toHaveLength(4);
  });

  it('closes a live campaign at its end date, audited with no actor, asks for the final dossier, and the public page shows it at once', async () => {
    clock.set(endsAt - 1);
    const before = await t.app.inject({ url: `/en/campaigns/${slug}` });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('This campaign is closed.');
    // Due for its reminder too (nobody to mail here), but not closed yet.
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [slug] });

    clock.set(endsAt);
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [slug], reminded: [] });
    const row = await campaignRow();
    expect(row.status).toBe('closed');
    expect(Number(row.closed_at)).toBe(endsAt);
    const audit = await t.db.kysely.selectFrom('audit_events').selectAll().execute();
    expect(audit.map((e) => [e.action, e.actor_id, e.actor_email, e.entity_id])).toEqual([
      ['campaign.closed', null, null, String(row.id)],
    ]);
    // The close asked for the final dossier, with nobody as its maker.
    const dossiers = await t.db.kysely
      .selectFrom('dossiers')
      .select(['kind', 'locale', 'countries', 'created_by'])
      .where('campaign_id', '=', row.id)
      .execute();
    expect(dossiers).toEqual([{ kind: 'pdf', locale: 'en', countries: '', created_by: null }]);
    // The campaign cache kept the live page for two seconds; the change dropped it.
    const after = await t.app.inject({ url: `/en/campaigns/${slug}` });
    expect(after.body).toContain('This campaign is closed.');
    expect(await runCampaignLifecycle(deps)).toEqual({ closed: [], reminded: [] });
  });

  it('runs as a recurring job through the worker, every five minutes', async () => {
    const repo = new JobRepository(t.db);
    const jobs = campaignLifecycleJobs(deps);
    clock.set(endsAt - 5 * 60_000);
    await scheduleRecurring(repo, jobs, clock.now());
    const worker = createWorker({ repo, handlers: recurringHandlers(repo, clock, jobs), clock });
    try {
      expect(await worker.drain()).toBe(1);
      expect((await campaignRow()).status).toBe('live');
      expect(await repo.countQueued(jobKinds.campaignLifecycle)).toBe(1);
      clock.advance(5 * 60_000);
      // The lifecycle run, then the final dossier's build job its close queued (no renderer in this worker).
      expect(await worker.drain()).toBe(2);
      expect((await campaignRow()).status).toBe('closed');
    } finally {
      await worker.stop();
    }
  });
});
