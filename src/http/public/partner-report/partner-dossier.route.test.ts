// The dossier behind a partner's report link, on both databases: offered only once a whole-petition PDF is
// finished and still kept (never a ZIP or a few countries' PDF, never one past its time), the newest of
// them (the final one after a close), downloaded without an account, every download a counted and audited
// use of the link; a revoked link downloads nothing.
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { createPerson, post, sessionFor, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { firstPartnerId, makeReportLink } from '../../../../test/partner-report-helpers.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { maskUrl } from '../../security/log-privacy.js';

const dayMs = 86_400_000;

describe.each(testDialects)('partner report dossier on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  let editorId: number;
  appPerTest(dialect, (app) => ({ t, clock, campaignId } = app));

  async function makeLink(): Promise<string> {
    const editor = await createPerson(t, 'editor', { email: 'links@example.org' });
    editorId = editor.id;
    return makeReportLink(t, await sessionFor(t, editor), await firstPartnerId(t, campaignId));
  }

  async function dossier(kind: 'pdf' | 'zip', countries: string[], bytes: string, keepDays = 7) {
    const store = t.services.dossiers.store;
    const id = await store.create({
      campaignId,
      kind,
      locale: 'en',
      countries,
      createdBy: editorId,
      now: clock.now(),
      expiresAt: clock.now() + keepDays * dayMs,
    });
    await store.finish(id, { file: new TextEncoder().encode(bytes), pages: 2, signers: 1, now: clock.now() });
    return id;
  }

  const downloads = () => auditEntries(t.db, { action: 'partner-report.downloaded' });

  it('offers the newest whole-petition PDF still kept, and audits every download', async () => {
    const path = await makeLink();
    const file = `${path}/dossier.pdf`;
    expect((await t.app.inject({ url: path })).body).not.toContain('dossier.pdf');
    // Without a dossier the link answers 404, yet the attempt is a use like any other.
    expect((await t.app.inject({ url: file })).statusCode).toBe(404);
    expect((await downloads()).length).toBe(1);

    const whole = await dossier('pdf', [], '%PDF whole');
    clock.advance(60_000);
    await dossier('zip', [], 'PK zip');
    await dossier('pdf', ['BY'], '%PDF Belarus only');
    const page = await t.app.inject({ url: path });
    expect(page.body).toContain(`href="${file}"`);
    expect(page.body).toContain('Download the dossier (PDF,');
    const got = await t.app.inject({ url: file });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="${erlan}-dossier-${whole}.pdf"`);
    expect(got.body).toBe('%PDF whole');
    const audited = await downloads();
    expect(audited.length).toBe(2);
    expect(audited.every((a) => a.actor_id === null)).toBe(true);
    expect(JSON.parse(audited[1]!.after_json!)).toMatchObject({ file: 'dossier' });
    expect(maskUrl(file)).toBe('/en/partner-report/***/dossier.pdf');

    // A newer one (the final dossier of a close, say) replaces it; one past its time is not offered.
    clock.advance(60_000);
    const newer = await dossier('pdf', [], '%PDF newer', 1);
    expect((await t.app.inject({ url: file })).body).toBe('%PDF newer');
    clock.advance(dayMs);
    expect((await t.app.inject({ url: file })).body).toBe('%PDF whole');
    expect(newer).toBeGreaterThan(whole);
  });

  it('encrypts the dossier to the partner’s age key when it gave one', async () => {
    const path = await makeLink();
    const whole = await dossier('pdf', [], '%PDF whole');
    const identity = await generateIdentity();
    await t.db.kysely
      .updateTable('partners')
      .set({ age_recipient: await identityToRecipient(identity) })
      .where('campaign_id', '=', campaignId)
      .execute();
    const got = await t.app.inject({ url: `${path}/dossier.pdf` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/octet-stream');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="${erlan}-dossier-${whole}.pdf.age"`,
    );
    expect(got.body).not.toContain('%PDF');
    const d = new Decrypter();
    d.addIdentity(identity);
    expect(await d.decrypt(new Uint8Array(got.rawPayload), 'text')).toBe('%PDF whole');
    const other = new Decrypter();
    other.addIdentity(await generateIdentity());
    await expect(other.decrypt(new Uint8Array(got.rawPayload), 'text')).rejects.toThrow();
  });

  it('a revoked link downloads nothing', async () => {
    const path = await makeLink();
    await dossier('pdf', [], '%PDF whole');
    const editor = await signedIn(t, 'editor', { email: 'revoker@example.org' });
    const [link] = await t.db.kysely.selectFrom('partner_report_links').select('id').execute();
    await post(t.app, `/editor/campaigns/${erlan}/report-links/${link!.id}/revoke`, editor, {});
    const gone = await t.app.inject({ url: `${path}/dossier.pdf` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('%PDF');
    expect((await t.app.inject({ url: '/en/partner-report/short/dossier.pdf' })).statusCode).toBe(404);
  });
});
