// How task fields read in the list and the editor.
import type { Priority, Task } from '../../src-shared/task-schemas';

export const PRIORITY_LABELS: Record<Priority, string> = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High' };

export const isPending = (task: Task) => task.id.startsWith('temp-');

export type DueTone = 'overdue' | 'today' | 'soon' | 'later';

// Intl formatters are costly to create: build each once (rows are rendered many times while scrolling).
const FULL = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const SHORT = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const SHORT_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

export function dueLabel(dueAt: string, now: Date): { text: string; tone: DueTone; full: string } {
  const due = new Date(dueAt);
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(due) - startOf(now)) / 86_400_000);
  const full = FULL.format(due);
  const short = (due.getFullYear() !== now.getFullYear() ? SHORT_YEAR : SHORT).format(due);
  if (due.getTime() < now.getTime()) {
    return { text: days === 0 ? 'Today' : days === -1 ? 'Yesterday' : short, tone: 'overdue', full: `Overdue, was due ${full}` };
  }
  if (days === 0) return { text: 'Today', tone: 'today', full: `Due today, ${full}` };
  if (days === 1) return { text: 'Tomorrow', tone: 'soon', full: `Due tomorrow, ${full}` };
  if (days < 7) return { text: WEEKDAY.format(due), tone: 'soon', full: `Due ${full}` };
  return { text: short, tone: 'later', full: `Due ${full}` };
}
