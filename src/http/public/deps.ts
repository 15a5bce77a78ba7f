// What the public routes need, assembled in app.ts from AppDeps.

import type { CampaignReader } from '../../domain/campaign/campaign.ports.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { ImageStore } from '../../domain/shared/image.ports.js';
import type { SignDeps } from '../../domain/signature/sign-campaign.js';
import type { SignatureConfirmer } from '../../domain/signature/signature.ports.js';
import type { LiveCounters } from '../live/live-counters.js';
import type { SiteInfo } from '../views/layout.js';
import type { VerificationHead } from './verify/verification-line.js';

export interface PublicDeps {
  site: SiteInfo;
  campaigns: CampaignReader;
  signing: SignDeps;
  confirmer: SignatureConfirmer;
  tokens: { hash(token: string): string };
  clock: Clock;
  /** Keys form tokens and IP hashes. */
  secret: string;
  confirmExpiryMs: number;
  live: LiveCounters;
  /** The campaign photo's size and narrower copies (srcset). */
  images: Pick<ImageStore, 'responsive'>;
  /** The newest signed tree head of a campaign's signature log, for the page's verification line. */
  treeHeads: { latest(campaignId: number): Promise<VerificationHead | undefined> };
}
