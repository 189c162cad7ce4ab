// format=ical: iCalendar files (RFC 5545) with VTODOs, as other apps and this app's .ics export write them, read with
// the one VTODO mapping (src-main/ical/). A row's key is the VTODO's UID, so the stored id is derived from (importing
// account, UID): importing the same file again adds nothing. Each VCALENDAR's X-WR-CALNAME (or a VTODO's own
// X-TASKS-DESKTOP-LIST) names its list; VEVENTs, VJOURNALs and repeated UIDs are reported as skipped.
import type { ImportSkip, ImportSkipReason } from '../../../src-shared/import-schemas.ts';
import {
  IcalMalformed,
  readCalendarsAsync,
  type IcalSkipReason,
  type IcalTask,
} from '../../ical/read-calendar.ts';
import {
  decodeText,
  FileUnreadable,
  type FormatReader,
  type ImportRow,
  type ReadResult,
} from './format-reader.ts';

const SKIP_REASONS: Record<IcalSkipReason, ImportSkipReason> = {
  NOT_A_TASK: 'UNSUPPORTED',
  INVALID: 'INVALID',
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
};

/** Siblings without X-APPLE-SORT-ORDER come after those with one, in file order. */
const UNSORTED = Number.MAX_SAFE_INTEGER;

function rowOf(task: IcalTask): ImportRow {
  return {
    index: task.index,
    key: task.uid,
    listName: task.listName,
    parentKey: task.parentUid,
    order: task.sortOrder ?? UNSORTED,
    task: {
      title: task.title,
      description: task.description,
      priority: task.priority,
      completed: task.completed,
      completedAt: task.completedAt,
      dueDate: task.dueDate,
      dueAt: task.dueAt,
      timeZone: task.timeZone,
      startDate: task.startDate,
      recurrence: task.recurrence,
      reminders: task.reminders,
      tags: task.tags,
      ...(task.createdAt === null ? {} : { createdAt: task.createdAt }),
      ...(task.updatedAt === null ? {} : { updatedAt: task.updatedAt }),
      completions: task.completions,
    },
  };
}

export async function readIcal(text: string): Promise<ReadResult> {
  let read;
  try {
    read = await readCalendarsAsync(text);
  } catch (error) {
    if (error instanceof IcalMalformed)
      throw new FileUnreadable(error.message, [{ path: 'body', message: error.message }]);
    throw error;
  }
  const skipped: ImportSkip[] = read.skipped.map((skip) => ({
    index: skip.index,
    reason: SKIP_REASONS[skip.reason],
    message: skip.message,
    id: skip.uid,
  }));
  const rows: ImportRow[] = [];
  const untitled = new Set<string>();
  for (const task of read.tasks) {
    if (task.title.length === 0) {
      untitled.add(task.uid);
      skipped.push({
        index: task.index,
        reason: 'INVALID',
        message: 'The VTODO has no SUMMARY (title).',
        id: task.uid,
      });
      continue;
    }
    rows.push(rowOf(task));
  }
  // A subtask whose parent was skipped goes to top level rather than being lost with it.
  for (const row of rows) if (row.parentKey !== null && untitled.has(row.parentKey)) row.parentKey = null;
  skipped.sort((a, b) => a.index - b.index);
  const names = new Map<string, string>();
  for (const name of read.calendarNames)
    if (name !== null && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  return { rows, skipped, lists: [...names.values()].map((name) => ({ name })) };
}

export const icalReader: FormatReader = {
  format: 'ical',
  sniff: (head) => /^\s*BEGIN:VCALENDAR/i.test(head),
  read: ({ bytes }) => readIcal(decodeText(bytes)),
};
