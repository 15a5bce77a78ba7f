// A reviewer sends a campaign back to its editors for more work (in_review → draft); see lifecycle.ts.
import { undatedTransition } from './lifecycle.js';

export const sendBackCampaign = undatedTransition('send_back');
