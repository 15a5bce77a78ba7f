// What the targets pages, the CSV import and the test message need, assembled in app.ts: one type the three
// route files share, kept apart from them so that none of them imports another for it.
import type { TargetStore } from '../../../domain/campaign/campaign-roster.ports.js';
import type { DeliveryAdmin } from '../../../domain/delivery/delivery.ports.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { SiteInfo } from '../../views/layout.js';

export interface TargetEditorDeps {
  site: SiteInfo;
  clock: Clock;
  targets: TargetStore;
  delivery: DeliveryAdmin;
  /** APP_SECRET: signs the rows an import report carries. */
  secret: string;
  /** SITE_NAME and MAIL_FROM, as delivery writes letters with them. */
  mail: { siteName: string; from: string };
}
