// The title bar area of the signed-in screen.
import type { User } from '../../src-preload/contract';
import { AccountMenu } from './account-menu';
import type { ThemeChoice } from './theme';

interface AppHeaderProps {
  user: User;
  theme: ThemeChoice;
  onTheme: (choice: ThemeChoice) => void;
  onSignOut: () => void;
  onShortcuts: () => void;
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
        <button type="button" className="button button-quiet" onClick={props.onShortcuts} aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
        <AccountMenu {...props} />
      </div>
    </header>
  );
}
