// The account menu: who is signed in, keyboard shortcuts, sign out. A menu button with arrow-key navigation.
// (The theme is one setting, in the app menu's View > Theme.)
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountSummary, TasksBridge, User } from '../../src-preload/contract';
import { AccountSwitcherItems } from '../account/account-switcher-items';
import { initials } from '../account/initials';
import type { SettingsTab } from '../settings/settings-tabs';

interface AccountMenuProps {
  user: User;
  /** The accounts signed in on this computer (the switcher). */
  accounts: TasksBridge['accounts'];
  onChooseAccount: (account: AccountSummary) => void;
  onAddAccount: () => void;
  onSignOut: () => void;
  onShortcuts: () => void;
  onSettings: (tab?: SettingsTab) => void;
}

export function AccountMenu({ user, accounts, onChooseAccount, onAddAccount, onSignOut, onShortcuts, onSettings }: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onDown = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && event.target !== buttonRef.current) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    event.stopPropagation();
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
  }

  return (
    <div className="account">
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Account: ${user.name}`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account-name" dir="auto">
          {user.name}
        </span>
      </button>
      {open ? (
        <div ref={menuRef} className="menu" role="menu" aria-label="Account" onKeyDown={onMenuKey}>
          <div className="menu-header" role="presentation">
            <strong dir="auto">{user.name}</strong>
            <span dir="auto">{user.email}</span>
          </div>
          <AccountSwitcherItems
            accounts={accounts}
            onChoose={(account) => {
              setOpen(false);
              onChooseAccount(account);
            }}
            onAddAccount={() => {
              setOpen(false);
              onAddAccount();
            }}
          />
          <MenuAction
            label="Keyboard shortcuts"
            onSelect={() => {
              setOpen(false);
              onShortcuts();
            }}
          />
          <MenuAction
            label="API & tokens…"
            onSelect={() => {
              setOpen(false);
              onSettings('api');
            }}
          />
          <MenuAction
            label="Import & export…"
            onSelect={() => {
              setOpen(false);
              onSettings('transfer');
            }}
          />
          <MenuAction
            label="Backups…"
            onSelect={() => {
              setOpen(false);
              onSettings('backups');
            }}
          />
          <MenuAction
            label="Sign out"
            onSelect={() => {
              setOpen(false);
              onSignOut();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** A plain menu command (no check mark): closes the menu, then acts. */
function MenuAction({ label, onSelect }: { label: string; onSelect: () => void }) {
  return (
    <button type="button" role="menuitem" className="menu-item" tabIndex={-1} onClick={onSelect}>
      <span className="menu-check" aria-hidden="true" />
      {label}
    </button>
  );
}
