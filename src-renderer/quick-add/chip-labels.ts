// What a chip says after its kind: the understood value in words ("Tue, Dec 1, 09:00", "Every week on Monday
// after completion", "Home", "30 min before"), in the viewer's locale.
import type { QuickAddSpan } from '../../src-shared/quick-add/quick-add-schemas';
import { formatDay, formatInstant } from '../schedule/format-due';
import { describeReminder } from '../schedule/reminder-words';
import { describeRule } from '../dates/describe-rule';

const PRIORITY_WORDS = { none: 'None', low: 'Low', medium: 'Medium', high: 'High' } as const;

/** The chip's text, or null for spans that are not chips (quoted literal text). */
export function chipLabel(span: QuickAddSpan, timeZone: string): string | null {
  switch (span.kind) {
    case 'date':
      if (span.value.dueAt) return formatInstant(span.value.dueAt, timeZone);
      return span.value.dueDate ? formatDay(span.value.dueDate) : null;
    case 'start':
      return formatDay(span.value.startDate);
    case 'recurrence':
      return describeRule(span.value.rrule, { from: span.value.from });
    case 'list':
      return span.value.name;
    case 'tag':
      return `@${span.value.name}`;
    case 'priority':
      return PRIORITY_WORDS[span.value.priority];
    case 'reminder':
      return describeReminder(span.value, timeZone);
    case 'literal':
      return null;
  }
}
