// format=ticktick-csv: TickTick's backup CSV (Settings -> Backup & Import -> Generate backup). A few preamble records
// come first ("Date: ...", "Version: ...", a multi-line "Status: ..." legend), then the header: Folder Name, List
// Name, Title, Kind, Tags, Content, Is Check list, Start Date, Due Date, Reminder, Repeat, Priority, Status, Created
// Time, Completed Time, Order, Timezone, Is All Day, Is Floating, Column Name, Column Order, View Mode, taskId,
// parentId (older exports end earlier: missing columns read as empty). Lists by List Name ("Inbox" is the Inbox),
// subtasks by parentId, order by Order, Repeat as an RRULE, Priority 0/1/3/5 = none/low/medium/high, Status 0 open,
// 1 and 2 completed. In a checklist task ("Is Check list" Y) each Content line starting with ▫ (open) or ▪ (done)
// is a checklist item: it becomes a subtask; the other lines stay the description.
import { canonicalTimeZone } from '../../../src-shared/schedule-schemas.ts';
import type { Priority } from '../../../src-shared/task-schemas.ts';
import { cell, columnsOf, readCsv, tagFrom, type CsvRecord } from './csv-rows.ts';
import { decodeText, FileUnreadable, type FormatReader, type ImportRow } from './format-reader.ts';
import { RowKeys } from './row-key.ts';

const PRIORITIES: Record<string, Priority> = { '0': 'none', '1': 'low', '3': 'medium', '5': 'high' };
const CHECK_ITEM = /^\s*([▫▪])\s?(.*)$/u;

/** TickTick's "2026-12-05T09:00:00+0000" (or with a colon in the offset) as an ISO instant; null if unreadable. */
function instant(text: string): string | null {
  if (text === '') return null;
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The calendar date of an instant in a zone. */
function localDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "-PT15M" / "TRIGGER:-P1DT2H" -> minutes before; null when not a relative trigger before the due. */
function beforeMinutes(text: string): number | null {
  const match = /-P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(text.trim());
  if (!match) return text.trim() === '0' || /P0D$|PT0S$/.test(text) ? 0 : null;
  return Number(match[1] ?? 0) * 1440 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function header(records: CsvRecord[]): number {
  return records.findIndex((record) => record.cells[0]?.trim() === 'Folder Name' && record.cells[1]?.trim() === 'List Name');
}

export const tickTickCsvReader: FormatReader = {
  format: 'ticktick-csv',
  sniff: (head) => /^\s*"?(Date: |Folder Name"?,\s*"?List Name)/.test(head) && head.includes('Folder Name'),
  read({ bytes }) {
    const { records, skipped } = readCsv(decodeText(bytes));
    const at = header(records);
    if (at < 0) {
      throw new FileUnreadable('This is not a TickTick backup (no "Folder Name, List Name, Title, ..." header).', [
        { path: 'header', message: 'Expected the TickTick header.' },
      ]);
    }
    const columns = columnsOf(records[at]!.cells);
    const keys = new RowKeys('ticktick-csv');
    const rows: ImportRow[] = [];
    records.slice(at + 1).forEach((record, i) => {
      const index = i;
      const get = (name: string) => cell(record, columns, name);
      const zone = canonicalTimeZone(get('Timezone')) ?? 'UTC';
      const allDay = get('Is All Day').toLowerCase() === 'true';
      const due = instant(get('Due Date'));
      const start = instant(get('Start Date'));
      const status = get('Status');
      const completed = status === '1' || status === '2';
      const dueFields = due === null ? {} : allDay ? { dueDate: localDate(due, zone) } : { dueAt: due, timeZone: zone };
      const repeat = get('Repeat').replace(/^RRULE:/i, '');
      const minutes = due !== null && !allDay ? beforeMinutes(get('Reminder')) : null;
      const id = get('taskId');
      const key = id !== '' ? id : keys.next(record.cells.join('\u001f'));
      let description = get('Content');
      const items: Array<{ title: string; done: boolean }> = [];
      if (get('Is Check list').toUpperCase() === 'Y') {
        const rest: string[] = [];
        for (const line of description.split(/\r?\n/)) {
          const item = CHECK_ITEM.exec(line);
          if (item && item[2]!.trim() !== '') items.push({ title: item[2]!.trim(), done: item[1] === '▪' });
          else rest.push(line);
        }
        description = rest.join('\n').trim();
      }
      const createdAt = instant(get('Created Time'));
      rows.push({
        index,
        line: record.line,
        key,
        listName: get('List Name') || null,
        parentKey: get('parentId') || null,
        order: Number(get('Order')) || 0,
        task: {
          title: get('Title'),
          description,
          priority: PRIORITIES[get('Priority')] ?? 'none',
          tags: get('Tags').split(',').map(tagFrom).filter((tag): tag is string => tag !== null),
          completed,
          completedAt: completed ? instant(get('Completed Time')) : null,
          ...dueFields,
          ...(start === null ? {} : { startDate: localDate(start, zone) }),
          ...(repeat !== '' && due !== null ? { recurrence: { rrule: repeat } } : {}),
          ...(minutes === null ? {} : { reminders: [{ beforeMinutes: minutes }] }),
          ...(createdAt === null ? {} : { createdAt }),
        },
      });
      items.forEach((item, n) => {
        rows.push({
          index,
          line: record.line,
          key: `${key}-item-${n}`,
          listName: get('List Name') || null,
          parentKey: key,
          order: n,
          task: { title: item.title, completed: item.done, ...(createdAt === null ? {} : { createdAt }) },
        });
      });
    });
    return { rows, skipped: skipped.map((skip) => ({ ...skip, index: Math.max(0, skip.index) })) };
  },
};
