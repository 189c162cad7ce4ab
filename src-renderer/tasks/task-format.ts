// How task fields read in the list and the editor.
import type { Priority, Task } from '../../src-shared/task-schemas';

export const PRIORITY_LABELS: Record<Priority, string> = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High' };

export const isPending = (task: Task) => task.id.startsWith('temp-');

export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'done';

// Intl formatters are costly to create: build each once (rows are rendered many times while scrolling).
const FULL = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const SHORT = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const SHORT_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

/** How a due date reads on a row. A finished task is neither overdue nor due today: its badge is neutral. */
export function dueLabel(dueAt: string, now: Date, completed = false): { text: string; tone: DueTone; full: string } {
  const due = new Date(dueAt);
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(due) - startOf(now)) / 86_400_000);
  const full = FULL.format(due);
  const short = (due.getFullYear() !== now.getFullYear() ? SHORT_YEAR : SHORT).format(due);
  if (completed) return { text: short, tone: 'done', full: `Was due ${full}` };
  if (due.getTime() < now.getTime()) {
    return { text: days === 0 ? 'Today' : days === -1 ? 'Yesterday' : short, tone: 'overdue', full: `Overdue, was due ${full}` };
  }
  if (days === 0) return { text: 'Today', tone: 'today', full: `Due today, ${full}` };
  if (days === 1) return { text: 'Tomorrow', tone: 'soon', full: `Due tomorrow, ${full}` };
  if (days < 7) return { text: WEEKDAY.format(due), tone: 'soon', full: `Due ${full}` };
  return { text: short, tone: 'later', full: `Due ${full}` };
}

/**
 * The first line of a description as plain text for the row preview: markdown marks (headings, list bullets,
 * quotes, emphasis, code, links, images) are dropped so "## Options" reads "Options".
 */
export function previewText(description: string): string {
  for (const raw of description.split('\n')) {
    const line = raw
      .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d+[.)]\s+)/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(\*|_)(\S(?:.*?\S)?)\1/g, '$2')
      .replace(/~~(.+?)~~/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/^(?:[-*_]\s*){3,}$/, '')
      .trim();
    if (line && !/^```/.test(raw.trim())) return line;
  }
  return '';
}
