// How task fields read in the list and the editor.
import type { Priority, Task } from '../../src-shared/task-schemas';

export const PRIORITY_LABELS: Record<Priority, string> = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High' };

export const isPending = (task: Task) => task.id.startsWith('temp-');

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
