// On the sign-in screen: the accounts still signed in on this computer, to continue as one without a password
// (after the current account's session ended, or while adding an account).
import { useEffect, useState } from 'react';
import type { AccountSummary, TasksBridge } from '../../src-preload/contract';
import { useSession } from '../auth/session-context';
import { initials } from './initials';

export function SignedInAccounts({ accounts }: { accounts: TasksBridge['accounts'] }) {
  const { switchAccount } = useSession();
  const [signedIn, setSignedIn] = useState<AccountSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    accounts
      .list()
      .then((result) => {
        if (live && result.ok) setSignedIn(result.value.filter((account) => account.signedIn && !account.current));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accounts]);

  if (signedIn.length === 0) return null;
  return (
    <section className="signed-in-accounts" aria-labelledby="signed-in-accounts-title">
      <h2 id="signed-in-accounts-title">Signed in on this computer</h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul>
        {signedIn.map((account) => (
          <li key={account.id}>
            <button
              type="button"
              aria-label={`Continue as ${account.name} (${account.email})`}
              onClick={() => {
                void switchAccount(account.id).then((result) => setError(result.ok ? null : result.error.message));
              }}
            >
              <span className="avatar avatar-small" aria-hidden="true">
                {initials(account.name)}
              </span>
              <span className="account-choice-text">
                <span dir="auto">{account.name}</span>
                <span className="account-choice-email" dir="auto">
                  {account.email}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
