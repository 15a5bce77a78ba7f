// The campaign request store on each database: statuses checked by the schema, the newest terms per language,
// decisions and endorsements only while a request is open, each with its audit entry and mail, and a form
// nonce used once.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { seedCampaignRequest } from '../cli/demo/campaign-request.js';
import type { NewRequest } from '../domain/campaign-request/campaign-request.ports.js';
import { CampaignRequestRepository } from './campaign-request.repository.js';

describe.each(testDialects)('campaign request repository on %s', (dialect) => {
  let db: TestDb;
  let repo: CampaignRequestRepository;
  const actor = { id: 1, email: 'editor@example.org' };
  const now = Date.UTC(2026, 10, 23);

  const newRequest = (termsVersionId: number, formNonce: string): NewRequest => ({
    orgName: 'KHMU',
    orgDescription: 'Nurses.',
    orgWebsite: null,
    contactName: 'Kim',
    contactEmail: 'kim@khmu.example.org',
    language: 'ko',
    headline: 'Reinstate the nurses',
    backgroundMd: 'Background.',
    defaultMessage: 'Reinstate them.',
    moreInfoUrl: null,
    targets: [{ name: 'Director', email: 'director@hospital.example.org' }],
    contactLocale: 'en',
    orgLogoPath: null,
    photoPath: null,
    termsVersionId,
    formNonce,
    ipHash: null,
  });

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    repo = new CampaignRequestRepository(db);
    await db.kysely
      .insertInto('users')
      .values({ id: 1, email: actor.email, name: 'Editor', role: 'editor', created_at: now })
      .execute();
  });

  it('keeps every terms version and answers the newest per language', async () => {
    expect(await repo.latest()).toEqual([]);
    const en1 = await repo.save({ locale: 'en', bodyMd: 'One.' }, { actor, now });
    await repo.save({ locale: 'ar', bodyMd: 'واحد.' }, { actor: null, now });
    const en2 = await repo.save({ locale: 'en', bodyMd: 'Two.' }, { actor, now: now + 1 });
    expect((await repo.latest()).map((v) => [v.locale, v.id, v.bodyMd])).toEqual([
      ['ar', 2, 'واحد.'],
      ['en', en2.id, 'Two.'],
    ]);
    expect(en2.createdBy).toBe('Editor');
    expect(await repo.version(en1.id)).toMatchObject({ bodyMd: 'One.', locale: 'en' });
    expect((await repo.history(10)).map((v) => v.id)).toEqual([3, 2, 1]);
  });

  it('creates a request once per nonce, with its mail; decides and endorses only while it is open', async () => {
    const terms = await repo.save({ locale: 'en', bodyMd: 'Terms.' }, { actor: null, now });
    const mails = (id: number) => [{ kind: 'send-request-mail', payload: { requestId: id } }];
    const first = await repo.create(newRequest(terms.id, 'nonce-1'), mails, now);
    expect(first.status).toBe('created');
    expect(await repo.create(newRequest(terms.id, 'nonce-1'), mails, now)).toEqual({
      status: 'duplicate',
      id: first.id,
    });
    expect(await repo.findByNonce('nonce-1')).toBe(first.id);
    expect(await repo.countWaiting()).toBe(1);
    const jobs = await db.kysely.selectFrom('jobs').select('payload').execute();
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ requestId: first.id }]);

    expect(await repo.addEndorsement(first.id, { name: 'ITUC', url: null, note: null }, { actor, now })).toBe(
      true,
    );
    const request = await repo.find(first.id);
    expect(request).toMatchObject({
      status: 'waiting',
      termsVersion: { id: terms.id, locale: 'en' },
      campaign: null,
    });
    const change = { id: first.id, note: 'No.', actor, now, mails: [] };
    expect(await repo.decide({ ...change, from: ['waiting', 'changes_requested'], to: 'declined' })).toBe(
      true,
    );
    expect(
      await repo.decide({ ...change, from: ['waiting', 'changes_requested'], to: 'changes_requested' }),
    ).toBe(false);
    expect(await repo.addEndorsement(first.id, { name: 'Late', url: null, note: null }, { actor, now })).toBe(
      false,
    );
    expect(await repo.removeEndorsement(first.id, request!.endorsements[0]!.id, { actor, now })).toBe(false);
    expect(await repo.countWaiting()).toBe(0);
    expect((await repo.list(10)).map((r) => [r.id, r.status])).toEqual([[first.id, 'declined']]);
    const audit = await db.kysely.selectFrom('audit_events').select('action').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'partnership_terms.saved',
      'campaign_request.received',
      'campaign_request.endorsement_added',
      'campaign_request.declined',
    ]);
    await expect(
      db.kysely.updateTable('campaign_requests').set({ status: 'lost' }).where('id', '=', first.id).execute(),
    ).rejects.toThrow();
  });

  it('forgets the network hash of requests older than the cut-off', async () => {
    const terms = await repo.save({ locale: 'en', bodyMd: 'Terms.' }, { actor, now });
    await repo.create({ ...newRequest(terms.id, 'old'), ipHash: 'net-old' }, () => [], now - 31 * 86_400_000);
    await repo.create({ ...newRequest(terms.id, 'new'), ipHash: 'net-new' }, () => [], now);
    expect(await repo.forgetNetworks(now - 30 * 86_400_000)).toBe(1);
    const rows = await db.kysely
      .selectFrom('campaign_requests')
      .select(['form_nonce', 'ip_hash'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { form_nonce: 'old', ip_hash: null },
      { form_nonce: 'new', ip_hash: 'net-new' },
    ]);
  });

  it('seeds the demo terms and one waiting request once', async () => {
    await seedCampaignRequest(db, now);
    await seedCampaignRequest(db, now);
    expect((await repo.latest()).map((v) => v.locale)).toEqual(['ar', 'en', 'tl']);
    const [waiting, ...rest] = await repo.list(10);
    expect(rest).toEqual([]);
    expect(waiting).toMatchObject({
      status: 'waiting',
      headline: 'Belarus: Free union leader Aliaksandr Yarashuk',
    });
    expect((await repo.find(waiting!.id))?.endorsements.map((e) => e.name)).toEqual([
      'Belarusian Congress of Democratic Trade Unions (BKDP)',
    ]);
  });
});
