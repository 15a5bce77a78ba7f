// Embassy campaigns (decision 0028): a target for supporters of chosen countries gets only their
// messages. Every way a signature comes to count makes its messages the same way: the three signing paths
// (prepared statements, multi-row, row by row), confirmation by link, and an editor releasing a held
// signature; the global targets and copy addresses get every message.
import { describe, expect, it } from 'vitest';
import { insertUser, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import type { SignCommand } from '../domain/signature/signature.ports.js';
import { CampaignRepository } from './campaign.repository.js';
import type { Db } from './database.js';
import { HeldSignatureRepository } from './held-signature.repository.js';
import { SignatureRepository } from './signature.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';

const now = Date.UTC(2026, 11, 6, 10);

const embassyCampaign = () =>
  buildCampaign({
    slug: 'belarus-embassies',
    confirmationMode: 'immediate',
    targets: [
      { kind: 'target', name: 'Ministry', organisation: null, email: 'min@gov.example.org', locale: 'be' },
      {
        kind: 'target',
        name: 'Embassy in Germany',
        organisation: null,
        email: 'berlin@embassy.example.org',
        locale: 'de',
        countries: ['DE'],
      },
      {
        kind: 'target',
        name: 'Embassy in Belgium and France',
        organisation: null,
        email: 'paris@embassy.example.org',
        locale: 'fr',
        countries: ['BE', 'FR'],
      },
      {
        kind: 'copy',
        name: 'Union copies',
        organisation: null,
        email: 'copy@union.example.org',
        locale: 'en',
      },
    ],
  });

const from = (campaignId: number, email: string, country: string, over: Partial<SignCommand> = {}) => {
  const c = buildSignCommand(campaignId, { email, now, status: 'confirmed', ...over });
  return { ...c, input: { ...c.input, country } };
};

/** Each signer's address → the target addresses their messages go to, sorted. */
async function recipients(db: Db): Promise<Record<string, string[]>> {
  const rows = await db.kysely
    .selectFrom('messages as m')
    .innerJoin('signatures as s', 's.id', 'm.signature_id')
    .innerJoin('supporters as p', 'p.id', 's.supporter_id')
    .innerJoin('targets as t', 't.id', 'm.target_id')
    .select(['p.email as signer', 't.email as target'])
    .execute();
  const out: Record<string, string[]> = {};
  for (const r of rows) out[r.signer] = [...(out[r.signer] ?? []), r.target];
  for (const list of Object.values(out)) list.sort();
  return out;
}

const expected = {
  'de@example.org': ['berlin@embassy.example.org', 'copy@union.example.org', 'min@gov.example.org'],
  'fr@example.org': ['copy@union.example.org', 'min@gov.example.org', 'paris@embassy.example.org'],
  'be@example.org': ['copy@union.example.org', 'min@gov.example.org', 'paris@embassy.example.org'],
  'jp@example.org': ['copy@union.example.org', 'min@gov.example.org'],
};

const writers = [
  { name: 'prepared statements', dialects: ['sqlite'] as const, options: undefined },
  { name: 'multi-row statements', dialects: testDialects, options: { multiRow: true } },
  { name: 'row by row', dialects: testDialects, options: { multiRow: false } },
];

for (const w of writers) {
  describe.each([...w.dialects])(`embassy targets, signing through ${w.name} on %s`, (dialect) => {
    let db: TestDb;
    dbPerTest(dialect, (fresh) => {
      db = fresh;
    });

    it("sends each signature to the global targets and its country's embassy only", async () => {
      const campaignId = await new CampaignRepository(db).create(embassyCampaign(), now);
      const writer = w.options
        ? new BatchedSignatureWriter(
            { kysely: db.kysely, dialect: db.dialect, vault: db.vault, close: db.close },
            w.options,
          )
        : new BatchedSignatureWriter(db);
      const outcomes = await Promise.all(
        ['de', 'fr', 'be', 'jp'].map((c) =>
          writer.record(from(campaignId, `${c}@example.org`, c.toUpperCase())),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);
      expect(await recipients(db)).toEqual(expected);
    });
  });
}

describe.each(testDialects)('embassy targets when a signature comes to count later, on %s', (dialect) => {
  let db: TestDb;
  let campaignId: number;
  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    campaignId = await new CampaignRepository(db).create(
      { ...embassyCampaign(), confirmationMode: 'confirm_first' },
      now,
    );
  });

  it('confirmation by link makes the messages of the signer’s country', async () => {
    const writer = new BatchedSignatureWriter(db);
    await writer.record(from(campaignId, 'de@example.org', 'DE', { status: 'pending', tokenHash: 'h-de' }));
    await writer.record(from(campaignId, 'jp@example.org', 'JP', { status: 'pending', tokenHash: 'h-jp' }));
    expect(await recipients(db)).toEqual({});
    const signatures = new SignatureRepository(db);
    expect((await signatures.confirm('h-de', now + 1_000, 86_400_000)).status).toBe('confirmed');
    expect((await signatures.confirm('h-jp', now + 1_000, 86_400_000)).status).toBe('confirmed');
    expect(await recipients(db)).toEqual({
      'de@example.org': expected['de@example.org'],
      'jp@example.org': expected['jp@example.org'],
    });
  });

  it('an editor releasing a held signature makes the messages of the signer’s country', async () => {
    const writer = new BatchedSignatureWriter(db);
    await writer.record(from(campaignId, 'be@example.org', 'BE', { status: 'held', tokenHash: 'h-be' }));
    const editor = await insertUser(db, { email: 'editor@example.org', name: 'Editor', role: 'editor' }, now);
    const held = new HeldSignatureRepository(db);
    const ids = (await db.kysely.selectFrom('signatures').select('id').execute()).map((r) => r.id);
    const released = await held.release(
      campaignId,
      { ids },
      () => ({ status: 'confirmed' }),
      { id: editor, email: 'editor@example.org' },
      now + 1_000,
    );
    expect(released).toBe(1);
    expect(await recipients(db)).toEqual({ 'be@example.org': expected['be@example.org'] });
  });
});
