// The public status page's reader against real SQLite and PostgreSQL: one signature's message to each of
// its campaign's targets and copy addresses, in the campaign's order, through the digest that carried it.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import { createCampaign, sign } from '../../test/delivery-helpers.js';
import { buildCampaign } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';
import { SignatureDeliveryReader } from './delivery-status.reader.js';

describe.each(testDialects)('delivery status reader on %s', (dialect) => {
  let t: TestApp;
  appPerTest(dialect, { seed: false }, (app) => ({ t } = app));

  it("reads each target's message state, a digested one with its digest's", async () => {
    const campaignId = await createCampaign(t, buildCampaign({ slug: 'nurses-status' }));
    const [signatureId] = await sign(t, campaignId, 1);
    const messages = await t.db.kysely
      .selectFrom('messages as m')
      .innerJoin('targets as tg', 'tg.id', 'm.target_id')
      .select(['m.id', 'm.target_id as targetId', 'tg.email'])
      .where('m.signature_id', '=', signatureId!)
      .execute();
    const to = (email: string) => messages.find((m) => m.email === email)!;
    const director = to('director@hospital.example.org');
    const minister = to('minister@labour.example.org');
    // Sent to the director; gathered into a digest, deferred, for the minister; the copy still queued.
    await t.db.kysely.updateTable('messages').set({ status: 'sent' }).where('id', '=', director.id).execute();
    const digest = await t.db.kysely
      .insertInto('messages')
      .values({
        kind: 'digest',
        signature_id: null,
        target_id: minister.targetId,
        campaign_id: campaignId,
        status: 'deferred',
        created_at: t.services.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'digested', digest_id: digest.id })
      .where('id', '=', minister.id)
      .execute();

    const reader = new SignatureDeliveryReader(t.db);
    expect(await reader.forSignature(signatureId!)).toEqual({
      signatureStatus: 'confirmed',
      campaignSlug: 'nurses-status',
      deliveryMode: 'individual',
      rows: [
        {
          targetName: 'Hospital director',
          organisation: 'Hospital',
          kind: 'target',
          messageStatus: 'sent',
          digestStatus: null,
        },
        {
          targetName: 'Ministry of Labour',
          organisation: null,
          kind: 'target',
          messageStatus: 'digested',
          digestStatus: 'deferred',
        },
        {
          targetName: 'Union copies',
          organisation: 'KHMU',
          kind: 'copy',
          messageStatus: 'queued',
          digestStatus: null,
        },
      ],
    });
    expect(await reader.forSignature(signatureId! + 1)).toBeUndefined();
  });
});
