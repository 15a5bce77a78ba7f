// Bare baseline for the sign scenario: node:http parsing the same form and inserting the same rows into
// better-sqlite3 (WAL, synchronous=FULL) with the same group commit (one transaction per event-loop turn).
// No framework, no validation, no templates: the physical limit of this machine for the same writes.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.BASELINE_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`create table if not exists supporters (id integer primary key, email text, email_canonical text unique, name text, locale text, created_at integer, updated_at integer);
create table if not exists signatures (id integer primary key, campaign_id integer, supporter_id integer, locale text, name text, message text, status text, created_at integer, unique (campaign_id, supporter_id));
create table if not exists jobs (id integer primary key, kind text, payload text, status text, run_at integer, created_at integer, updated_at integer);`);
const upsert = db.prepare(
  'insert into supporters (email, email_canonical, name, locale, created_at, updated_at) values (?, ?, ?, ?, ?, ?) on conflict (email_canonical) do update set updated_at = excluded.updated_at returning id',
);
const sign = db.prepare(
  "insert into signatures (campaign_id, supporter_id, locale, name, message, status, created_at) values (1, ?, 'en', ?, ?, 'pending', ?) on conflict do nothing returning id",
);
const job = db.prepare(
  "insert into jobs (kind, payload, status, run_at, created_at, updated_at) values ('mail', ?, 'queued', ?, ?, ?)",
);
const writeBatch = db.transaction((batch) => {
  for (const { fields, res } of batch) {
    const now = Date.now();
    const email = fields.get('email') ?? '';
    const { id } = upsert.get(email, email.toLowerCase(), fields.get('name') ?? '', 'en', now, now);
    const s = sign.get(id, fields.get('name') ?? '', fields.get('message') ?? '', now);
    if (s) job.run(JSON.stringify({ signatureId: s.id }), now, now, now);
    res.statusCode = 303;
    res.setHeader('location', '/thanks');
  }
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
