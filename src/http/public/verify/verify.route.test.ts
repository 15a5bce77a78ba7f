// The public verification page, the heads' JSON and `outcry verify-export` over a real export: a file as
// downloaded verifies, the same file with one name changed does not, and the JSON carries the head with a
// consistency proof that checks.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { type Browser, get } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import { erlan, postPublic } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { runVerifyExport } from '../../../cli/verify-export.js';
import { appendSignatureLog } from '../../../domain/signature-log/append-signature-log.js';
import { fromHex, verifyConsistency } from '../../../domain/signature-log/merkle.js';
import { logSigningKey, publishedKey } from '../../../security/log-signing-key.js';

const t0 = Date.UTC(2026, 10, 23, 10);

describe('verifying an export', () => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;
  editorPerTest('sqlite', (app) => ({ t, editor, campaignId } = app));

  const run = () =>
    appendSignatureLog({
      log: t.services.signatureLog,
      clock: { now: () => t0 + 86_400_000 },
      signingKey: logSigningKey(t.config),
      salt: () => new Uint8Array(16).fill(7),
    });

  async function stampedExport(): Promise<string> {
    for (let i = 0; i < 3; i++) await recordSigner(t, campaignId, `Ana ${i} Souza`, 'BR', t0 + i);
    await run();
    await recordSigner(t, campaignId, 'Олег Петров', 'BY', t0 + 10);
    await recordSigner(t, campaignId, 'Camila Rojas', 'CL', t0 + 11);
    await run();
    return (await get(t.app, `/editor/campaigns/${erlan}/petition/export.csv`, editor)).body;
  }

  const post = (csv: string, locale = 'en') => postPublic(t.app, `/${locale}/verify`, { csv });

  it('says verified for the file as downloaded and altered for one changed name, in the reader’s language', async () => {
    const csv = await stampedExport();
    expect((await t.app.inject({ url: '/en/verify' })).statusCode).toBe(200);
    const ok = await post(csv);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Verified: 5 rows match the tree head of 5 signatures');
    const altered = await post(csv.replace('Олег П.', 'Олег Q.'));
    expect(altered.body).toContain('Altered: the rows do not give the root');
    expect((await post(csv.replace('Олег П.', 'Олег Q.'), 'ar')).body).toContain('مُعدَّل');
    expect((await post('name,email\r\nx,y\r\n')).body).toContain('This is not an export of signers');
  });

  it('publishes the heads with the key and a consistency proof that checks', async () => {
    await stampedExport();
    const res = await t.app.inject({ url: `/api/campaigns/${erlan}/signature-log?from=3` });
    expect(res.statusCode).toBe(200);
    const json = res.json() as {
      publicKey: string;
      heads: { treeSize: number; rootHash: string }[];
      consistency: { from: number; to: number; proof: string[] };
    };
    expect(json.publicKey).toBe(publishedKey(logSigningKey(t.config)).spki);
    expect(json.heads.map((h) => h.treeSize)).toEqual([5, 3]);
    const [newest, older] = json.heads.map((h) => fromHex(h.rootHash)!);
    expect(
      verifyConsistency(
        3,
        5,
        json.consistency.proof.map((h) => fromHex(h)!),
        older!,
        newest!,
      ),
    ).toBe(true);
    expect((await t.app.inject({ url: `/api/campaigns/${erlan}/signature-log?from=9` })).statusCode).toBe(
      400,
    );
    expect((await t.app.inject({ url: '/api/campaigns/no-such-campaign/signature-log' })).statusCode).toBe(
      404,
    );
  });

  it('`outcry verify-export FILE` exits 0 for the file and 1 once a row is altered', async () => {
    const csv = await stampedExport();
    const dir = await mkdtemp(join(tmpdir(), 'outcry-verify-'));
    const lines: string[] = [];
    const io = { out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };
    const withServices = <T>(work: (s: TestApp['services']) => Promise<T>) => work(t.services);
    const key = publishedKey(logSigningKey(t.config)).key;
    await writeFile(join(dir, 'ok.csv'), csv);
    expect(await runVerifyExport([join(dir, 'ok.csv')], io, withServices, key)).toBe(0);
    expect(lines.join('\n')).toContain('VERIFIED: 5 rows');
    await writeFile(join(dir, 'bad.csv'), csv.replace(',BR,', ',AR,'));
    expect(await runVerifyExport([join(dir, 'bad.csv')], io, withServices, key)).toBe(1);
    expect(lines.at(-1)).toContain('ALTERED');
    expect(await runVerifyExport([join(dir, 'missing.csv')], io, withServices, key)).toBe(2);
  });
});
