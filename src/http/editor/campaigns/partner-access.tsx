// On a campaign's editor page, for admins: the partner accounts that can read the campaign's figures (their
// dashboards show it), each linked to its account page where access is given or removed.
import type { ScopeAccount } from '../../../domain/account/account-scopes.js';
import type { Translator } from '../../../i18n/translator.js';
import { statusKeys } from '../../views/editor/labels.js';
import { AccountLink } from '../users/account-link.js';

/** On a campaign's page, for admins: the partner accounts that can read its figures. */
export function PartnerAccess({ tr, accounts }: { tr: Translator; accounts: ScopeAccount[] }) {
  const t = tr.t;
  return (
    <section class="editor-panel scope" aria-labelledby="partner-access">
      <h2 id="partner-access">{t('scopes.campaign.title')}</h2>
      {accounts.length === 0 ? (
        <p>{t('scopes.campaign.none')}</p>
      ) : (
        <ul class="editor-list scope-list">
          {accounts.map((a) => (
            <li key={a.id} class="editor-list__item">
              <AccountLink href={`/editor/users/${a.id}#scope`} account={a} />
              {a.status !== 'active' && <span class="editor-list__meta">{t(statusKeys[a.status])}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="help">{t('scopes.campaign.help')}</p>
    </section>
  );
}
