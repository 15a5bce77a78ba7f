// Builders for test data with sensible defaults: buildCampaign({ confirmationMode: 'immediate' }), the same
// campaign as the domain reads it back, a petition signer recorded straight through the writer, and one
// recipient of a delivery report.
import type { CampaignWithContent } from '../src/domain/campaign/campaign.js';
import type { NewCampaign } from '../src/domain/campaign/campaign.ports.js';
import type { BounceRecipient } from '../src/domain/delivery/record-bounce.js';
import type { SignCommand } from '../src/domain/signature/signature.ports.js';
import type { TestApp } from './test-app.js';

let n = 0;

export function buildCampaign(overrides: Partial<NewCampaign> = {}): NewCampaign {
  n++;
  return {
    slug: `nurses-${n}`,
    status: 'live',
    sourceLocale: 'en',
    translations: [
      {
        locale: 'en',
        status: 'published',
        headline: 'Korea: Reinstate the dismissed nurses',
        backgroundMd: 'Nurses at the hospital were dismissed for joining a union.',
        defaultMessage: 'Reinstate the nurses.',
        targetSubject: 'Reinstate the nurses',
        outcomeMd: null,
      },
    ],
    partners: [{ name: 'Public Services International', url: null, logoPath: null }],
    targets: [
      {
        kind: 'target',
        name: 'Hospital director',
        organisation: 'Hospital',
        email: 'director@hospital.example.org',
        locale: 'ko',
      },
      {
        kind: 'target',
        name: 'Ministry of Labour',
        organisation: null,
        email: 'minister@labour.example.org',
        locale: 'ko',
      },
      {
        kind: 'copy',
        name: 'Union copies',
        organisation: 'KHMU',
        email: 'copies@khmu.example.org',
        locale: 'ko',
      },
    ],
    ...overrides,
  };
}

/**
 * A live campaign as the domain reads it back from storage (an id, every setting, no dates, no targets), for
 * tests of templates and documents that need no database.
 */
export function storedCampaign(overrides: Partial<CampaignWithContent> = {}): CampaignWithContent {
  return {
    ...buildCampaign(),
    id: 1,
    confirmationMode: 'confirm_first',
    deliveryMode: 'individual',
    goal: null,
    moreInfoUrl: null,
    photoPath: null,
    startsAt: null,
    endsAt: null,
    closedAt: null,
    petitionNames: 'short',
    targets: [],
    ...overrides,
  };
}

export function buildSignCommand(
  campaignId: number,
  overrides: Partial<SignCommand> & { email?: string } = {},
): SignCommand {
  const { email = `s${++n}@example.org`, ...rest } = overrides;
  return {
    campaignId,
    locale: 'en',
    // The words of a test signature are in its language unless a test says otherwise.
    messageLocale: rest.locale ?? 'en',
    input: {
      name: 'Kim Min-ji',
      email: { address: email, canonical: email.toLowerCase() },
      union: null,
      country: 'KR',
      message: 'Reinstate the nurses.',
      alerts: false,
      anonymous: false,
      source: null,
    },
    status: 'pending',
    ipHash: null,
    token: `token-${n}-abcdefghijklmnopqrstuvwxyz`,
    tokenHash: `hash-${n}`,
    consent: null,
    now: Date.UTC(2026, 10, 23, 10),
    ...rest,
  };
}

export type SignerOverrides = Partial<SignCommand> & { union?: string | null; anonymous?: boolean };

/** Records a confirmed signer (unless `status` says otherwise) with these name, country and time. */
export function recordSigner(
  t: TestApp,
  campaignId: number,
  name: string,
  country: string,
  at: number,
  over: SignerOverrides = {},
) {
  const { union = null, anonymous = false, ...rest } = over;
  const c = buildSignCommand(campaignId, { status: 'confirmed', now: at, ...rest });
  return t.services.writer.record({ ...c, input: { ...c.input, name, country, union, anonymous } });
}

/** Marks the supporter behind a signature erased (the state an erasure leaves), without the rest of erasure. */
export async function markSupporterErased(t: TestApp, signatureId: number): Promise<void> {
  const { supporter_id } = await t.db.kysely
    .selectFrom('signatures')
    .select('supporter_id')
    .where('id', '=', signatureId)
    .executeTakeFirstOrThrow();
  await t.db.kysely
    .updateTable('supporters')
    .set({ status: 'erased' })
    .where('id', '=', supporter_id)
    .execute();
}

/** One recipient of a delivery report (DSN), failed with `status` unless `overrides` say otherwise. */
export function reportedRecipient(
  status: string | null,
  overrides: Partial<BounceRecipient> = {},
): BounceRecipient {
  return {
    action: 'failed',
    status,
    diagnostic: null,
    finalRecipient: 'a@b.org',
    originalRecipient: null,
    ...overrides,
  };
}
