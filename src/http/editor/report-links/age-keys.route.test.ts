// Partner exports encrypted with age, through HTTP on both databases: an editor gives a partner's age
// public key (anything else is refused with the text kept; every change audited), the partner's report
// page says the file is encrypted and how to open it, the CSV behind its link and an editor's export for
// it (and a finished dossier downloaded for it) open with the partner's identity and with no other, and a
// partner without a key gets no such export.
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { firstPartnerId, makeReportLink } from '../../../../test/partner-report-helpers.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const keysPage = `/editor/campaigns/${erlan}/age-keys`;

describe.each(testDialects)('partner age keys on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  appPerTest(dialect, (app) => ({ t, clock, campaignId } = app));

  async function open(file: Buffer, identity: string): Promise<string> {
    const d = new Decrypter();
    d.addIdentity(identity);
    return d.decrypt(new Uint8Array(file), 'text');
  }

  it('encrypts the partner link CSV and the editor export to the partner key, and audits the key', async () => {
    await recordSigner(t, campaignId, 'Ana María Souza', 'BR', clock.now(), { locale: 'en' });
    await recordSigner(t, campaignId, 'Олег Петров', 'BY', clock.now(), { locale: 'en' });
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const editor = await signedIn(t, 'editor');
    const id = await firstPartnerId(t, campaignId);

    const none = await get(t.app, keysPage, editor);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No key: files for this partner are not encrypted.');

    // A private key, a typo: refused, kept, nothing stored.
    const bad = await post(t.app, `${keysPage}/${id}`, editor, { key: identity });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('This is not an age public key.');
    const mistyped = `${recipient.slice(0, -1)}${recipient.endsWith('q') ? 'p' : 'q'}`;
    const typo = await post(t.app, `${keysPage}/${id}`, editor, { key: mistyped });
    expect(typo.statusCode).toBe(422);
    expect(typo.body).toContain(`value="${mistyped}"`);
    const stored = () =>
      t.db.kysely
        .selectFrom('partners')
        .select('age_recipient')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect((await stored()).age_recipient).toBeNull();
    expect((await post(t.app, `${keysPage}/999999`, editor, { key: recipient })).statusCode).toBe(404);

    const saved = await post(t.app, `${keysPage}/${id}`, editor, { key: ` ${recipient.toUpperCase()} ` });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${keysPage}?done=saved`);
    expect((await stored()).age_recipient).toBe(recipient);
    const shown = await get(t.app, `${keysPage}?done=saved`, editor);
    expect(shown.body).toContain('The key is saved');
    expect(shown.body).toContain(recipient.slice(0, 12));
    const [audit] = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'partner.age_key_set')
      .execute();
    expect(audit?.after_json).toContain(recipient);

    // The partner's link: the page says how to open the file; the file opens with its identity only.
    const path = await makeReportLink(t, editor, id);
    const report = await t.app.inject({ url: path });
    expect(report.body).toContain(`age -d -i key.txt ${erlan}-signers.csv.age`);
    const file = await t.app.inject({ url: `${path}/signers.csv` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('.csv.age"');
    expect(file.rawPayload.includes(Buffer.from('Ana S.'))).toBe(false);
    const text = await open(file.rawPayload, identity);
    expect(text).toContain('Ana S.,,BR');
    expect(text).toContain('Олег');
    await expect(open(file.rawPayload, await generateIdentity())).rejects.toThrow();

    // The editors' export for that partner, offered on the petition page.
    const petition = await get(t.app, `/editor/campaigns/${erlan}/petition`, editor);
    expect(petition.body).toContain('Encrypt for a partner');
    const exported = await get(t.app, `/editor/campaigns/${erlan}/petition/export.csv?partner=${id}`, editor);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain(`${erlan}-signers.csv.age`);
    expect(await open(exported.rawPayload, identity)).toContain('Олег');

    // A finished dossier, downloaded for the partner from the editors' dossier page.
    const pdf = new TextEncoder().encode('%PDF-1.7 Олег Петров');
    const dossier = await t.db.kysely
      .insertInto('dossiers')
      .values({
        campaign_id: campaignId,
        kind: 'pdf',
        locale: 'en',
        status: 'done',
        done: 1,
        total: 1,
        pages: 1,
        signers: 2,
        file: pdf,
        error: null,
        created_by: null,
        created_at: clock.now(),
        finished_at: clock.now(),
        expires_at: clock.now() + 86_400_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dossiers = await get(t.app, `/editor/campaigns/${erlan}/dossiers`, editor);
    const forPartner = `/editor/campaigns/${erlan}/dossiers/${dossier.id}/file?partner=${id}`;
    expect(dossiers.body).toContain(forPartner);
    const encrypted = await get(t.app, forPartner, editor);
    expect(encrypted.statusCode).toBe(200);
    expect(encrypted.headers['content-disposition']).toContain(`-dossier-${dossier.id}.pdf.age"`);
    expect(await open(encrypted.rawPayload, identity)).toBe('%PDF-1.7 Олег Петров');

    // Removed: files are plain again, and an export "for" a partner without a key is refused.
    const removed = await post(t.app, `${keysPage}/${id}`, editor, { key: '' });
    expect(removed.headers.location).toBe(`${keysPage}?done=removed`);
    expect((await stored()).age_recipient).toBeNull();
    const plain = await t.app.inject({ url: `${path}/signers.csv` });
    expect(plain.headers['content-type']).toContain('text/csv');
    expect(plain.body).toContain('Ana S.');
    const refused = await get(t.app, `/editor/campaigns/${erlan}/petition/export.csv?partner=${id}`, editor);
    expect(refused.statusCode).toBe(400);
    expect((await get(t.app, forPartner, editor)).statusCode).toBe(400);
    expect(
      (
        await t.db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('action', 'like', 'partner.age_key_%')
          .execute()
      ).map((r) => r.action),
    ).toEqual(['partner.age_key_set', 'partner.age_key_removed']);
  });
});
