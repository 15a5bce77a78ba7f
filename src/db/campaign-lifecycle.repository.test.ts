// Every lifecycle transition through its use case on real SQLite and PostgreSQL: what it writes (status,
// dates, outcome, the audit entry in the same transaction), what it refuses and why, and that a stale
// decision (the campaign moved on meanwhile) writes nothing.
import { describe, expect, it } from 'vitest';
import { insertUser, jobPayloads, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import type { CampaignStatus } from '../domain/campaign/campaign.js';
import type { NewCampaign } from '../domain/campaign/campaign.ports.js';
import { type CloseCampaignDeps, closeCampaign } from '../domain/campaign/close-campaign.js';
import { extendCampaign } from '../domain/campaign/extend-campaign.js';
import { launchCampaign } from '../domain/campaign/launch-campaign.js';
import { outcomeMax } from '../domain/campaign/lifecycle.js';
import { reopenCampaign } from '../domain/campaign/reopen-campaign.js';
import { sendBackCampaign } from '../domain/campaign/send-back-campaign.js';
import { submitForReview } from '../domain/campaign/submit-for-review.js';
import { CampaignRepository } from './campaign.repository.js';
import { CampaignLifecycleRepository } from './campaign-lifecycle.repository.js';

const day = 86_400_000;
const endOfDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 23, 59, 59, 999);

describe.each(testDialects)('campaign lifecycle on %s', (dialect) => {
  let db: TestDb;
  let clock: FakeClock;
  let store: CampaignLifecycleRepository;
  let deps: CloseCampaignDeps;
  let changed: string[];
  const editor = { id: 0, email: 'editor@example.org' };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    clock = new FakeClock(Date.UTC(2026, 10, 23, 9, 0));
    changed = [];
    store = new CampaignLifecycleRepository(db, (c) => changed.push(c.slug));
    deps = { campaigns: store, clock, dossierRetentionDays: async () => 7 };
    editor.id = await insertUser(db, { email: editor.email, name: 'Ed', role: 'editor' }, clock.now());
  });

  async function campaign(status: CampaignStatus, overrides: Partial<NewCampaign> = {}): Promise<string> {
    const c = buildCampaign({ status, ...overrides });
    await new CampaignRepository(db).create(c, clock.now());
    return c.slug;
  }
  const audit = () =>
    db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'campaign')
      .orderBy('id')
      .execute();

  it('submits a draft for review and sends it back, audited; refuses both from other states', async () => {
    const slug = await campaign('draft');
    expect(await sendBackCampaign(deps, editor, { slug })).toEqual({
      status: 'wrong_state',
      current: 'draft',
    });
    expect(await submitForReview(deps, editor, { slug })).toEqual({ status: 'ok' });
    expect((await store.find(slug))?.status).toBe('in_review');
    expect(await submitForReview(deps, editor, { slug })).toEqual({
      status: 'wrong_state',
      current: 'in_review',
    });
    expect(await sendBackCampaign(deps, editor, { slug })).toEqual({ status: 'ok' });
    expect((await store.find(slug))?.status).toBe('draft');
    expect(await submitForReview(deps, editor, { slug: 'no-such-campaign' })).toEqual({
      status: 'not_found',
    });
    const entries = await audit();
    expect(entries.map((e) => [e.action, e.actor_id, e.actor_email])).toEqual([
      ['campaign.submitted', editor.id, editor.email],
      ['campaign.sent_back', editor.id, editor.email],
    ]);
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({ status: 'draft' });
    expect(JSON.parse(entries[0]!.after_json!)).toMatchObject({ status: 'in_review' });
    expect(changed).toEqual([slug, slug]);
  });

  it('launches: starts now, ends through the day three calendar months on, unless told otherwise', async () => {
    const slug = await campaign('in_review');
    expect(await launchCampaign(deps, editor, { slug })).toEqual({ status: 'ok' });
    const live = await store.find(slug);
    expect(live).toMatchObject({
      status: 'live',
      startsAt: clock.now(),
      endsAt: endOfDay(2027, 2, 23),
      closedAt: null,
      reminderSentAt: null,
    });
    const [entry] = await audit();
    expect(entry?.action).toBe('campaign.launched');
    expect(JSON.parse(entry!.after_json!)).toEqual({
      status: 'live',
      startsAt: clock.now(),
      endsAt: endOfDay(2027, 2, 23),
      closedAt: null,
    });
    expect(await launchCampaign(deps, editor, { slug })).toEqual({ status: 'wrong_state', current: 'live' });

    const chosen = await campaign('in_review', { startsAt: clock.now() - day });
    expect(await launchCampaign(deps, editor, { slug: chosen, endDate: '2027-01-15' })).toEqual({
      status: 'ok',
    });
    expect(await store.find(chosen)).toMatchObject({
      startsAt: clock.now() - day,
      endsAt: endOfDay(2027, 1, 15),
    });
  });

  it('tells the union whose request became the campaign, once, the day it goes live', async () => {
    const slug = await campaign('in_review');
    const other = await campaign('in_review');
    const campaignId = Number((await store.find(slug))!.id);
    const terms = await db.kysely
      .insertInto('partnership_terms')
      .values({ locale: 'en', body_md: 'Terms', created_by: null, created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('campaign_requests')
      .values({
        status: 'approved',
        locale: 'en',
        contact_locale: 'ar',
        org_name: 'Nurses United',
        org_description: 'A union',
        org_website: null,
        org_logo_path: null,
        contact_name: 'Amal',
        contact_email: 'amal@example.org',
        headline: 'Free Erlan',
        background_md: 'Background',
        default_message: 'Message',
        more_info_url: null,
        photo_path: null,
        targets_json: '[]',
        terms_id: Number(terms.id),
        terms_accepted_at: clock.now(),
        form_nonce: 'n1',
        ip_hash: null,
        campaign_id: campaignId,
        decision_note: null,
        decided_by: null,
        decided_at: null,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
    const mails = () => jobPayloads(db, 'send-request-mail');
    expect(await launchCampaign(deps, editor, { slug: other })).toEqual({ status: 'ok' });
    expect(await mails()).toEqual([]);
    expect(await launchCampaign(deps, editor, { slug })).toEqual({ status: 'ok' });
    const sent = await mails();
    expect(sent).toEqual([
      expect.objectContaining({
        kind: 'launched',
        to: { name: 'Amal', address: 'amal@example.org' },
        locale: 'ar',
        campaignPath: `/ar/campaigns/${slug}`,
      }),
    ]);
    await closeCampaign(deps, editor, { slug, outcome: '' });
    await reopenCampaign(deps, editor, { slug, endDate: '2027-03-01' });
    expect(await mails()).toHaveLength(1);
  });

  it('refuses to launch without a published source text, or with an end date in the past', async () => {
    const unpublished = await campaign('in_review', {
      translations: buildCampaign().translations.map((t) => ({ ...t, status: 'in_review' as const })),
    });
    expect(await launchCampaign(deps, editor, { slug: unpublished })).toEqual({ status: 'no_source_text' });
    const untranslated = await campaign('in_review', { translations: [] });
    expect(await launchCampaign(deps, editor, { slug: untranslated })).toEqual({ status: 'no_source_text' });

    const slug = await campaign('in_review');
    for (const [endDate, problem] of [
      ['2026-11-22', 'past'],
      ['22.11.2027', 'format'],
    ] as const)
      expect(await launchCampaign(deps, editor, { slug, endDate })).toEqual({
        status: 'invalid_date',
        problem,
      });
    // An end date set earlier that has passed meanwhile is refused too.
    const stale = await campaign('in_review', { endsAt: clock.now() - day });
    expect(await launchCampaign(deps, editor, { slug: stale })).toEqual({
      status: 'invalid_date',
      problem: 'past',
    });
    for (const s of [unpublished, untranslated, slug, stale])
      expect((await store.find(s))?.status).toBe('in_review');
    expect(await audit()).toEqual([]);
  });

  it('extends to a later future date and forgets the reminder; refuses earlier, past or missing dates', async () => {
    const slug = await campaign('live', { startsAt: clock.now() - day, endsAt: endOfDay(2026, 11, 28) });
    await db.kysely.updateTable('campaigns').set({ reminder_sent_at: clock.now() }).execute();
    for (const [endDate, problem] of [
      ['', 'required'],
      ['2026-11-28', 'not_later'],
      ['2026-11-01', 'past'],
    ] as const)
      expect(await extendCampaign(deps, editor, { slug, endDate })).toEqual({
        status: 'invalid_date',
        problem,
      });
    expect(await extendCampaign(deps, editor, { slug, endDate: '2026-12-31' })).toEqual({ status: 'ok' });
    expect(await store.find(slug)).toMatchObject({
      status: 'live',
      endsAt: endOfDay(2026, 12, 31),
      reminderSentAt: null,
    });
    const draft = await campaign('draft');
    expect(await extendCampaign(deps, editor, { slug: draft, endDate: '2027-01-31' })).toEqual({
      status: 'wrong_state',
      current: 'draft',
    });
    expect((await audit()).map((e) => e.action)).toEqual(['campaign.extended']);
  });

  it('closes now with an outcome in the source language; refuses an outcome too long', async () => {
    const slug = await campaign('live', { startsAt: clock.now() - day, endsAt: endOfDay(2027, 1, 31) });
    expect(await closeCampaign(deps, editor, { slug, outcome: 'x'.repeat(outcomeMax + 1) })).toEqual({
      status: 'outcome_too_long',
      max: outcomeMax,
    });
    expect(
      await closeCampaign(deps, editor, {
        slug,
        outcome: '  The nurses are back at work.\r\n\r\nThank you!  ',
      }),
    ).toEqual({ status: 'ok' });
    const closed = await store.find(slug);
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: clock.now(),
      endsAt: endOfDay(2027, 1, 31),
      outcomeMd: 'The nurses are back at work.\n\nThank you!',
    });
    const [entry] = await audit();
    expect(entry?.action).toBe('campaign.closed');
    expect(JSON.parse(entry!.after_json!)).toMatchObject({
      status: 'closed',
      closedAt: clock.now(),
      outcome: 'The nurses are back at work.\n\nThank you!',
    });
    expect(await closeCampaign(deps, editor, { slug })).toEqual({ status: 'wrong_state', current: 'closed' });

    // The close asked for the final dossier: one PDF of every country in the campaign's language, with its
    // build job, written with the close (the refused second close asked for none); the audit names it.
    const dossiers = await db.kysely
      .selectFrom('dossiers')
      .select(['id', 'kind', 'locale', 'countries', 'status', 'created_by', 'created_at', 'expires_at'])
      .where('campaign_id', '=', closed!.id)
      .execute();
    expect(
      dossiers.map((d) => ({
        ...d,
        id: Number(d.id),
        created_by: Number(d.created_by),
        created_at: Number(d.created_at),
        expires_at: Number(d.expires_at),
      })),
    ).toEqual([
      {
        id: Number(dossiers[0]!.id),
        kind: 'pdf',
        locale: 'en',
        countries: '',
        status: 'queued',
        created_by: editor.id,
        created_at: clock.now(),
        expires_at: clock.now() + 7 * day,
      },
    ]);
    expect(await jobPayloads(db, 'build-dossier')).toEqual([{ dossierId: Number(dossiers[0]!.id) }]);
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ dossierId: Number(dossiers[0]!.id) });

    // Closing without an outcome keeps whatever outcome text exists.
    const quiet = await campaign('live');
    expect(await closeCampaign(deps, null, { slug: quiet, outcome: '   ' })).toEqual({ status: 'ok' });
    expect(await store.find(quiet)).toMatchObject({ status: 'closed', outcomeMd: null });
  });

  it('reopens with a future end date (given, or the one still ahead); refuses without one', async () => {
    const ended = await campaign('closed', { startsAt: clock.now() - 90 * day, endsAt: clock.now() - day });
    expect(await reopenCampaign(deps, editor, { slug: ended })).toEqual({
      status: 'invalid_date',
      problem: 'required',
    });
    expect(await reopenCampaign(deps, editor, { slug: ended, endDate: '2026-11-20' })).toEqual({
      status: 'invalid_date',
      problem: 'past',
    });
    expect(await reopenCampaign(deps, editor, { slug: ended, endDate: '2027-01-10' })).toEqual({
      status: 'ok',
    });
    expect(await store.find(ended)).toMatchObject({
      status: 'live',
      endsAt: endOfDay(2027, 1, 10),
      closedAt: null,
    });

    const early = await campaign('live', { endsAt: endOfDay(2027, 1, 31) });
    expect(await closeCampaign(deps, editor, { slug: early })).toEqual({ status: 'ok' });
    expect(await reopenCampaign(deps, editor, { slug: early })).toEqual({ status: 'ok' });
    expect(await store.find(early)).toMatchObject({
      status: 'live',
      endsAt: endOfDay(2027, 1, 31),
      closedAt: null,
    });
    expect(await reopenCampaign(deps, editor, { slug: early })).toEqual({
      status: 'wrong_state',
      current: 'live',
    });
    expect((await audit()).map((e) => e.action)).toEqual([
      'campaign.reopened',
      'campaign.closed',
      'campaign.reopened',
    ]);
  });

  it('refuses a stale transition: nothing written, not even the audit entry', async () => {
    const slug = await campaign('live', { endsAt: endOfDay(2027, 1, 31) });
    const seen = (await store.find(slug))!;
    // Someone closes it between our read and our write.
    expect(await closeCampaign(deps, editor, { slug })).toEqual({ status: 'ok' });
    const base = { campaignId: seen.id, actor: editor, now: clock.now(), expectedEndsAt: seen.endsAt };
    expect(
      await store.apply({
        ...base,
        action: 'extend',
        from: 'live',
        to: 'live',
        endsAt: endOfDay(2027, 6, 1),
      }),
    ).toBe(false);
    // The same status but another end date by now is stale too.
    expect(await reopenCampaign(deps, editor, { slug })).toEqual({ status: 'ok' });
    expect(
      await store.apply({
        ...base,
        expectedEndsAt: endOfDay(2026, 12, 1),
        action: 'close',
        from: 'live',
        to: 'closed',
      }),
    ).toBe(false);
    // An outcome for a language the campaign has no text in rolls the whole change back.
    expect(
      await store.apply({
        ...base,
        action: 'close',
        from: 'live',
        to: 'closed',
        closedAt: clock.now(),
        outcome: { locale: 'xx', markdown: 'Won' },
      }),
    ).toBe(false);
    expect(await store.find(slug)).toMatchObject({
      status: 'live',
      endsAt: endOfDay(2027, 1, 31),
      closedAt: null,
    });
    expect((await audit()).map((e) => e.action)).toEqual(['campaign.closed', 'campaign.reopened']);
  });

  it('lists every campaign with its source headline and counted supporters', async () => {
    const slug = await campaign('live');
    await campaign('draft', { translations: [] });
    const { id } = (await store.find(slug))!;
    await db.kysely
      .insertInto('counts')
      .values([
        { campaign_id: id, locale: 'en', country: 'KR', source: '', status: 'confirmed', n: 3 },
        { campaign_id: id, locale: 'ko', country: 'KR', source: '', status: 'confirmed', n: 4 },
        { campaign_id: id, locale: 'ko', country: 'KR', source: '', status: 'pending', n: 9 },
      ])
      .execute();
    const list = await store.list();
    expect(list.map((c) => [c.status, c.headline, c.supporters, c.hasPublishedSource])).toEqual([
      ['draft', null, 0, false],
      ['live', 'Korea: Reinstate the dismissed nurses', 7, true],
    ]);
  });
});
