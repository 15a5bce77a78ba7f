// The job contract: every kind has exactly one runner (a task or a recurring job), and the payloads that
// use cases and repositories write parse under their kind's schema, while malformed ones do not.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import type { TestApp } from '../../test/test-app.js';
import { CampaignRequestRepository } from '../db/campaign-request.repository.js';
import { DeliveryAlertReader } from '../db/delivery-alert.reader.js';
import { JobRepository } from '../db/job.repository.js';
import { accountMail } from '../domain/account/account-mail.js';
import { campaignRequestMail } from '../domain/campaign-request/campaign-request-mail.js';
import { createCaptureTransport } from '../mail/capture.transport.js';
import { zipArchive } from '../pdf/zip.js';
import { logSigningKey } from '../security/log-signing-key.js';
import { jobKinds, jobPayloads } from './kinds.js';
import { signatureLogJobs } from './tasks/append-signature-log.task.js';
import { dossierHandlers, dossierPurgeJobs } from './tasks/build-dossier.task.js';
import { campaignLifecycleJobs } from './tasks/campaign-lifecycle.task.js';
import { jobHandlers } from './tasks/index.js';
import { signatureMaintenance } from './tasks/maintain-signatures.task.js';
import { jobPurge } from './tasks/purge-jobs.task.js';
import { retentionJobs } from './tasks/purge-retention.task.js';
import { translatorBulletinJobs } from './tasks/send-translator-bulletins.task.js';
import { scheduledMailingJobs } from './tasks/start-scheduled-mailings.task.js';

const parses = (kind: keyof typeof jobPayloads, payload: unknown) =>
  jobPayloads[kind].safeParse(payload).success;

describe('job kinds', () => {
  let t: TestApp;
  appPerTest('sqlite', { seed: false }, (app) => ({ t } = app));

  it('each has one runner: a task, or a recurring job of the worker', () => {
    const { clock } = t.services;
    const tasks = Object.keys({
      ...dossierHandlers({
        dossiers: t.services.dossiers.store,
        campaigns: t.services.previewCampaigns,
        exporter: t.services.petition,
        renderer: t.services.dossierRenderer,
        archive: zipArchive,
        clock,
      }),
      ...jobHandlers({
        mail: createCaptureTransport(t.config.MAIL_CAPTURE_DIR),
        config: t.config,
        campaigns: t.services.campaigns,
        signatures: t.services.signatureStore,
        delivery: new DeliveryAlertReader(t.db),
        mailings: t.services.mailings,
        accounts: { store: t.services.accounts.store, clock, tokens: t.services.accounts.tokens },
      }),
    });
    const recurring = [
      ...signatureMaintenance({
        signatures: t.services.signatureStore,
        requests: new CampaignRequestRepository(t.db),
        clock,
        confirmExpiryMs: 1,
        networkRetentionMs: 1,
      }),
      ...jobPurge({ jobs: new JobRepository(t.db), clock, retentionMs: 1 }),
      ...campaignLifecycleJobs({
        campaigns: t.services.lifecycle,
        clock,
        config: t.config,
        dossierRetentionDays: t.services.dossiers.retentionDays,
      }),
      ...scheduledMailingJobs({ mailings: t.services.mailings, clock }),
      ...dossierPurgeJobs({ dossiers: t.services.dossiers.store, clock }),
      ...retentionJobs({
        store: t.services.privacy.store,
        retention: t.services.privacy.retention.get,
        clock,
        keyedHash: (c) => c,
      }),
      ...signatureLogJobs({ log: t.services.signatureLog, clock, signingKey: logSigningKey(t.config) }),
      ...translatorBulletinJobs({
        translations: t.services.translations,
        bulletins: t.services.translatorBulletins,
        clock,
        config: t.config,
      }),
    ].map((job) => job.kind);
    expect([...tasks, ...recurring].sort()).toEqual(Object.values(jobKinds).sort());
  });
});

describe('job payloads', () => {
  const to = { name: 'Kim', address: 'kim@example.org' };

  it('accept what the use cases write', () => {
    const invite = accountMail({ kind: 'invite', to, locale: 'ar', token: 'a'.repeat(32), role: 'partner' });
    expect(parses(jobKinds.sendAccountMail, invite.payload)).toBe(true);
    const declined = campaignRequestMail({
      kind: 'declined',
      requestId: 4,
      to,
      locale: 'tl',
      headline: 'Free Erlan',
      orgName: 'Salidarnast',
      message: 'No sources.',
      replyTo: to,
    });
    expect(parses(jobKinds.sendCampaignRequestMail, declined.payload)).toBe(true);
    expect(parses(jobKinds.sendSignatureMail, { signatureId: 9, mail: 'confirm', token: 'x' })).toBe(true);
    expect(parses(jobKinds.sendDeliveryAlert, { alertId: 3 })).toBe(true);
    expect(parses(jobKinds.sendEmail, { from: to, to: [to], subject: 'S', text: 'T' })).toBe(true);
    expect(parses(jobKinds.reconcileCounts, {})).toBe(true);
  });

  it('refuse malformed payloads', () => {
    expect(parses(jobKinds.sendAccountMail, { kind: 'invite', to, locale: 'en', token: 'short' })).toBe(
      false,
    );
    expect(
      parses(jobKinds.sendAccountMail, { kind: 'delete', to, locale: 'en', token: 'a'.repeat(32) }),
    ).toBe(false);
    expect(parses(jobKinds.sendSignatureMail, { signatureId: '9', mail: 'confirm' })).toBe(false);
    expect(parses(jobKinds.sendSignatureMail, { signatureId: 9, mail: 'remind' })).toBe(false);
    expect(parses(jobKinds.sendDeliveryAlert, null)).toBe(false);
    expect(parses(jobKinds.sendEmail, { from: to, to: [], subject: 'S', text: 'T' })).toBe(false);
    expect(
      parses(jobKinds.sendCampaignRequestMail, {
        kind: 'received',
        requestId: 1,
        to,
        locale: 'x'.repeat(21),
      }),
    ).toBe(false);
  });
});
