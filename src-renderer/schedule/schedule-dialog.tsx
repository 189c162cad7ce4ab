// A modal dialog for the schedule pickers: labelled by its heading, Esc cancels (without closing the details panel
// under it), Tab stays inside, focus goes back where it was when it closes.
import { useRef, type ReactNode } from 'react';
import { useModalFocus } from '../app/use-modal-focus';
import './schedule.css';

export function ScheduleDialog({ title, onCancel, children }: { title: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);
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
          trapTab(e);
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
