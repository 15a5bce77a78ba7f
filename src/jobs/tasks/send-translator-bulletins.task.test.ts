// The translators' daily bulletin on each database, with a clock the test moves: a French translator gets
// one bulletin in French when a campaign waits for French; a second campaign launching and the first one's
// source changing later the same day make no second mail; the next day one more bulletin lists both. A
// translator who turned the bulletin off in their account settings, and one whose language is up to date,
// get nothing. The mail arrives through the real worker at an SMTP sink, its links opening the editor. A
// claimed language names its holder (a lapsed claim does not); a coordinator of French gets the French
// translations waiting for their review, with links, and so does an editor (every language), with only
// that part; a plain translator of French does not.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { campaignIdOf, jobPayloads, testDialects } from '../../../test/db.js';
import { createPerson, get, post, sessionFor } from '../../../test/editor-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import type { FakeClock } from '../../../test/fake-clock.js';
import { startMailWorker, type TestApp } from '../../../test/test-app.js';
import { CampaignRepository } from '../../db/campaign.repository.js';
import { JobRepository } from '../../db/job.repository.js';
import { claimLapseMs } from '../../domain/translation/translation-claim.js';
import { jobKinds } from '../kinds.js';
import { recurringHandlers, scheduleRecurring } from '../recurring.js';
import { createWorker } from '../worker.js';
import {
  runTranslatorBulletins,
  type TranslatorBulletinJobDeps,
  translatorBulletinJobs,
} from './send-translator-bulletins.task.js';

const hour = 60 * 60_000;

describe.each(testDialects)('translators’ daily bulletin on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let deps: TranslatorBulletinJobDeps;

  appPerTest(dialect, { seed: false }, async (app) => {
    ({ t, clock } = app);
    deps = {
      translations: t.services.translations,
      bulletins: t.services.translatorBulletins,
      clock,
      config: t.config,
    };
  });

  async function translator(email: string, locale: string, languages: string[]) {
    const person = await createPerson(t, 'translator', { email, name: email.split('@')[0]!, locale });
    for (const language of languages) {
      await t.db.kysely
        .insertInto('translator_languages')
        .values({ user_id: person.id, locale: language, created_by: null, created_at: clock.now() })
        .execute();
    }
    return person;
  }
  const launch = async (slug: string) => {
    const campaign = buildCampaign({ slug, status: 'live', startsAt: clock.now() });
    await new CampaignRepository(t.db).create(campaign, clock.now());
    return campaign;
  };
  const queued = () =>
    jobPayloads<{ to: { address: string }[]; subject: string; text: string }>(t.db, jobKinds.sendEmail);

  it('sends one bulletin a day at most, in the translator’s language, listing what waits', async () => {
    await translator('lea@example.org', 'fr', ['fr']);
    const quiet = await translator('off@example.org', 'en', ['fr']);
    await translator('done@example.org', 'en', ['en']);
    const off = await sessionFor(t, quiet);
    expect((await get(t.app, '/editor/account/translator-bulletin', off)).body).toMatch(
      /<input[^>]*id="bulletin"[^>]*checked/,
    );
    expect((await post(t.app, '/editor/account/translator-bulletin', off, {})).statusCode).toBe(303);
    expect((await get(t.app, '/editor/account/translator-bulletin', off)).body).not.toMatch(
      /<input[^>]*id="bulletin"[^>]*checked/,
    );
    // Editors review every language: their box is about translations waiting for review (none waits here).
    const editor = await sessionFor(t, await createPerson(t, 'editor'));
    const editorPage = await get(t.app, '/editor/account/translator-bulletin', editor);
    expect(editorPage.statusCode).toBe(200);
    expect(editorPage.body).toContain('Email me once a day when translations wait for my review');
    expect(editorPage.body).toMatch(/<input[^>]*id="bulletin"[^>]*checked/);

    expect(await runTranslatorBulletins(deps)).toBe(0);
    const first = await launch('nurses-korea');
    expect(await runTranslatorBulletins(deps)).toBe(1);
    const [bulletin] = await queued();
    expect(bulletin!.to).toEqual([{ name: 'lea', address: 'lea@example.org' }]);

    // Later the same day: a second campaign launches, the first one's source changes. No second mail.
    clock.advance(2 * hour);
    await launch('dockers-chile');
    expect(await runTranslatorBulletins(deps)).toBe(0);
    clock.advance(4 * hour);
    await t.db.kysely
      .updateTable('campaign_translations')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('locale', '=', 'en')
      .execute();
    expect(await runTranslatorBulletins(deps)).toBe(0);
    expect(await queued()).toHaveLength(1);

    // The next day, one more, listing both campaigns.
    clock.set(Date.UTC(2026, 10, 24, 9, 0));
    expect(await runTranslatorBulletins(deps)).toBe(1);
    const second = (await queued())[1]!;
    expect(second.text).toContain('/editor/campaigns/nurses-korea/translations/fr');
    expect(second.text).toContain('/editor/campaigns/dockers-chile/translations/fr');
    clock.advance(hour);
    expect(await runTranslatorBulletins(deps)).toBe(0);
    // Nothing new since: no mail the day after either.
    clock.set(Date.UTC(2026, 10, 25, 10, 0));
    expect(await runTranslatorBulletins(deps)).toBe(0);
    expect(await queued()).toHaveLength(2);

    const mail = await startMailWorker(t);
    try {
      expect(await mail.drain()).toBe(2);
      const [one, two] = await mail.sink.waitFor(2);
      expect(one!.envelope.to).toEqual(['lea@example.org']);
      expect(one!.parsed.headers.get('content-language')).toBe('fr');
      expect(one!.parsed.subject).toContain('traduction');
      expect(one!.parsed.text).toContain(
        `https://outcry.example.org/editor/campaigns/${first.slug}/translations/fr`,
      );
      expect(one!.parsed.text).toContain('https://outcry.example.org/editor/account/translator-bulletin');
      expect(two!.parsed.subject).toContain('2');
    } finally {
      await mail.close();
    }
  });

  it('runs as a recurring job through the worker, every hour', async () => {
    await translator('lea@example.org', 'fr', ['fr']);
    await launch('nurses-korea');
    const repo = new JobRepository(t.db);
    const jobs = translatorBulletinJobs(deps);
    await scheduleRecurring(repo, jobs, clock.now());
    const worker = createWorker({ repo, handlers: recurringHandlers(repo, clock, jobs), clock });
    try {
      // The run, and the bulletin it wrote (this worker has no mail handler: it only counts the attempt).
      await worker.drain();
      expect(await queued()).toHaveLength(1);
      expect(await repo.countQueued(jobKinds.sendTranslatorBulletins)).toBe(1);
      clock.advance(hour);
      await worker.drain();
      expect(await queued()).toHaveLength(1);
      expect(await repo.countQueued(jobKinds.sendTranslatorBulletins)).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('names who claimed a language and gives a coordinator the reviews waiting for them', async () => {
    await createPerson(t, 'editor', { email: 'ed@example.org', name: 'Ed' });
    const lea = await translator('lea@example.org', 'en', ['fr']);
    const amira = await translator('amira@example.org', 'en', ['fr']);
    await t.db.kysely
      .updateTable('translator_languages')
      .set({ standing: 'coordinator' })
      .where('user_id', '=', amira.id)
      .execute();
    const claimed = await launch('nurses-korea');
    const lapsed = await launch('dockers-chile');
    const inReview = buildCampaign({ slug: 'miners-peru', status: 'live', startsAt: clock.now() });
    inReview.translations.push({ ...inReview.translations[0]!, locale: 'fr', status: 'in_review' });
    await new CampaignRepository(t.db).create(inReview, clock.now());
    const idOf = (slug: string) => campaignIdOf(t.db, slug);
    await t.db.kysely
      .insertInto('translation_claims')
      .values([
        {
          campaign_id: await idOf(claimed.slug),
          locale: 'fr',
          user_id: amira.id,
          claimed_at: clock.now() - hour,
        },
        {
          campaign_id: await idOf(lapsed.slug),
          locale: 'fr',
          user_id: lea.id,
          claimed_at: clock.now() - claimLapseMs,
        },
      ])
      .execute();

    expect(await runTranslatorBulletins(deps)).toBe(3);
    const byAddress = new Map((await queued()).map((m) => [m.to[0]!.address, m]));
    const plain = byAddress.get('lea@example.org')!;
    expect(plain.text).toContain('claimed by amira since');
    expect(plain.text).toContain('/editor/campaigns/nurses-korea/translations/fr');
    // The lapsed claim names nobody: the language is simply waiting again.
    expect(plain.text).not.toContain('claimed by lea');
    expect(plain.text).toContain('/editor/campaigns/dockers-chile/translations/fr');
    expect(plain.text).not.toContain('review');
    expect(plain.text).not.toContain('miners-peru');
    const coordinator = byAddress.get('amira@example.org')!;
    expect(coordinator.subject).toContain('A translation waits for your review');
    expect(coordinator.text).toContain('This translation waits for your review:');
    expect(coordinator.text).toContain('/editor/campaigns/miners-peru/translations/fr');
    expect(coordinator.text).toContain('These campaigns wait for a translation into your languages:');
    const editor = byAddress.get('ed@example.org')!;
    expect(editor.text).toContain('/editor/campaigns/miners-peru/translations/fr');
    expect(editor.text).not.toContain('wait for a translation');

    // The next day nothing is new: no mail. Once the French work is done, a new submission still mails the
    // coordinator alone, with only the review part.
    clock.advance(25 * hour);
    expect(await runTranslatorBulletins(deps)).toBe(0);
    await t.db.kysely
      .updateTable('campaign_translations')
      .set({ status: 'published' })
      .where('locale', '=', 'fr')
      .execute();
    for (const c of [claimed, lapsed]) {
      await t.db.kysely
        .insertInto('campaign_translations')
        .values({
          campaign_id: await idOf(c.slug),
          locale: 'fr',
          status: 'in_review',
          headline: 'Réintégrez les infirmières',
          background_md: 'Des infirmières ont été licenciées.',
          default_message: 'Réintégrez-les.',
          target_subject: 'Les infirmières',
          outcome_md: null,
          source_snapshot: null,
          review_note: null,
          updated_by: lea.id,
          created_at: clock.now(),
          updated_at: clock.now(),
        })
        .execute();
    }
    expect(await runTranslatorBulletins(deps)).toBe(2);
    const later = (await queued()).slice(3);
    expect(later.map((m) => m.to[0]!.address).sort()).toEqual(['amira@example.org', 'ed@example.org']);
    for (const m of later) {
      expect(m.subject).toContain('2 translations wait for your review');
      expect(m.text).not.toContain('wait for a translation');
    }
  });
});
