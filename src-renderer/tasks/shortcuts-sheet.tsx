// The keyboard shortcuts sheet (?): a modal dialog that returns focus where it was when closed.
import { useRef } from 'react';
import { useModalFocus } from '../app/use-modal-focus';

const SHORTCUTS: readonly [string, string][] = [
  ['N  or  Ctrl/⌘ + N', 'Add a task'],
  ['/', 'Search'],
  ['Ctrl/⌘ + K', 'Command palette: go to, run, find'],
  ['↑ ↓', 'Move the selection (Shift extends it, Ctrl/⌘ + A selects all)'],
  ['Home / End, Page Up / Page Down', 'Jump in the list'],
  ['Space', 'Complete or reopen the selected tasks'],
  ['Enter', 'Rename the selected task'],
  ['E', 'Open details (notes, list, tags, priority, due date, subtasks)'],
  ['D', 'Set the due date and time of the selected task'],
  ['S', 'Set the start date of the selected task (hidden from Today until then)'],
  ['R', 'Repeat the selected task (daily, weekly, custom…)'],
  ['Shift + R', 'Reminders of the selected task (snooze: Ctrl/⌘ + K, “Snooze”)'],
  ['Delete', 'Delete the selected tasks (to the Trash)'],
  ['Alt + ↑ ↓', 'Move the task up or down (in My order)'],
  ['Alt + → ←  or  Tab / Shift + Tab', 'Nest under the task above / move out of its parent'],
  ['→ ←', 'Expand or collapse subtasks'],
  ['Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z', 'Undo, redo (the last 100 actions)'],
  ['Esc', 'Cancel editing, close panels, leave search'],
  ['?', 'Show this sheet'],
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        ref={ref}
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
          trapTab(e);
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
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </div>
  );
}
