// The person at work on the translation pages, loaded once per request: a translator with the languages
// given to them and their standing in each (decision 0039), an editor or admin with every language.
import type { FastifyRequest } from 'fastify';
import type { AccountScopeStore } from '../../../domain/account/account-scopes.js';
import {
  languagesLimited,
  type TranslationViewer,
  translationViewer,
} from '../../../domain/translation/translation-steps.js';

export type ViewerScopes = Pick<AccountScopeStore, 'grantsOf'>;

export function viewerOf(scopes: ViewerScopes): (req: FastifyRequest) => Promise<TranslationViewer> {
  return async (req) => {
    const user = req.account!.user;
    return translationViewer(user, languagesLimited(user.role) ? await scopes.grantsOf(user.id) : []);
  };
}
