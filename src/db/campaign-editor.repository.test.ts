// Every campaign-editor use case through the real store on SQLite and PostgreSQL: what it writes (and its
// audit entry in the same transaction), what it refuses and why, that a stale form or a second editor
// saving at once never overwrites silently, that old slugs keep leading to the campaign, and that the
// public reader and the target letter see the result (salutation, updates, follow-up).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, insertUser, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import { updatesFor } from '../domain/campaign/campaign.js';
import type { NewCampaign } from '../domain/campaign/campaign.ports.js';
import { deleteUpdate } from '../domain/campaign/delete-update.js';
import { type CampaignEditDeps, editToken } from '../domain/campaign/edit-campaign.js';
import { editCampaignPhoto } from '../domain/campaign/edit-campaign-photo.js';
import { editCampaignSettings, type SettingsInput } from '../domain/campaign/edit-campaign-settings.js';
import { editCampaignTexts, storedTexts, type TextsInput } from '../domain/campaign/edit-campaign-texts.js';
import { editUpdate } from '../domain/campaign/edit-update.js';
import { postUpdate } from '../domain/campaign/post-update.js';
import { removeCampaignPhoto } from '../domain/campaign/remove-campaign-photo.js';
import { setSuccessor } from '../domain/campaign/set-successor.js';
import { letterTexts } from '../domain/delivery/delivery.js';
import { parseOfficeHours, withinOfficeHours } from '../domain/delivery/pacing.js';
import { translatorFor } from '../i18n/translator.js';
import { targetLetter } from '../mail/templates/target-letter.email.js';
import { createSharpImageStore } from '../media/sharp-image-store.js';
import { CampaignRepository } from './campaign.repository.js';
import { CampaignEditorRepository } from './campaign-editor.repository.js';
import { migrateTo, migrateToLatest } from './migrate.js';

describe.each(testDialects)('campaign editor on %s', (dialect) => {
  let db: TestDb;
  let clock: FakeClock;
  let store: CampaignEditorRepository;
  let deps: CampaignEditDeps;
  let invalidated: string[];
  const editor = { id: 0, email: 'editor@example.org' };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    clock = new FakeClock(Date.UTC(2026, 10, 23, 9, 0));
    invalidated = [];
    store = new CampaignEditorRepository(db, (slugs) => invalidated.push(...slugs));
    deps = { campaigns: store, clock };
    editor.id = await insertUser(db, { email: editor.email, name: 'Ed', role: 'editor' }, clock.now());
  });

  async function campaign(overrides: Partial<NewCampaign> = {}): Promise<string> {
    const c = buildCampaign(overrides);
    await new CampaignRepository(db).create(c, clock.now());
    return c.slug;
  }
  const audit = () =>
    db.kysely
      .selectFrom('audit_events')
      .select(['action', 'actor_email', 'before_json', 'after_json'])
      .where('entity_type', '=', 'campaign')
      .orderBy('id')
      .execute();
  /** The texts form as the page fills it for this campaign, with `changes` typed over it. */
  async function form(slug: string, changes: Partial<TextsInput> = {}): Promise<TextsInput> {
    return { ...storedTexts((await store.find(slug))!), ...changes };
  }

  /** The editor saves the texts form of `slug` with these changes. */
  async function editTexts(slug: string, changes: Partial<TextsInput> = {}) {
    return editCampaignTexts(deps, editor, await form(slug, changes));
  }

  it('migration 0007 keeps the texts written before it, with no salutation and no alt text', async () => {
    const old = await createTestDb(dialect, { migrate: false });
    try {
      expect((await migrateTo(old, '0005-lifecycle')).error).toBeUndefined();
      const now = clock.now();
      const { id } = await old.kysely
        .insertInto('campaigns')
        .values({
          slug: 'before-0007',
          status: 'live',
          source_locale: 'en',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await old.kysely
        .insertInto('campaign_translations')
        .values({
          campaign_id: id,
          locale: 'en',
          status: 'published',
          headline: 'Written before',
          background_md: 'b',
          default_message: 'm',
          target_subject: 's',
          created_at: now,
          updated_at: now,
        })
        .execute();
      expect((await migrateToLatest(old)).error).toBeUndefined();
      const c = await new CampaignEditorRepository(old).find('before-0007');
      expect(c).toMatchObject({
        successor: null,
        oldSlugs: [],
        updates: [],
        source: { headline: 'Written before', targetSalutation: '', photoAlt: '', revision: 1 },
      });
    } finally {
      await old.destroy();
    }
  });

  describe('editCampaignTexts', () => {
    it('saves the texts, bumps the source revision once, audits what changed and drops the cache', async () => {
      const slug = await campaign({ status: 'draft' });
      const result = await editTexts(slug, {
        headline: '  Korea:  reinstate   the nurses ',
        background: 'Nurses were **dismissed**.\r\n\r\n\r\n\r\nJoin us.',
        salutation: 'Dear Director,',
        moreInfoUrl: 'https://khmu.example.org',
        goal: '5,000',
      });
      expect(result).toEqual({ status: 'saved', slug, changed: true });
      const saved = (await store.find(slug))!;
      expect(saved.source).toMatchObject({
        headline: 'Korea: reinstate the nurses',
        backgroundMd: 'Nurses were **dismissed**.\n\nJoin us.',
        targetSalutation: 'Dear Director,',
        revision: 2,
      });
      expect(saved).toMatchObject({ goal: 5_000, moreInfoUrl: 'https://khmu.example.org/' });
      expect(invalidated).toEqual([slug]);
      const [entry] = await audit();
      expect(entry).toMatchObject({ action: 'campaign.texts_edited', actor_email: editor.email });
      expect(JSON.parse(entry!.before_json!)).toEqual({
        goal: null,
        moreInfoUrl: null,
        headline: 'Korea: Reinstate the dismissed nurses',
        backgroundMd: 'Nurses at the hospital were dismissed for joining a union.',
        targetSalutation: '',
        revision: 1,
      });
      expect(JSON.parse(entry!.after_json!)).toMatchObject({ goal: 5_000, revision: 2 });

      // The goal alone is not a translatable text: no new revision, so translators are not alarmed.
      expect(await editTexts(slug, { goal: '6000' })).toMatchObject({
        changed: true,
      });
      expect((await store.find(slug))!.source!.revision).toBe(2);
      // Saving the form unchanged writes nothing at all.
      expect(await editTexts(slug)).toMatchObject({ changed: false });
      expect(await audit()).toHaveLength(2);
    });

    it('reports every invalid field at once and writes nothing', async () => {
      const slug = await campaign();
      const result = await editTexts(slug, {
        headline: '',
        background: 'x'.repeat(20_001),
        subject: 'Free\r\nBcc: all@example.org',
        moreInfoUrl: 'javascript:alert(1)',
        goal: '-3',
        newSlug: 'Nurses Now',
        sourceLocale: 'not a language',
      });
      expect(result).toEqual({
        status: 'invalid',
        errors: {
          headline: 'Required',
          background: 'TooLong',
          subject: 'InvalidCharacters',
          moreInfoUrl: 'UrlInvalid',
          goal: 'GoalInvalid',
          slug: 'SlugFormat',
          sourceLocale: 'LocaleInvalid',
        },
      });
      expect(await audit()).toEqual([]);
    });

    it('refuses a form filled from an older version, showing the newer one, and never overwrites it', async () => {
      const slug = await campaign();
      const mine = await form(slug, { headline: 'Mine' });
      const theirs = await form(slug, { background: 'Their new background.' });
      expect(await editCampaignTexts(deps, { ...editor, email: 'other@example.org' }, theirs)).toMatchObject({
        status: 'saved',
      });
      const stale = await editCampaignTexts(deps, editor, mine);
      expect(stale.status).toBe('stale');
      if (stale.status !== 'stale') return;
      expect(stale.current.source!.backgroundMd).toBe('Their new background.');
      expect((await store.find(slug))!.source!.headline).toBe('Korea: Reinstate the dismissed nurses');
      // With the token of the version now shown, saving again is a deliberate choice and goes through.
      expect(
        await editCampaignTexts(deps, editor, { ...mine, token: editToken(stale.current) }),
      ).toMatchObject({ status: 'saved' });
      expect((await store.find(slug))!.source!.headline).toBe('Mine');
    });

    it('lets exactly one of two editors saving the same version at once win', async () => {
      const slug = await campaign();
      const a = await form(slug, { headline: 'Version A' });
      const b = await form(slug, { headline: 'Version B' });
      const results = await Promise.all([
        editCampaignTexts(deps, editor, a),
        editCampaignTexts(deps, editor, b),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['saved', 'stale']);
      const headline = (await store.find(slug))!.source!.headline;
      expect(headline).toBe(results[0]!.status === 'saved' ? 'Version A' : 'Version B');
      expect(await audit()).toHaveLength(1);
    });

    it('asks before moving a public campaign, keeps the old slug redirecting, and refuses taken slugs', async () => {
      const slug = await campaign({ status: 'live' });
      const other = await campaign({ slug: 'other-campaign' });
      expect(await editTexts(slug, { newSlug: other })).toEqual({
        status: 'invalid',
        errors: { slug: 'SlugTaken' },
      });
      expect(await editTexts(slug, { newSlug: 'archive' })).toMatchObject({
        errors: { slug: 'SlugReserved' },
      });
      expect(await editTexts(slug, { newSlug: 'korea-nurses' })).toEqual({
        status: 'confirm_slug',
        from: slug,
        to: 'korea-nurses',
      });
      expect(await store.find('korea-nurses')).toBeUndefined();
      expect(await editTexts(slug, { newSlug: 'korea-nurses', confirmSlug: true })).toEqual({
        status: 'saved',
        slug: 'korea-nurses',
        changed: true,
      });
      expect(await store.currentSlug(slug)).toBe('korea-nurses');
      expect((await store.find('korea-nurses'))!.oldSlugs).toEqual([slug]);
      expect(invalidated).toEqual([slug, 'korea-nurses']);

      // Moved again: both old links lead to the current address in one hop.
      await editTexts('korea-nurses', { newSlug: 'nurses-2026', confirmSlug: true });
      expect(await store.currentSlug(slug)).toBe('nurses-2026');
      expect(await store.currentSlug('korea-nurses')).toBe('nurses-2026');
      // Another campaign may not take an old slug: its links belong to this campaign.
      expect(await editTexts(other, { newSlug: 'korea-nurses' })).toMatchObject({
        errors: { slug: 'SlugTaken' },
      });
      // Back to an old slug of its own: current again, no longer an old one.
      await editTexts('nurses-2026', { newSlug: slug, confirmSlug: true });
      expect((await store.find(slug))!.oldSlugs.sort()).toEqual(['korea-nurses', 'nurses-2026']);
      expect(await store.currentSlug(slug)).toBeUndefined();
    });

    it('moves a draft without asking; the source language changes only to one without a translation', async () => {
      const slug = await campaign({ status: 'draft' });
      expect(await editTexts(slug, { newSlug: 'draft-moved' })).toMatchObject({
        status: 'saved',
      });
      const c = buildCampaign({ slug: 'two-languages' });
      c.translations.push({ ...c.translations[0]!, locale: 'ko', headline: '간호사 복직' });
      await new CampaignRepository(db).create(c, clock.now());
      expect(await editTexts('two-languages', { sourceLocale: 'ko' })).toMatchObject({
        errors: { sourceLocale: 'LocaleTaken' },
      });
      expect(await editTexts('draft-moved', { sourceLocale: 'pt-BR' })).toMatchObject({ status: 'saved' });
      const moved = (await store.find('draft-moved'))!;
      expect(moved.sourceLocale).toBe('pt-BR');
      expect(moved.translations).toEqual([{ locale: 'pt-BR', status: 'published' }]);
      expect(moved.source!.headline).toBe('Korea: Reinstate the dismissed nurses');
    });

    it('writes the first source text of a campaign that had none, ready for launch', async () => {
      const slug = await campaign({ status: 'draft', translations: [] });
      expect((await store.find(slug))!.source).toBeNull();
      const result = await editTexts(slug, {
        headline: 'New campaign',
        background: 'Why.',
        defaultMessage: 'Please act.',
        subject: 'Act now',
      });
      expect(result).toMatchObject({ status: 'saved' });
      expect((await store.find(slug))!.source).toMatchObject({
        headline: 'New campaign',
        status: 'published',
        revision: 1,
      });
    });

    it('marks a draft source text published when the editor says it is ready', async () => {
      const c = buildCampaign({ status: 'draft' });
      c.translations[0]!.status = 'draft';
      await new CampaignRepository(db).create(c, clock.now());
      await editTexts(c.slug, { headline: 'Still a draft' });
      expect((await store.find(c.slug))!.source).toMatchObject({ status: 'draft', revision: 2 });
      await editTexts(c.slug, { publish: true });
      expect((await store.find(c.slug))!.source).toMatchObject({ status: 'published', revision: 2 });
    });

    it('puts the salutation on top of the letter a target receives', async () => {
      const slug = await campaign();
      await editTexts(slug, { salutation: 'Dear Director,' });
      const c = (await new CampaignRepository(db).findBySlug(slug))!;
      const texts = letterTexts(c, 'en', 'en')!;
      const letter = targetLetter(
        {
          texts,
          siteName: 'Outcry',
          signature: {
            name: 'Kim Min-ji',
            unionName: null,
            country: 'KR',
            message: 'Reinstate the nurses.',
            locale: 'en',
            messageLocale: 'en',
          },
        },
        translatorFor('en'),
      );
      expect(letter.text).toBe('Dear Director,\n\nReinstate the nurses.\n\nKim Min-ji\nSouth Korea\n');
      const greeted = targetLetter(
        {
          texts,
          siteName: 'Outcry',
          signature: {
            name: 'Kim',
            unionName: null,
            country: null,
            message: 'Dear Director, reinstate them.',
            locale: 'en',
            messageLocale: 'en',
          },
        },
        translatorFor('en'),
      );
      expect(greeted.text.startsWith('Dear Director, reinstate them.')).toBe(true);
    });
  });

  describe('editCampaignSettings', () => {
    const settings = (slug: string, changes: Partial<SettingsInput> = {}): SettingsInput => ({
      slug,
      deliveryMode: 'digest',
      confirmationMode: 'immediate',
      hourlyCap: '12',
      officeHours: 'limited',
      days: [1, 2, 3, 4, 5],
      from: '9',
      to: '17:30',
      digestInterval: '120',
      startDate: '2026-11-20',
      ...changes,
    });

    it('saves modes, cap, office hours, digest interval and start date, audited with before and after', async () => {
      const slug = await campaign({ status: 'live', startsAt: Date.UTC(2026, 10, 20, 14, 5) });
      expect(await editCampaignSettings(deps, editor, settings(slug))).toEqual({
        status: 'saved',
        changed: true,
      });
      const c = (await store.find(slug))!;
      expect(c).toMatchObject({
        deliveryMode: 'digest',
        confirmationMode: 'immediate',
        targetHourlyCap: 12,
        digestIntervalMinutes: 120,
        officeHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
        // The same day as the launch: the stored minute is kept.
        startsAt: Date.UTC(2026, 10, 20, 14, 5),
      });
      // What the delivery loop reads back: Monday 10:00 in Seoul is inside, Saturday is not.
      const row = await db.kysely
        .selectFrom('campaigns')
        .select('office_hours')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      const hours = parseOfficeHours(row.office_hours);
      expect(hours).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' });
      expect(withinOfficeHours(Date.UTC(2026, 10, 23, 1, 0), hours, 'Asia/Seoul')).toBe(true);
      expect(withinOfficeHours(Date.UTC(2026, 10, 21, 1, 0), hours, 'Asia/Seoul')).toBe(false);
      const [entry] = await audit();
      expect(entry!.action).toBe('campaign.settings_changed');
      expect(JSON.parse(entry!.before_json!)).toEqual({
        deliveryMode: 'individual',
        confirmationMode: 'confirm_first',
        targetHourlyCap: 30,
        officeHours: null,
        digestIntervalMinutes: 60,
      });
      expect(invalidated).toEqual([slug]);

      expect(await editCampaignSettings(deps, editor, settings(slug))).toEqual({
        status: 'saved',
        changed: false,
      });
      expect(
        await editCampaignSettings(
          deps,
          editor,
          settings(slug, { officeHours: 'any', from: '', to: '', days: [] }),
        ),
      ).toMatchObject({ changed: true });
      expect((await store.find(slug))!.officeHours).toBeNull();
    });

    it('sets how the public petition shows names, audited; refuses any other value', async () => {
      const slug = await campaign({ status: 'live', startsAt: Date.UTC(2026, 10, 20) });
      expect((await store.find(slug))!.petitionNames).toBe('short');
      expect(await editCampaignSettings(deps, editor, settings(slug, { petitionNames: 'full' }))).toEqual({
        status: 'saved',
        changed: true,
      });
      expect((await store.find(slug))!.petitionNames).toBe('full');
      const [entry] = await audit();
      expect(JSON.parse(entry!.after_json!)).toMatchObject({ petitionNames: 'full' });
      expect(JSON.parse(entry!.before_json!)).toMatchObject({ petitionNames: 'short' });
      // A form without the field keeps the setting.
      await editCampaignSettings(deps, editor, settings(slug));
      expect((await store.find(slug))!.petitionNames).toBe('full');
      expect(
        await editCampaignSettings(deps, editor, settings(slug, { petitionNames: 'nicknames' })),
      ).toEqual({ status: 'invalid', errors: { petitionNames: 'Invalid' } });
    });

    it('refuses what is wrong, field by field', async () => {
      const slug = await campaign({ status: 'live', endsAt: Date.UTC(2027, 1, 1) });
      expect(
        await editCampaignSettings(
          deps,
          editor,
          settings(slug, {
            deliveryMode: 'carrier_pigeon',
            confirmationMode: '',
            hourlyCap: '1001',
            digestInterval: 'soon',
            days: [],
            from: '25:00',
            to: '',
            startDate: '2027-03-01',
          }),
        ),
      ).toEqual({
        status: 'invalid',
        errors: {
          deliveryMode: 'Invalid',
          confirmationMode: 'Invalid',
          hourlyCap: 'OutOfRange',
          digestInterval: 'NotAWholeNumber',
          days: 'NoDays',
          from: 'TimeFormat',
          to: 'Required',
          startDate: 'AfterEnd',
        },
      });
      expect(
        await editCampaignSettings(deps, editor, settings(slug, { from: '17:00', to: '09:00' })),
      ).toMatchObject({
        errors: { to: 'EndNotAfterStart' },
      });
      // A launched campaign has a start date; 0 is "no cap".
      expect(
        await editCampaignSettings(deps, editor, settings(slug, { startDate: '', hourlyCap: '0' })),
      ).toEqual({
        status: 'invalid',
        errors: { startDate: 'Required' },
      });
      const draft = await campaign({ status: 'draft' });
      expect(
        await editCampaignSettings(deps, editor, settings(draft, { startDate: '', hourlyCap: '0' })),
      ).toMatchObject({ status: 'saved' });
      expect(await audit()).toHaveLength(1);
    });
  });

  describe('editCampaignPhoto and removeCampaignPhoto', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'outcry-photo-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));
    const jpeg = () =>
      sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#a33' } })
        .jpeg()
        .toBuffer();
    const upload = (bytes: Buffer) => ({ bytes, filename: 'photo.jpg', truncated: false });

    it('stores a resized photo with its alt text, refuses bad files and missing captions, removes it', async () => {
      const slug = await campaign();
      const photoDeps = { ...deps, images: createSharpImageStore(dir) };
      expect(
        await editCampaignPhoto(photoDeps, editor, { slug, upload: upload(await jpeg()), alt: '' }),
      ).toEqual({
        status: 'invalid',
        errors: { alt: 'Required' },
      });
      expect(await readdir(dir)).toEqual([]);
      expect(await editCampaignPhoto(photoDeps, editor, { slug, upload: undefined, alt: 'Nurses' })).toEqual({
        status: 'invalid',
        errors: { photo: 'PhotoRequired' },
      });
      expect(
        await editCampaignPhoto(photoDeps, editor, {
          slug,
          upload: upload(Buffer.from('%PDF-1.4')),
          alt: 'Nurses',
        }),
      ).toEqual({ status: 'invalid', errors: { photo: 'ImageUnreadable' } });

      const alt = 'Nurses protesting in front of the hospital';
      expect(await editCampaignPhoto(photoDeps, editor, { slug, upload: upload(await jpeg()), alt })).toEqual(
        {
          status: 'saved',
          changed: true,
        },
      );
      const c = (await store.find(slug))!;
      expect(c.photoPath).toMatch(/^\/media\/[0-9a-f]{32}\.jpg$/);
      expect(c.source).toMatchObject({ photoAlt: alt, revision: 2 });
      const file = await sharp(join(dir, c.photoPath!.slice('/media/'.length))).metadata();
      expect([file.width, file.height]).toEqual([1600, 1067]);
      const publicView = (await new CampaignRepository(db).findBySlug(slug))!;
      expect(publicView.photoPath).toBe(c.photoPath);
      expect(publicView.translations[0]!.photoAlt).toBe(alt);

      // Only the caption changes: no new file needed.
      expect(
        await editCampaignPhoto(photoDeps, editor, { slug, upload: undefined, alt: 'Nurses at the gate' }),
      ).toEqual({ status: 'saved', changed: true });
      expect(await removeCampaignPhoto(deps, editor, { slug })).toEqual({ status: 'removed' });
      expect(await store.find(slug)).toMatchObject({ photoPath: null, source: { photoAlt: '' } });
      expect(await removeCampaignPhoto(deps, editor, { slug })).toEqual({ status: 'no_photo' });
      expect((await audit()).map((a) => a.action)).toEqual([
        'campaign.photo_changed',
        'campaign.photo_changed',
        'campaign.photo_removed',
      ]);
    });
  });

  describe('postUpdate, editUpdate and deleteUpdate', () => {
    it('posts dated updates in the campaign languages, shows them newest first, corrects and deletes them', async () => {
      const c = buildCampaign({ slug: 'with-updates' });
      c.translations.push({ ...c.translations[0]!, locale: 'ko', headline: '간호사 복직' });
      await new CampaignRepository(db).create(c, clock.now());
      const post = (day: string, locale: string, text: string) =>
        postUpdate(deps, editor, { slug: c.slug, day, locale, text });

      expect(await post('2026-11-25', 'en', 'Too early.')).toEqual({
        status: 'invalid',
        errors: { day: 'Future' },
      });
      expect(await post('12/03/2026', 'fr', '')).toEqual({
        status: 'invalid',
        errors: { day: 'DateFormat', locale: 'LocaleInvalid', text: 'Required' },
      });
      const first = await post('2026-11-02', 'en', 'The hearing is set for **9 November**.');
      const second = await post('2026-11-20', 'en', 'The court rejected the appeal.');
      await post('2026-11-20', 'ko', '법원이 항소를 기각했습니다.');
      expect(first.status).toBe('saved');
      if (first.status !== 'saved' || second.status !== 'saved') return;

      const reader = new CampaignRepository(db);
      const shown = async (locale: string) =>
        updatesFor((await reader.findBySlug(c.slug))!, locale).map((u) => u.bodyMd);
      expect(await shown('en')).toEqual([
        'The court rejected the appeal.',
        'The hearing is set for **9 November**.',
      ]);
      expect(await shown('ko')).toEqual(['법원이 항소를 기각했습니다.']);
      expect(await shown('ar')).toHaveLength(2);

      expect(
        await editUpdate(deps, editor, {
          slug: c.slug,
          id: first.id,
          day: '2026-11-03',
          locale: 'en',
          text: 'Hearing set.',
        }),
      ).toEqual({ status: 'saved', id: first.id });
      expect(await deleteUpdate(deps, editor, { slug: c.slug, id: second.id })).toEqual({
        status: 'deleted',
      });
      expect(await shown('en')).toEqual(['Hearing set.']);

      // An update of another campaign is out of reach through this one.
      const other = await campaign();
      expect(await deleteUpdate(deps, editor, { slug: other, id: first.id })).toEqual({
        status: 'not_found',
      });
      expect(
        await editUpdate(deps, editor, {
          slug: other,
          id: first.id,
          day: '2026-11-03',
          locale: 'en',
          text: 'x',
        }),
      ).toEqual({ status: 'not_found' });
      const actions = (await audit()).map((a) => a.action);
      expect(actions).toEqual([
        'campaign.update_posted',
        'campaign.update_posted',
        'campaign.update_posted',
        'campaign.update_edited',
        'campaign.update_deleted',
      ]);
    });
  });

  describe('setSuccessor', () => {
    it('points a campaign to its follow-up, refuses itself, unknown ones and cycles, and clears it', async () => {
      const a = await campaign({ status: 'closed', slug: 'first-round' });
      const b = await campaign({ status: 'live', slug: 'second-round' });
      const c = await campaign({ status: 'draft', slug: 'third-round' });
      expect(await setSuccessor(deps, editor, { slug: a, successor: a })).toEqual({
        status: 'invalid',
        error: 'SuccessorSelf',
      });
      expect(await setSuccessor(deps, editor, { slug: a, successor: 'nowhere' })).toEqual({
        status: 'invalid',
        error: 'SuccessorUnknown',
      });
      expect(await setSuccessor(deps, editor, { slug: a, successor: b })).toEqual({
        status: 'saved',
        changed: true,
      });
      expect(await setSuccessor(deps, editor, { slug: b, successor: c })).toMatchObject({ status: 'saved' });
      expect(await setSuccessor(deps, editor, { slug: c, successor: a })).toEqual({
        status: 'invalid',
        error: 'SuccessorCycle',
      });
      const shown = (await new CampaignRepository(db).findBySlug(a))!;
      expect(shown.successor).toEqual({
        slug: b,
        status: 'live',
        sourceLocale: 'en',
        headlines: [{ locale: 'en', headline: 'Korea: Reinstate the dismissed nurses' }],
      });
      expect(await setSuccessor(deps, editor, { slug: a, successor: '' })).toEqual({
        status: 'saved',
        changed: true,
      });
      expect((await new CampaignRepository(db).findBySlug(a))!.successor).toBeNull();
      const entries = await audit();
      expect(entries.map((e) => e.action)).toEqual([
        'campaign.successor_set',
        'campaign.successor_set',
        'campaign.successor_cleared',
      ]);
      expect(JSON.parse(entries[0]!.after_json!)).toEqual({ supersededBy: b });
    });
  });
});
