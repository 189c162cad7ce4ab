// format=todoist-csv: Todoist's project CSV (its export, and the template its help centre offers for import) and its
// backup ZIP (one CSV per project; the file name, without Todoist's " [id]", is the project: one list per file).
// Columns: TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, DURATION,
// DURATION_UNIT, and in newer files DEADLINE, DEADLINE_LANG. Read as Todoist documents it
// (todoist.com/help/articles/format-a-csv-file-to-import-into-todoist-UVUXTmm6):
// - `task` rows are tasks; INDENT 2+ makes a subtask of the nearest task above with a smaller INDENT;
// - `section` rows become a tag on the tasks below them (see docs/data-safety.md, Import formats, for why);
// - `note` rows (comments) are appended to the description of the task above; one before any task is skipped;
// - `@label` words in CONTENT become tags (and leave the title);
// - PRIORITY 1 is p1, the highest ("Type 1 to add p1 to the task (highest priority)"): 1 high, 2 medium, 3 low,
//   4 none; an export writes the same numbers, so a file Todoist wrote re-imports into Todoist unchanged;
// - DATE is Todoist's natural language ("every monday", "tomorrow 9am", "Dec 5 2026"), read with this app's own
//   quick-add parser in TIMEZONE; a DATE it does not understand is kept at the end of the description, never lost.
import { unzipSync } from 'fflate';
import { canonicalTimeZone } from '../../../src-shared/schedule-schemas.ts';
import { parseQuickAdd } from '../../../src-shared/quick-add/parse-quick-add.ts';
import type { ImportSkip } from '../../../src-shared/import-schemas.ts';
import type { Priority } from '../../../src-shared/task-schemas.ts';
import { cell, columnsOf, readCsv, tagFrom } from './csv-rows.ts';
import { decodeText, FileUnreadable, type FormatReader, type ImportListSpec, type ImportRow, type ReadResult } from './format-reader.ts';
import { RowKeys } from './row-key.ts';

const PRIORITIES: Record<string, Priority> = { '1': 'high', '2': 'medium', '3': 'low', '4': 'none' };
const LABEL = /(^|\s)@([^\s@#!]+)/gu;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** The date fields Todoist's DATE means, read by the quick-add parser; null when it finds none. */
function readDate(text: string, zone: string, now: Date) {
  const parsed = parseQuickAdd(text, { now, timeZone: zone });
  if (parsed.dueDate === null && parsed.dueAt === null) return null;
  return {
    dueDate: parsed.dueDate,
    dueAt: parsed.dueAt,
    timeZone: parsed.dueAt === null ? null : zone,
    recurrence: parsed.recurrence,
  };
}

interface Pending {
  row: ImportRow;
  description: string;
}

/** One project's CSV into rows; `listName` null for a lone CSV (the route's ?listName, else the Inbox). */
function readProject(text: string, listName: string | null, now: Date, start: number, keys: RowKeys): ReadResult {
  const { records, skipped } = readCsv(text);
  const header = records[0];
  const columns = header ? columnsOf(header.cells) : new Map<string, number>();
  if (!header || !columns.has('type') || !columns.has('content')) {
    throw new FileUnreadable('This is not a Todoist CSV (expected the columns TYPE, CONTENT, ...).', [
      { path: 'header', message: 'Expected TYPE and CONTENT columns.' },
    ]);
  }
  const rows: Pending[] = [];
  const parents: Array<{ indent: number; key: string }> = [];
  let section: string | null = null;
  let index = start;
  for (const record of records.slice(1)) {
    const at = index++;
    const type = cell(record, columns, 'type').toLowerCase();
    const content = cell(record, columns, 'content');
    if (type === '' && content === '') continue;
    if (type === 'section') {
      section = tagFrom(content);
      parents.length = 0;
      continue;
    }
    if (type === 'note') {
      const above = rows[rows.length - 1];
      if (!above) {
        skipped.push({ index: at, line: record.line, reason: 'UNSUPPORTED', message: 'A comment on the project itself (no task above it).' });
      } else {
        above.description = above.description === '' ? content : `${above.description}\n\n${content}`;
      }
      continue;
    }
    if (type !== 'task') {
      skipped.push({ index: at, line: record.line, reason: 'UNSUPPORTED', message: `Row type "${type.slice(0, 20)}" is not a task, section or note.` });
      continue;
    }
    const indent = Math.max(1, Number.parseInt(cell(record, columns, 'indent'), 10) || 1);
    while (parents.length > 0 && parents[parents.length - 1]!.indent >= indent) parents.pop();
    const parentKey = indent > 1 ? (parents[parents.length - 1]?.key ?? null) : null;
    const tags: string[] = [];
    const title = content
      .replace(LABEL, (_, space: string, label: string) => {
        const tag = tagFrom(label);
        if (tag) tags.push(tag);
        return space;
      })
      .replace(/\s+/g, ' ')
      .trim();
    if (section) tags.unshift(section);
    const zone = canonicalTimeZone(cell(record, columns, 'timezone')) ?? 'UTC';
    const dateText = cell(record, columns, 'date');
    const date = dateText === '' ? null : readDate(dateText, zone, now);
    let description = cell(record, columns, 'description');
    if (dateText !== '' && date === null) description += `${description === '' ? '' : '\n\n'}Todoist date: ${dateText}`;
    const key = keys.next([listName ?? '', parentKey ?? '', record.cells.join('\u001f')].join('\n'));
    parents.push({ indent, key });
    rows.push({
      description,
      row: {
        index: at,
        line: record.line,
        key,
        listName,
        parentKey,
        order: at,
        task: {
          title: title === '' ? content : title,
          priority: PRIORITIES[cell(record, columns, 'priority')] ?? 'none',
          tags,
          ...(date ?? {}),
        },
      },
    });
  }
  return {
    rows: rows.map(({ row, description }) => ({ ...row, task: { ...row.task, description } })),
    skipped: skipped.map((skip) => (skip.index === -1 ? { ...skip, index: start } : skip)),
  };
}

/** "Work [2203306141].csv" -> "Work". */
function projectName(path: string): string {
  const file = path.split('/').pop() ?? path;
  return file.replace(/\.csv$/i, '').replace(/\s*\[\d+\]$/, '').trim() || 'Todoist';
}

export const todoistCsvReader: FormatReader = {
  format: 'todoist-csv',
  sniff: (head, bytes) => isZip(bytes) || /^\s*"?TYPE"?\s*,\s*"?CONTENT"?\s*,/i.test(head),
  read({ bytes, now }) {
    const keys = new RowKeys('todoist-csv');
    if (!isZip(bytes)) return readProject(decodeText(bytes), null, now, 0, keys);
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (file) => /\.csv$/i.test(file.name) && file.originalSize <= 32 * 1024 * 1024 });
    } catch (error) {
      throw new FileUnreadable(`The ZIP file could not be read: ${(error as Error).message.slice(0, 200)}`);
    }
    const names = Object.keys(files).sort();
    if (names.length === 0) throw new FileUnreadable('The ZIP file holds no CSV files (a Todoist backup has one per project).');
    const rows: ImportRow[] = [];
    const skipped: ImportSkip[] = [];
    const lists: ImportListSpec[] = [];
    for (const name of names) {
      const list = projectName(name);
      lists.push({ name: list, isInbox: list.toLowerCase() === 'inbox' });
      try {
        const project = readProject(decodeText(files[name]!), list, now, rows.length + skipped.length, keys);
        rows.push(...project.rows);
        skipped.push(...project.skipped);
      } catch (error) {
        if (!(error instanceof FileUnreadable)) throw error;
        skipped.push({ index: rows.length + skipped.length, reason: 'UNREADABLE', message: `${name.slice(0, 100)}: ${error.message}` });
      }
    }
    return { rows, skipped, lists };
  },
};
