// The signature log end to end on both databases: the log job appends counted signatures and signs heads,
// the editors' CSV carries the head and verifies, one altered cell (or a removed row) makes it fail, a
// filtered export and one without its hidden signer still verify, and erasing a signer keeps every earlier
// head and every earlier export verifiable while the salt that tied the leaf to the name is gone.
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import { type Browser, get } from '../../test/editor-helpers.js';
import { recordSigner } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import type { TestApp } from '../../test/test-app.js';
import { appendSignatureLog } from '../domain/signature-log/append-signature-log.js';
import { consistencyProof, verifyConsistency } from '../domain/signature-log/merkle.js';
import { verifyExport } from '../domain/signature-log/verify-export.js';
import { erasedEmailKey } from '../security/email-key.js';
import { logSigningKey, publishedKey } from '../security/log-signing-key.js';

const t0 = Date.UTC(2026, 10, 23, 10);
const url = '/editor/campaigns/kazakhstan-free-erlan-baltabay/petition/export.csv';

describe.each(testDialects)('signature log on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;
  const clock = new FakeClock(t0 + 86_400_000);
  const key = logSigningKey({ APP_SECRET: 'x'.repeat(40) });
  const verify = (text: string) =>
    verifyExport(text, { heads: t.services.signatureLog, publicKey: publishedKey(key).key });
  let salts = 0;
  const run = () =>
    appendSignatureLog({
      log: t.services.signatureLog,
      clock,
      signingKey: key,
      salt: () => Uint8Array.from({ length: 16 }, (_, i) => (i + ++salts) % 256),
    });

  editorPerTest(dialect, (app) => ({ t, editor, campaignId } = app));

  async function sign(n: number, from = 0) {
    for (let i = from; i < from + n; i++) {
      await recordSigner(t, campaignId, `Signer ${i} Person`, i % 2 ? 'CL' : 'KZ', t0 + i * 1000, {
        union: i % 3 ? 'CUT' : null,
        anonymous: i === 4,
      });
    }
  }
  const csv = async () => (await get(t.app, url, editor)).body;

  it('appends counted signatures off the signing path, signs a head, and a stamped export verifies', async () => {
    await sign(7);
    expect(await t.db.kysely.selectFrom('signature_log').selectAll().execute()).toHaveLength(0);
    expect(await csv()).not.toContain('#signature-log');

    expect(await run()).toEqual({ appended: 7, heads: 1, inconsistent: [] });
    expect(await run()).toEqual({ appended: 0, heads: 0, inconsistent: [] });
    const body = await csv();
    expect(body).toContain('#signature-log');
    const verdict = await verify(body);
    expect(verdict).toMatchObject({ status: 'verified', rows: 7, uncovered: 0, notShown: 0 });

    // One cell of one row altered: the recomputed root differs.
    expect((await verify(body.replace('Signer P.', 'Signer Q.'))).status).toBe('altered');
    expect((await verify(body.replace(',KZ,', ',KP,'))).status).toBe('altered');
    // A row removed.
    const lines = body.split('\r\n');
    expect((await verify([...lines.slice(0, 2), ...lines.slice(3)].join('\r\n'))).status).toBe('altered');
    // Not our head: a well-formed trailer whose signature the site's key did not make.
    const other = verifyExport(body, {
      heads: t.services.signatureLog,
      publicKey: publishedKey(logSigningKey({ APP_SECRET: 'y'.repeat(40) })).key,
    });
    expect((await other).status).toBe('unpublished');
    expect((await verify('just,some\r\ntext,here\r\n')).status).toBe('unreadable');
  });

  it('verifies a filtered export, rows newer than the head, and an export without a hidden signer', async () => {
    await sign(6);
    await run();
    await sign(2, 6);
    const filtered = await verify((await get(t.app, `${url}?country=CL`, editor)).body);
    expect(filtered).toMatchObject({ status: 'verified', rows: 3, uncovered: 1, notShown: 3 });
    const hiddenId = await t.db.kysely
      .selectFrom('signature_log')
      .select('signature_id')
      .where('leaf_index', '=', 2)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('signatures')
      .set({ petition_hidden_at: t0 })
      .where('id', '=', hiddenId.signature_id)
      .execute();
    clock.advance(60_000);
    await run();
    expect(await verify(await csv())).toMatchObject({
      status: 'verified',
      rows: 7,
      uncovered: 0,
      notShown: 1,
    });
  });

  it('keeps earlier heads and exports verifiable after an erasure, and drops the salt', async () => {
    await sign(5);
    await run();
    const before = await csv();
    const [first] = await t.services.signatureLog.heads(campaignId, 1);
    const victim = await t.db.kysely
      .selectFrom('signature_log')
      .innerJoin('signatures', 'signatures.id', 'signature_log.signature_id')
      .select(['signatures.supporter_id', 'signature_log.signature_id'])
      .where('signature_log.leaf_index', '=', 1)
      .executeTakeFirstOrThrow();
    await t.services.privacy.store.erase({
      supporterId: Number(victim.supporter_id),
      via: 'self',
      now: t0 + 2 * 86_400_000,
      keyedHash: (c) => erasedEmailKey('test-secret', c),
    });
    const salt = await t.db.kysely
      .selectFrom('signature_log')
      .select('salt')
      .where('signature_id', '=', victim.signature_id)
      .executeTakeFirstOrThrow();
    expect(salt.salt).toBeNull();

    await sign(3, 5);
    clock.advance(60_000);
    expect(await run()).toMatchObject({ appended: 3, heads: 1, inconsistent: [] });
    const [second] = await t.services.signatureLog.heads(campaignId, 1);
    const leaves = await t.services.signatureLog.leaves(campaignId);
    expect(
      verifyConsistency(
        first!.size,
        second!.size,
        consistencyProof(leaves, first!.size),
        first!.root,
        second!.root,
      ),
    ).toBe(true);
    // The export made before the erasure still verifies against the head it carries.
    expect(await verify(before)).toMatchObject({ status: 'verified', rows: 5 });
    // A new one leaves the erased signer out and verifies against the new head.
    const after = await verify(await csv());
    expect(after).toMatchObject({ status: 'verified', rows: 7, notShown: 1 });
    // Eight signers: one erased, one shown as "a supporter from".
    expect((await csv()).split('Signer P.').length - 1).toBe(6);
  });

  it('refuses to sign over a log changed in the database', async () => {
    await sign(3);
    await run();
    await sign(1, 3);
    await t.db.kysely
      .updateTable('signature_log')
      .set({ leaf_hash: new Uint8Array(32) })
      .where('leaf_index', '=', 0)
      .execute();
    expect((await run()).inconsistent).toEqual([campaignId]);
  });
});
