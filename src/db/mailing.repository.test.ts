// The editor's mailing store on SQLite and PostgreSQL: saves raise the revision only when the source texts
// change and stop when the send starts; moves are conditional; starting queues the segment in the same
// transaction; the finish rule waits for the queue to drain; the report counts per language.
import type { Updateable } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditActions, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { addCampaign, addPerson, day, now } from '../../test/mailing-helpers.js';
import type { MailingDraft } from '../domain/mailing/mailing.js';
import { emptySegment } from '../domain/mailing/segment.js';
import { MailingRepository } from './mailing.repository.js';
import type { MailingRecipientsTable } from './mailing.table.js';
import { UserRepository } from './user.repository.js';

describe.each(testDialects)('mailing repository on %s', (dialect) => {
  let db: TestDb;
  let repo: MailingRepository;
  let campaign: number;
  let actor: { id: number; email: string };
  const draft = (over: Partial<MailingDraft> = {}): MailingDraft => ({
    kind: 'launch',
    campaignId: campaign,
    sourceLocale: 'en',
    subject: 'Act now',
    preheader: 'Two minutes',
    bodyMd: 'Please **write**.',
    segment: emptySegment(['en', 'es']),
    ...over,
  });

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    repo = new MailingRepository(db);
    const { id } = await new UserRepository(db).upsertWithPassword(
      { email: 'editor@example.org', name: 'Ed', role: 'editor', passwordHash: 'not-a-hash' },
      now,
    );
    actor = { id, email: 'editor@example.org' };
    campaign = await addCampaign(db, 'ITUC');
    await addPerson(db, { email: 'ana@example.org', lists: { en: {} } });
    await addPerson(db, { email: 'bo@example.org', locale: 'es', lists: { es: {} } });
  });

  /** Every recipient in `locale` moved as the sender and the bounce and complaint reports would have. */
  const recipientsIn = (locale: string, values: Updateable<MailingRecipientsTable>) =>
    db.kysely.updateTable('mailing_recipients').set(values).where('locale', '=', locale).execute();

  it('creates drafts and raises the revision only when the source texts change', async () => {
    const id = await repo.create(draft(), actor, now);
    expect(await repo.find(id)).toMatchObject({
      status: 'draft',
      revision: 1,
      subject: 'Act now',
      campaignId: campaign,
    });
    expect(await repo.update(id, draft({ segment: emptySegment(['en']) }), actor, now + 1)).toBe('saved');
    expect((await repo.find(id))?.revision).toBe(1);
    expect(await repo.update(id, draft({ bodyMd: 'Please write today.' }), actor, now + 2)).toBe('saved');
    expect(await repo.find(id)).toMatchObject({ revision: 2, bodyMd: 'Please write today.' });
    expect(await repo.update(999_999, draft(), actor, now)).toBe('unknown');
    expect(await auditActions(db, 'mailing')).toEqual(['mailing.created', 'mailing.saved', 'mailing.saved']);
  });

  it('starts a send once, queues its segment, and locks the texts', async () => {
    const id = await repo.create(draft(), actor, now);
    expect(await repo.start(id, ['draft', 'scheduled'], actor, now)).toBe(2);
    expect(await repo.start(id, ['draft', 'scheduled'], actor, now)).toBeUndefined();
    expect(await repo.find(id)).toMatchObject({ status: 'sending', startedAt: now });
    expect(await repo.update(id, draft({ subject: 'Changed' }), actor, now)).toBe('locked');
    expect(await repo.progress(id)).toEqual({ total: 2, queued: 2, sent: 0, failed: 0, bounced: 0 });
    const [summary] = await repo.list();
    expect(summary).toMatchObject({
      id,
      status: 'sending',
      campaignHeadline: 'Korea: Reinstate the dismissed nurses',
    });
  });

  it('moves only from the allowed states, and schedules', async () => {
    const id = await repo.create(draft(), actor, now);
    expect(await repo.move(id, { from: ['sending'], to: 'paused' }, actor, now)).toBe(false);
    expect(
      await repo.move(id, { from: ['draft'], to: 'scheduled', scheduledAt: now + day }, actor, now),
    ).toBe(true);
    expect(await repo.dueScheduled(now)).toEqual([]);
    expect(await repo.dueScheduled(now + day)).toEqual([id]);
    expect(await repo.move(id, { from: ['draft', 'scheduled'], to: 'cancelled' }, actor, now)).toBe(true);
    expect(await repo.find(id)).toMatchObject({ status: 'cancelled', finishedAt: now });
    expect(await repo.dueScheduled(now + day)).toEqual([]);
  });

  it('finishes a sending mailing only when no recipient is left to send', async () => {
    const id = await repo.create(draft(), actor, now);
    await repo.start(id, ['draft'], actor, now);
    expect(await repo.finishMailingIfDrained(id, now + 1)).toBe(false);
    await recipientsIn('en', { status: 'sent', sent_at: now });
    await recipientsIn('es', { status: 'sending' });
    expect(await repo.finishMailingIfDrained(id, now + 1)).toBe(false);
    await recipientsIn('es', { status: 'bounced', bounced_at: now });
    expect(await repo.finishMailingIfDrained(id, now + 2)).toBe(true);
    expect(await repo.find(id)).toMatchObject({ status: 'sent', finishedAt: now + 2 });
    expect(await repo.finishMailingIfDrained(id, now + 3)).toBe(false);
  });

  it('reports per language, with the signatures the mailing brought', async () => {
    const id = await repo.create(draft(), actor, now);
    await repo.start(id, ['draft'], actor, now);
    await recipientsIn('en', { status: 'sent', sent_at: now, complained_at: now, unsubscribed_at: now });
    await recipientsIn('es', { status: 'failed' });
    const count = (source: string, status: string, n: number) =>
      db.kysely
        .insertInto('counts')
        .values({ campaign_id: campaign, locale: 'en', country: 'BR', source, status, n })
        .execute();
    await count(`mailing-${id}-en`, 'confirmed', 3);
    await count(`mailing-${id}-en`, 'pending', 5);
    await count(`mailing-${id}-fr`, 'confirmed', 1);
    await count(`mailing-${id + 1}-en`, 'confirmed', 7);
    expect(await repo.report(id)).toEqual([
      {
        locale: 'en',
        recipients: 1,
        sent: 1,
        failed: 0,
        bounced: 0,
        complaints: 1,
        unsubscribed: 1,
        signatures: 3,
      },
      {
        locale: 'es',
        recipients: 1,
        sent: 0,
        failed: 1,
        bounced: 0,
        complaints: 0,
        unsubscribed: 0,
        signatures: 0,
      },
      {
        locale: 'fr',
        recipients: 0,
        sent: 0,
        failed: 0,
        bounced: 0,
        complaints: 0,
        unsubscribed: 0,
        signatures: 1,
      },
    ]);
  });

  it('reads translations, language versions with the source as fallback, and queues a test job', async () => {
    const id = await repo.create(draft(), actor, now);
    await db.kysely
      .insertInto('mailing_translations')
      .values([
        {
          mailing_id: id,
          locale: 'es',
          subject: 'Actúa',
          body_md: 'Escribe.',
          status: 'published',
          source_revision: 1,
          updated_by: null,
          updated_at: now,
        },
        {
          mailing_id: id,
          locale: 'ar',
          subject: 'تحرك',
          body_md: 'اكتب.',
          status: 'draft',
          source_revision: 1,
          updated_by: null,
          updated_at: now,
        },
      ])
      .execute();
    expect(await repo.translations(id)).toEqual([
      { locale: 'ar', status: 'draft', sourceRevision: 1 },
      { locale: 'es', status: 'published', sourceRevision: 1 },
    ]);
    expect(await repo.version(id, 'es')).toMatchObject({ locale: 'es', subject: 'Actúa', isFallback: false });
    expect(await repo.version(id, 'ar')).toMatchObject({
      locale: 'en',
      subject: 'Act now',
      isFallback: true,
    });
    expect(await repo.version(id, 'en')).toMatchObject({ locale: 'en', isFallback: false });
    await repo.queueTest(
      { mailingId: id, locale: 'es', to: { name: 'Ed', address: actor.email } },
      actor,
      now,
    );
    const job = await db.kysely.selectFrom('jobs').select(['kind', 'payload']).executeTakeFirstOrThrow();
    expect(job.kind).toBe('send-mailing-test');
    expect(JSON.parse(job.payload)).toEqual({
      mailingId: id,
      locale: 'es',
      to: { name: 'Ed', address: actor.email },
    });
  });

  it('offers the lists with their sizes and the partner organisations', async () => {
    await addCampaign(db, 'ituc');
    expect(await repo.segmentOptions()).toMatchObject({
      lists: [
        { locale: 'en', subscribed: 1 },
        { locale: 'es', subscribed: 1 },
      ],
      partners: [{ name: 'ITUC' }],
    });
  });
});
