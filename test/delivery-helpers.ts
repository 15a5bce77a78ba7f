// Delivery test rig: a campaign with confirmed signatures (through the real write path, so the message
// rows are the ones signing creates), a loopback SMTP sink, a DKIM key, and a dispatcher on a fake clock.
import { generateKeyPairSync } from 'node:crypto';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { DeliveryDispatchStore } from '../src/db/delivery-dispatch.store.js';
import type { NewCampaign } from '../src/domain/campaign/campaign.ports.js';
import type { DeliveryPolicy } from '../src/domain/delivery/delivery.js';
import type { SignCommand } from '../src/domain/signature/signature.ports.js';
import { createDispatcher, type Dispatcher } from '../src/jobs/delivery/dispatcher.js';
import { createSmtpTransport } from '../src/mail/smtp.transport.js';
import type { MailTransport } from '../src/mail/transport.js';
import { buildCampaign, buildSignCommand } from './factories.js';
import type { FakeClock } from './fake-clock.js';
import { type SinkScript, type SmtpSink, startSmtpSink } from './smtp-sink.js';
import type { TestApp } from './test-app.js';

export const dkimKey = (() => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey,
    record: `v=DKIM1; k=rsa; p=${publicKey.toString('base64')}`,
    domainName: 'outcry.example.org',
    keySelector: 'test2026',
  };
})();

/** A DNS resolver for mailauth that knows only our test DKIM record. */
export async function dkimResolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${dkimKey.keySelector}._domainkey.${dkimKey.domainName}`)
    return [[dkimKey.record]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

/** `count` copy addresses with no hourly cap, box0@d0 … spread over `domains` domains (d0.example.org …). */
export function copyBoxes(count: number, domains: number): NewCampaign['targets'] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'copy' as const,
    name: `Box ${i}`,
    organisation: null,
    email: `box${i}@d${i % domains}.example.org`,
    locale: 'en',
  }));
}

export async function createCampaign(t: TestApp, campaign: NewCampaign): Promise<number> {
  return new CampaignRepository(t.db).create(campaign, t.services.clock.now());
}

/** A digest campaign with one target that takes 2 letters an hour: a backlog beyond that goes as a digest. */
export async function createDigestCampaign(t: TestApp): Promise<number> {
  const id = await createCampaign(
    t,
    buildCampaign({ deliveryMode: 'digest', targets: [buildCampaign().targets[0]!] }),
  );
  await t.db.kysely
    .updateTable('campaigns')
    .set({ target_hourly_cap: 2, digest_interval_minutes: 60 })
    .where('id', '=', id)
    .execute();
  return id;
}

/** `n` confirmed signatures, each releasing its messages as signing does. */
export async function sign(
  t: TestApp,
  campaignId: number,
  n: number,
  overrides: (i: number) => Partial<SignCommand> & { email?: string } = () => ({}),
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const outcome = await t.services.writer.record(
      buildSignCommand(campaignId, { status: 'confirmed', now: t.services.clock.now(), ...overrides(i) }),
    );
    ids.push(outcome.signatureId);
  }
  return ids;
}

export interface DeliveryRig {
  sink: SmtpSink;
  transport: MailTransport;
  dispatcher: Dispatcher;
  store: DeliveryDispatchStore;
  close(): Promise<void>;
}

export async function deliveryRig(
  t: TestApp,
  opts: {
    script?: SinkScript;
    policy?: Partial<DeliveryPolicy>;
    connections?: number;
    leaseMs?: number;
  } = {},
): Promise<DeliveryRig> {
  const sink = await startSmtpSink(opts.script ? { script: opts.script } : {});
  const transport = createSmtpTransport(sink.url, {
    pool: true,
    maxConnections: opts.connections ?? 4,
    dkim: {
      domainName: dkimKey.domainName,
      keySelector: dkimKey.keySelector,
      privateKey: dkimKey.privateKey,
    },
  });
  const store = new DeliveryDispatchStore(t.db);
  const dispatcher = createDispatcher({
    store,
    transport,
    campaigns: t.services.campaigns,
    clock: t.services.clock,
    site: { name: t.config.SITE_NAME, mailFrom: t.config.MAIL_FROM, secret: t.config.APP_SECRET },
    random: () => 0.5,
    connections: opts.connections ?? 4,
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
  });
  // Closed once, by the test or else with the app.
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await dispatcher.stop();
      await transport.close();
      await sink.close();
    })());
  t.closeWith(close);
  return { sink, transport, dispatcher, store, close };
}

/** A destination domain's row (pause, back-off, concurrency), for assertions. */
export function mailDomain(t: TestApp, domain: string) {
  return t.db.kysely
    .selectFrom('mail_domains')
    .selectAll()
    .where('domain', '=', domain)
    .executeTakeFirstOrThrow();
}

/** Status of every message, by target email then status, for assertions. */
export async function messageStatuses(t: TestApp): Promise<Record<string, Record<string, number>>> {
  const rows = await t.db.kysely
    .selectFrom('messages as m')
    .innerJoin('targets as tg', 'tg.id', 'm.target_id')
    .select(['tg.email', 'm.status', 'm.kind'])
    .execute();
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const key = r.kind === 'digest' ? `digest:${r.status}` : r.status;
    out[r.email] ??= {};
    out[r.email]![key] = (out[r.email]![key] ?? 0) + 1;
  }
  return out;
}

export function step(clock: FakeClock, ms: number): void {
  clock.advance(ms);
}

/**
 * The team a delivery alert goes to: an editor reading Tagalog and an admin, beside a translator and a
 * disabled editor, who must not get it.
 */
export async function insertAlertTeam(t: TestApp, now: number): Promise<void> {
  await t.db.kysely
    .insertInto('users')
    .values([
      { email: 'ed@example.org', name: 'Ed', role: 'editor', locale: 'tl', created_at: now },
      { email: 'ad@example.org', name: 'Ad', role: 'admin', locale: 'en', created_at: now },
      { email: 'tr@example.org', name: 'Tr', role: 'translator', locale: 'en', created_at: now },
      {
        email: 'gone@example.org',
        name: 'Gone',
        role: 'editor',
        locale: 'en',
        created_at: now,
        disabled_at: now,
      },
    ])
    .execute();
}
