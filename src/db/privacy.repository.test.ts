// Erasure and the my-data links on both databases: one supporter's personal fields gone for good in one
// transaction, counts and statistics kept, unsent letters cancelled, consents withdrawn, the erasure
// recorded as a keyed hash only; links used once, sessions for a known person or for nobody.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { jobPayloads, liveCampaignIds, testDialects } from '../../test/db.js';
import { createPerson } from '../../test/editor-helpers.js';
import { buildSignCommand } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';
import { erasedEmailKey } from '../security/email-key.js';
import { PrivacyRepository } from './privacy.repository.js';

describe.each(testDialects)('privacy repository on %s', (dialect) => {
  let t: TestApp;
  let repo: PrivacyRepository;
  appPerTest(dialect, (app) => {
    ({ t } = app);
    repo = new PrivacyRepository(t.db);
  });

  const keyed = (canonical: string) => erasedEmailKey('test-secret', canonical);

  async function signAs(campaignId: number, email: string, name: string) {
    const command = buildSignCommand(campaignId, {
      email,
      status: 'confirmed',
      consent: { text: 'Send me alerts about this campaign.', version: 'v1' },
      now: Date.UTC(2026, 10, 23, 10),
    });
    command.input = { ...command.input, name, union: 'KHMU', alerts: true, message: `Free them. ${name}` };
    return t.services.writer.record(command);
  }

  /** The ids of the messages of a supporter's signatures. */
  const messagesOf = (supporterId: number) =>
    t.db.kysely
      .selectFrom('messages')
      .innerJoin('signatures', 'signatures.id', 'messages.signature_id')
      .select('messages.id')
      .where('signatures.supporter_id', '=', supporterId)
      .execute();
  const totals = async () =>
    t.db.kysely
      .selectFrom('counts')
      .select(['campaign_id', 'country', 'locale', 'status', 'n'])
      .orderBy('campaign_id')
      .orderBy('country')
      .orderBy('locale')
      .orderBy('status')
      .execute();

  it('erases one supporter everywhere, keeps counts and statistics, and leaves everyone else alone', async () => {
    const [first, second] = await liveCampaignIds(t.db);
    await signAs(first!, 'mira@example.org', 'Mira Erased');
    await signAs(second!, 'mira@example.org', 'Mira Erased');
    await signAs(first!, 'other@example.org', 'Other Person');
    const mira = await repo.findSupporter('mira@example.org');
    expect(mira).toBeDefined();
    const before = await totals();
    const queuedBefore = await messagesOf(mira!.id);

    const counts = await repo.erase({ supporterId: mira!.id, via: 'self', now: 5, keyedHash: keyed });
    expect(counts).toEqual({ signatures: 2, consentsWithdrawn: 2, messagesCancelled: queuedBefore.length });

    const supporter = await t.db.kysely
      .selectFrom('supporters')
      .selectAll()
      .where('id', '=', mira!.id)
      .executeTakeFirstOrThrow();
    expect(supporter).toMatchObject({ email: '', name: '', union_name: null, status: 'erased' });
    expect(supporter.email_index).toBe(`erased:${mira!.id}`);
    const signatures = await t.db.kysely
      .selectFrom('signatures')
      .selectAll()
      .where('supporter_id', '=', mira!.id)
      .execute();
    expect(signatures).toHaveLength(2);
    for (const s of signatures) {
      expect(s).toMatchObject({
        name: '',
        union_name: null,
        message: '',
        ip_hash: null,
        status: 'confirmed',
      });
      expect(s.country).toBe('KR');
      expect(s.locale).toBe('en');
    }
    const left = await messagesOf(mira!.id);
    expect(left).toHaveLength(0);
    const consents = await t.db.kysely
      .selectFrom('consents')
      .select('withdrawn_at')
      .where('supporter_id', '=', mira!.id)
      .execute();
    expect(consents.map((c) => Number(c.withdrawn_at))).toEqual([5, 5]);
    expect(await totals()).toEqual(before);

    // Nothing that names her remains anywhere in the supporter's rows.
    const dump = JSON.stringify([supporter, signatures]);
    expect(dump).not.toContain('Mira');
    expect(dump).not.toContain('mira@');
    const erasure = await t.db.kysely.selectFrom('erasures').selectAll().executeTakeFirstOrThrow();
    expect(erasure).toMatchObject({ email_hmac: keyed('mira@example.org'), via: 'self', signatures: 2 });

    const other = await repo.findSupporter('other@example.org');
    expect((await repo.data(other!.id))?.signatures[0]?.name).toBe('Other Person');
    expect(await repo.findSupporter('mira@example.org')).toBeUndefined();
    expect(await repo.data(mira!.id)).toBeUndefined();
    expect(
      await repo.erase({ supporterId: mira!.id, via: 'self', now: 6, keyedHash: keyed }),
    ).toBeUndefined();
  });

  it('audits an editor’s erasure with numbers only', async () => {
    const [first] = await liveCampaignIds(t.db);
    await signAs(first!, 'lee@example.org', 'Lee Audit');
    const lee = await repo.findSupporter('lee@example.org');
    const editor = await createPerson(t, 'editor');
    await repo.erase({
      supporterId: lee!.id,
      via: 'editor',
      now: 7,
      keyedHash: keyed,
      actor: { id: editor.id, email: editor.email },
    });
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'supporter.erased')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(lee!.id));
    expect(audit.after_json).not.toContain('lee');
    expect(JSON.parse(audit.after_json!)).toMatchObject({ signatures: 1 });
  });

  it('uses a link once, before it expires, and keeps the session to its supporter', async () => {
    const [first] = await liveCampaignIds(t.db);
    await signAs(first!, 'ana@example.org', 'Ana Link');
    const ana = await repo.findSupporter('ana@example.org');
    const mail = { to: 'ana@example.org', locale: 'en', token: 'x'.repeat(32) };
    await repo.issueLink({ tokenHash: 'link-1', supporterId: ana!.id, expiresAt: 100, now: 0, mail });
    await repo.issueLink({ tokenHash: 'link-2', supporterId: null, expiresAt: 100, now: 0, mail });
    await repo.issueLink({ tokenHash: 'link-3', supporterId: ana!.id, expiresAt: 100, now: 0, mail });

    expect(await repo.linkUsable('link-1', 50)).toBe(true);
    expect(await repo.openLink('link-1', { tokenHash: 's-1', expiresAt: 200 }, 50)).toBe('opened');
    expect(await repo.openLink('link-1', { tokenHash: 's-1b', expiresAt: 200 }, 51)).toBe('invalid');
    expect(await repo.linkUsable('link-1', 52)).toBe(false);
    expect(await repo.session('s-1', 60)).toEqual({ supporterId: ana!.id });
    expect(await repo.session('s-1', 200)).toBeUndefined();
    // A link is never a session, nor a session a link.
    expect(await repo.session('link-3', 60)).toBeUndefined();
    expect(await repo.openLink('s-1', { tokenHash: 's-x', expiresAt: 200 }, 60)).toBe('invalid');

    expect(await repo.openLink('link-2', { tokenHash: 's-2', expiresAt: 200 }, 50)).toBe('opened');
    expect(await repo.session('s-2', 60)).toEqual({ supporterId: null });
    expect(await repo.openLink('link-3', { tokenHash: 's-3', expiresAt: 200 }, 100)).toBe('invalid');

    expect(await jobPayloads(t.db, 'send-my-data-mail')).toHaveLength(3);
  });

  it('withdraws only the supporter’s own consent, once', async () => {
    const [first] = await liveCampaignIds(t.db);
    await signAs(first!, 'a@example.org', 'A');
    await signAs(first!, 'b@example.org', 'B');
    const a = await repo.findSupporter('a@example.org');
    const b = await repo.findSupporter('b@example.org');
    const bConsent = (await repo.data(b!.id))!.consents[0]!;
    const aConsent = (await repo.data(a!.id))!.consents[0]!;
    expect(await repo.withdrawConsent(a!.id, bConsent.id, 9)).toBe(false);
    expect(await repo.withdrawConsent(a!.id, aConsent.id, 9)).toBe(true);
    expect(await repo.withdrawConsent(a!.id, aConsent.id, 10)).toBe(false);
    expect((await repo.data(a!.id))!.consents[0]!.withdrawnAt).toBe(9);
    expect((await repo.data(b!.id))!.consents[0]!.withdrawnAt).toBeNull();
  });
});
