// The baseline of the mail benchmarks: nodemailer's own pooled SMTP transport to the sink, as a program
// that uses nodemailer directly would set it up, signing with nodemailer's DKIM when given a key.
import nodemailer from 'nodemailer';

export function bareTransporter(port: number, connections: number, dkimKey: string | undefined) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
    ...(dkimKey
      ? { dkim: { domainName: 'outcry.example.org', keySelector: 'bench', privateKey: dkimKey } }
      : {}),
  });
}
