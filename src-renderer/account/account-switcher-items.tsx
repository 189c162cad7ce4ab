// The account switcher's part of the account menu: the other accounts signed in on this computer (initials, name,
// email) to switch to without a password, and "Add account…". Menu items in the menu's own arrow-key order.
import { useEffect, useState } from 'react';
import type { AccountSummary, TasksBridge } from '../../src-preload/contract';
import { initials } from './initials';

export interface AccountSwitcherItemsProps {
  accounts: TasksBridge['accounts'];
  /** Chose another account: switch to it (signed in) or sign in as it (its session ended). */
  onChoose: (account: AccountSummary) => void;
  onAddAccount: () => void;
}

export function AccountSwitcherItems({ accounts, onChoose, onAddAccount }: AccountSwitcherItemsProps) {
  const [others, setOthers] = useState<AccountSummary[]>([]);
  useEffect(() => {
    let live = true;
    accounts
      .list()
      .then((result) => {
        if (live && result.ok) setOthers(result.value.filter((account) => !account.current));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [accounts]);

  return (
    <>
      {others.length > 0 ? (
        <div className="menu-group-label account-group-label" role="presentation">
          Switch account
        </div>
      ) : null}
      {others.map((account) => (
        <button
          key={account.id}
          type="button"
          role="menuitem"
          className="menu-item account-choice"
          tabIndex={-1}
          title={`${account.signedIn ? 'Switch to' : 'Sign in as'} ${account.name}`}
          onClick={() => onChoose(account)}
        >
          <span className="avatar avatar-small" aria-hidden="true">
            {initials(account.name)}
          </span>
          <span className="account-choice-text">
            <span dir="auto">{account.name}</span>
            <span className="account-choice-email" dir="auto">
              {account.signedIn ? account.email : `${account.email} · signed out`}
            </span>
          </span>
        </button>
      ))}
      <button type="button" role="menuitem" className="menu-item" tabIndex={-1} onClick={onAddAccount}>
        <span className="menu-check" aria-hidden="true">
          +
        </span>
        Add account…
      </button>
      <div className="menu-separator" role="separator" />
    </>
  );
}
