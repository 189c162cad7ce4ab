// The title bar area of the signed-in screen: the brand, the command palette, shortcuts, the account menu.
import type { AccountSummary, TasksBridge, User } from '../../src-preload/contract';
import type { SettingsTab } from '../settings/settings-tabs';
import { AccountMenu } from './account-menu';

interface AppHeaderProps {
  user: User;
  accounts: TasksBridge['accounts'];
  onChooseAccount: (account: AccountSummary) => void;
  onAddAccount: () => void;
  onSignOut: () => void;
  onShortcuts: () => void;
  onPalette: () => void;
  /** Opens Settings on a tab (API & tokens by default). */
  onSettings: (tab?: SettingsTab) => void;
}

export function AppHeader(props: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ✓
        </span>
        <span>Tasks</span>
      </div>
      <div className="header-actions">
        <button type="button" className="button button-quiet palette-button" onClick={props.onPalette} aria-label="Commands (command palette)" aria-keyshortcuts="Control+K">
          <span aria-hidden="true">⌕ Commands</span> <kbd aria-hidden="true">Ctrl K</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={props.onShortcuts} aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
        <AccountMenu {...props} />
      </div>
    </header>
  );
}
