// The one focus trap of the app's modal dialogs (Settings, the schedule pickers, the date picker, the confirmation,
// the shortcuts sheet). When the dialog opens, focus goes to its element marked `data-autofocus` (else its first
// focusable one); Tab and Shift+Tab cycle inside it; when it closes, focus goes back to where it was.
//   const ref = useRef<HTMLDivElement>(null);  const trapTab = useModalFocus(ref);
//   <div ref={ref} role="dialog" aria-modal="true" onKeyDown={(e) => { trapTab(e); ... }}>
import { useCallback, useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]';

/** What Tab reaches inside `root`, in order: enabled, not tabindex="-1", shown (display: none has no offsetParent). */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getAttribute('tabindex') !== '-1' && (el.offsetParent !== null || el === document.activeElement),
  );
}

export function useModalFocus(ref: RefObject<HTMLElement | null>): (event: KeyboardEvent) => void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root) (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(root)[0])?.focus();
    return () => previous?.focus();
  }, [ref]);

  return useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !ref.current) return;
      const items = focusablesIn(ref.current);
      const first = items[0];
      const last = items.at(-1);
      const at = document.activeElement;
      // Focus that left the dialog (a button that removed itself leaves it on the body) comes back in.
      const inside = at !== null && ref.current.contains(at) && at !== ref.current;
      if (event.shiftKey && (at === first || !inside)) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && (at === last || !inside)) {
        event.preventDefault();
        first?.focus();
      }
    },
    [ref],
  );
}
