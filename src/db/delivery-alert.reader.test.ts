// The alert-mail job's reader against real SQLite and PostgreSQL: an alert written by the outcome writer,
// with its campaign and target, goes to every active admin and editor and to nobody else; the job mails
// each of them in their own language.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import { createCampaign, insertAlertTeam } from '../../test/delivery-helpers.js';
import { buildCampaign } from '../../test/factories.js';
import { startMailWorker, type TestApp } from '../../test/test-app.js';
import { DeliveryAlertReader } from './delivery-alert.reader.js';
import { enqueueJobs } from './job.repository.js';
import { deliveryAlert } from './message-outcome.writer.js';

describe.each(testDialects)('delivery alert reader on %s', (dialect) => {
  let t: TestApp;
  appPerTest(dialect, { seed: false }, (app) => ({ t } = app));

  it('reads an alert with its campaign and target, for every active admin and editor', async () => {
    const now = t.services.clock.now();
    await insertAlertTeam(t, now);
    const campaignId = await createCampaign(t, buildCampaign({ slug: 'nurses-alert' }));
    const target = await t.db.kysely
      .selectFrom('targets')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('email', '=', 'director@hospital.example.org')
      .executeTakeFirstOrThrow();
    const job = await t.db.kysely
      .transaction()
      .execute((trx) =>
        deliveryAlert(
          trx,
          { kind: 'target_bounced', campaignId, targetId: target.id, domain: null, detail: '550 5.1.1 gone' },
          now,
        ),
      );
    const { alertId } = job.payload as { alertId: number };

    const reader = new DeliveryAlertReader(t.db);
    expect(await reader.alertForMail(alertId)).toEqual({
      kind: 'target_bounced',
      detail: '550 5.1.1 gone',
      domain: null,
      createdAt: now,
      campaignSlug: 'nurses-alert',
      targetName: 'Hospital director',
      targetEmail: 'director@hospital.example.org',
      recipients: [
        { name: 'Ed', email: 'ed@example.org', locale: 'tl' },
        { name: 'Ad', email: 'ad@example.org', locale: 'en' },
      ],
    });
    expect(await reader.alertForMail(alertId + 1)).toBeUndefined();
  });

  it('mails the alert to each active admin and editor in their language, and to nobody else', async () => {
    const now = t.services.clock.now();
    await insertAlertTeam(t, now);
    const campaignId = await createCampaign(t, buildCampaign({ slug: 'nurses-alert' }));
    await t.db.kysely.transaction().execute(async (trx) => {
      const job = await deliveryAlert(
        trx,
        {
          kind: 'domain_paused',
          campaignId,
          targetId: null,
          domain: 'hospital.example.org',
          detail: '554 5.7.1',
        },
        now,
      );
      await enqueueJobs(trx, [job], now);
    });
    const worker = await startMailWorker(t);
    try {
      await worker.drain();
      const mails = await worker.sink.waitFor(2);
      const to = (address: string) => mails.find((m) => m.envelope.to.includes(address));
      expect(mails.flatMap((m) => m.envelope.to).sort()).toEqual(['ad@example.org', 'ed@example.org']);
      expect(to('ad@example.org')!.parsed.subject).toBe(
        'Delivery paused: hospital.example.org refuses our mail',
      );
      expect(to('ad@example.org')!.parsed.text).toContain('554 5.7.1');
      expect(to('ed@example.org')!.parsed.subject).toBe(
        'Nakahinto ang pagpapadala: tinatanggihan ng hospital.example.org ang aming mail',
      );
    } finally {
      await worker.close();
    }
  });
});
