// Bare baseline for the sign scenario: node:http parsing the same form and writing the same rows into the
// same schema (the app's migrated, seeded database): supporter upsert, signature, the confirmation job (or,
// for an immediate-mode campaign, one message per target and the thank-you job), the count delta, with
// better-sqlite3 (WAL, synchronous=FULL) and the same group commit (one transaction per event-loop turn). No
// framework, no validation, no templates, no tokens or hashing: the physical limit of this machine for the
// same writes.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.BASELINE_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const campaign = db
  .prepare('select id, confirmation_mode from campaigns where slug = ?')
  .get(process.env.BASELINE_SLUG);
const immediate = campaign.confirmation_mode === 'immediate';
const status = immediate ? 'confirmed' : 'pending';
const targets = db
  .prepare("select id from targets where campaign_id = ? and status != 'bounced' order by position")
  .pluck()
  .all(campaign.id);
const supporter = db
  .prepare(
    `insert into supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
     values (?, ?, ?, 'en', ?, ?, ?, ?) on conflict (email_index) do update set updated_at = excluded.updated_at
     returning id`,
  )
  .pluck();
const signature = db
  .prepare(
    `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
       confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
     values (?, ?, 'en', ?, ?, ?, ?, null, ?, ?, 'ip', ?, ?, ?)
     on conflict (campaign_id, supporter_id) do nothing returning id`,
  )
  .pluck();
const message = db.prepare(
  `insert into messages (signature_id, target_id, campaign_id, status, created_at) values (?, ?, ?, 'queued', ?)
   on conflict (signature_id, target_id) do nothing`,
);
const job = db.prepare(
  `insert into jobs (kind, payload, status, max_attempts, run_at, created_at, updated_at)
   values ('send-signature-mail', ?, 'queued', 10, ?, ?, ?)`,
);
const count = db.prepare(
  `insert into counts (campaign_id, locale, country, source, status, n) values (?, 'en', ?, '', ?, ?)
   on conflict (campaign_id, locale, country, source, status) do update set n = counts.n + excluded.n`,
);

// Stand-ins for the confirmation token and its SHA-256 (same lengths), without the hashing.
let serial = 0;
const token = () => (++serial).toString(36).padStart(32, 'x');

const writeBatch = db.transaction((batch) => {
  const now = Date.now();
  const deltas = new Map();
  for (const { fields, res } of batch) {
    const email = fields.get('email') ?? '';
    const name = fields.get('name') ?? '';
    const country = fields.get('country') ?? '';
    const union = fields.get('union') ?? '';
    const id = supporter.get(email, email.toLowerCase(), name, country, union, now, now);
    const t = token();
    const s = signature.get(
      campaign.id,
      id,
      name,
      union,
      country,
      fields.get('message') ?? '',
      status,
      immediate ? null : t.padEnd(64, '0'),
      now,
      immediate ? now : null,
      immediate ? null : now,
    );
    if (s !== undefined) {
      if (immediate) for (const target of targets) message.run(s, target, campaign.id, now);
      const payload = immediate
        ? { signatureId: s, mail: 'thank' }
        : { signatureId: s, mail: 'confirm', token: t };
      job.run(JSON.stringify(payload), now, now, now);
      deltas.set(country, (deltas.get(country) ?? 0) + 1);
    }
    res.statusCode = 303;
    res.setHeader('location', '/thanks');
  }
  for (const [country, n] of deltas) count.run(campaign.id, country, status, n);
});

let queue = [];
let scheduled = false;
function flush() {
  scheduled = false;
  const batch = queue;
  queue = [];
  writeBatch(batch);
  for (const { res } of batch) res.end();
}

createServer((req, res) => {
  if (req.method !== 'POST') return res.end('ok');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    queue.push({ fields: new URLSearchParams(Buffer.concat(chunks).toString()), res });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');

// Exit cleanly on SIGTERM so that a CPU profile (BENCH_PROFILE) gets written.
process.once('SIGTERM', () => process.exit(0));
