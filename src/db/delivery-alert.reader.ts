// What the alert-mail job (jobs/tasks/send-delivery-alert.task.ts) reads: one alert with its campaign and
// target, and the people it goes to. The alert rows themselves are written by message-outcome.writer.ts.
import type { AlertMail, AlertMailReader } from '../domain/delivery/delivery.ports.js';
import { KyselyStore } from './kysely-store.js';

export class DeliveryAlertReader extends KyselyStore implements AlertMailReader {
  /** An alert with what its mail needs, and the people who receive it (active admins and editors). */
  async alertForMail(id: number): Promise<AlertMail | undefined> {
    const alert = await this.db
      .selectFrom('alerts as a')
      .leftJoin('campaigns as c', 'c.id', 'a.campaign_id')
      .leftJoin('targets as t', 't.id', 'a.target_id')
      .select([
        'a.kind',
        'a.detail',
        'a.domain',
        'a.created_at as createdAt',
        'c.slug as campaignSlug',
        't.name as targetName',
        't.email as targetEmail',
      ])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!alert) return undefined;
    return { ...alert, recipients: await this.alertRecipients() };
  }

  alertRecipients(): Promise<AlertMail['recipients']> {
    return this.db
      .selectFrom('users')
      .select(['name', 'email', 'locale'])
      .where('role', 'in', ['admin', 'editor'])
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
  }
}
