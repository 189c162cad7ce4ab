// A modal dialog for the schedule pickers: labelled by its heading, Esc cancels (without closing the details panel
// under it), Tab stays inside, focus goes back where it was when it closes.
import { useEffect, useRef, type ReactNode } from 'react';
import './schedule.css';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export function ScheduleDialog({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="overlay" role="presentation" onClick={onCancel}>
      <div
        ref={ref}
        className="sheet schedule-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="schedule-dialog-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
          if (e.key === 'Tab' && ref.current) {
            const all = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
            const first = all[0];
            const last = all.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h2 id="schedule-dialog-title" dir="auto">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
