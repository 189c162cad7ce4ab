// The keyboard shortcuts sheet (?): a modal dialog that returns focus where it was when closed.
import { useEffect, useRef } from 'react';

const SHORTCUTS: readonly [string, string][] = [
  ['N  or  Ctrl/⌘ + N', 'Add a task'],
  ['/', 'Search'],
  ['↑ ↓', 'Move the selection'],
  ['Home / End, Page Up / Page Down', 'Jump in the list'],
  ['Space', 'Complete or reopen the selected task'],
  ['Enter', 'Rename the selected task'],
  ['E', 'Open details (description, priority, due date)'],
  ['Delete', 'Delete the selected task (Undo in the toast)'],
  ['Ctrl/⌘ + Z', 'Undo the last delete'],
  ['Esc', 'Cancel editing, close panels, leave search'],
  ['?', 'Show this sheet'],
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            onClose();
          }
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcut">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
