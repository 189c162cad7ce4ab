// Feedback when completing a recurring task moved it to its next occurrence instead of finishing it: its row
// flashes and lifts once (not with reduced motion), and a toast says where it went ("Next: Sun, Dec 6") with Undo.
import type { OrgTask } from '../api/organize-api';
import type { ToastState } from '../tasks/toast';
import { formatDue } from './format-due';
import { viewerTimeZone } from '../dates/viewer-zone';

/** The toast for tasks that moved to their next occurrence. */
export function advancedToast(tasks: readonly OrgTask[], undo: () => void, zone = viewerTimeZone()): Omit<ToastState, 'id'> {
  const first = tasks[0];
  const message =
    tasks.length === 1 && first
      ? `Completed “${first.title}”. Next: ${formatDue(first, zone)}`
      : `Completed ${tasks.length} repeating tasks; each moved to its next date.`;
  return { message, tone: 'info', action: { label: 'Undo', run: undo } };
}

/** Flashes the rows of tasks that moved (Web Animations, so React's class names on the row are left alone). */
export function animateAdvanced(tasks: readonly OrgTask[], doc: Document = document): void {
  const view = doc.defaultView;
  if (!view || view.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
  const flash = view.getComputedStyle(doc.documentElement).getPropertyValue('--success-soft').trim() || 'rgba(35, 130, 74, 0.15)';
  for (const task of tasks) {
    const row = doc.getElementById(`task-row-${task.id}`);
    if (typeof row?.animate !== 'function') continue;
    row.animate(
      [
        { backgroundColor: flash, transform: 'translateY(0)' },
        { backgroundColor: flash, transform: 'translateY(-3px)', offset: 0.35 },
        { transform: 'translateY(0)' },
      ],
      { duration: 900, easing: 'ease-out' },
    );
  }
}
