// An editor hands a draft over for review (draft → in_review); see the diagram in lifecycle.ts.
import { undatedTransition } from './lifecycle.js';

export const submitForReview = undatedTransition('submit');
