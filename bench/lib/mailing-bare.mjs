// The mailing benchmark's baseline, in a process of its own so its memory is measured like the worker's:
// nodemailer's pooled SMTP transport (bare-nodemailer.ts's settings) sending the benchmark's messages, made
// by the app's own renderer and headers (the built dist/), `connections × 2` sends in flight. It holds no
// queue: the i-th subscriber is made from its index (the same rule as bench/mailing.ts), so its memory is
// what sending costs. Argv: one JSON object (n, port, connections, domains, locales, texts, translations,
// site, dkimKey). Prints its peak RSS in MB and the CPU its sends took as a JSON line when every send is done.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { mailingMessage } from '../../dist/jobs/mailing/mailing-message.js';
import { compileMailing } from '../../dist/mail/templates/mailing.email.js';
import { toNodemailerMessage } from '../../dist/mail/transport.js';

const o = JSON.parse(process.argv[2]);
const transporter = nodemailer.createTransport({
  host: '127.0.0.1',
  port: o.port,
  secure: false,
  pool: true,
  maxConnections: o.connections,
  maxMessages: Number.POSITIVE_INFINITY,
  ...(o.dkimKey
    ? { dkim: { domainName: 'outcry.example.org', keySelector: 'bench', privateKey: o.dkimKey } }
    : {}),
});
const compiled = new Map();
for (const locale of o.locales) {
  const own = o.translations[locale];
  compiled.set(
    locale,
    await compileMailing({
      mailingId: 1,
      locale,
      textLocale: own ? locale : 'en',
      ...(own ?? o.texts),
      otherCampaigns: [],
      site: o.site,
    }),
  );
}
// bench/mailing.ts `subscriber`
const subscriber = (i) => ({
  email: `s${i}@d${i % o.domains}.example.net`,
  name: `Subscriber ${i}`,
  locale: o.locales[i % o.locales.length],
});
let next = 0;
const worker = async () => {
  for (let i = next++; i < o.n; i = next++) {
    const s = subscriber(i);
    // Without the parts our sender encodes once per language (`encoded`): nodemailer builds each message
    // from its text and HTML, as a program using it directly does.
    const { encoded: _encoded, ...mail } = mailingMessage(
      compiled.get(s.locale),
      { id: i + 1, mailingId: 1, supporterId: i + 1, attempts: 0, ...s },
      o.site,
    );
    await transporter.sendMail(toNodemailerMessage(mail));
  }
};
// The process's CPU (every thread) over the sends only, as the worker's is measured from its first message.
const before = process.cpuUsage();
await Promise.all(Array.from({ length: o.connections * 2 }, worker));
const used = process.cpuUsage(before);
transporter.close();
const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
console.log(
  JSON.stringify({
    rssMb: kb ? Math.round(Number(kb) / 1024) : null,
    cpuMs: (used.user + used.system) / 1000,
  }),
);
process.exit(0);
