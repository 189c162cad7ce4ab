// Shortcuts that work anywhere on the task screen unless the person is typing: N / Ctrl+N, /, ?, Ctrl+K,
// Ctrl+Z (undo), Ctrl+Shift+Z or Ctrl+Y (redo), D (the selected task's date picker), S (its start date).
import { useEffect, useRef } from 'react';

export interface GlobalShortcuts {
  focusQuickAdd: () => void;
  focusSearch: () => void;
  showShortcuts: () => void;
  openPalette: () => void;
  undo: () => void;
  redo: () => void;
  /** D: open the date + time picker of the selected task. */
  pickDate?: () => void;
  /** S: open the start date picker of the selected task. */
  pickStart?: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(handlers: GlobalShortcuts, enabled: boolean): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey && key === 'n') {
        event.preventDefault();
        ref.current.focusQuickAdd();
        return;
      }
      if (mod && !event.altKey && key === 'k') {
        event.preventDefault();
        ref.current.openPalette();
        return;
      }
      if (isTyping(event.target)) return;
      if (mod && ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey))) {
        event.preventDefault();
        ref.current.redo();
        return;
      }
      if (mod && key === 'z') {
        event.preventDefault();
        ref.current.undo();
        return;
      }
      if (mod || event.altKey) return;
      if (key === 'n') ref.current.focusQuickAdd();
      else if (event.key === '/') ref.current.focusSearch();
      else if (event.key === '?') ref.current.showShortcuts();
      else if (key === 'd' && !event.shiftKey && ref.current.pickDate) ref.current.pickDate();
      else if (key === 's' && !event.shiftKey && ref.current.pickStart) ref.current.pickStart();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
