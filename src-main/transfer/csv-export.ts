// CSV export of tasks: RFC 4180 (CRLF line ends; fields with a comma, quote, CR or LF are quoted, quotes doubled)
// and safe to open in a spreadsheet: a text cell starting with = + - @ or a tab/CR gets a leading apostrophe,
// so it is shown as text instead of being run as a formula (CSV/formula injection).
import type { ExportTask } from '../../src-shared/export-schema.ts';

export const CSV_COLUMNS = [
  'id',
  'title',
  'description',
  'completed',
  'completedAt',
  'priority',
  'dueAt',
  'dueDate',
  'timeZone',
  'startDate',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof ExportTask>;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Neutralises spreadsheet formulas in user-written text. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(task: ExportTask, column: (typeof CSV_COLUMNS)[number]): string {
  const value = task[column];
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return column === 'title' || column === 'description' ? defuseFormula(value) : value;
}

/** The whole CSV document, header first. A UTF-8 BOM is left out: callers add one if their consumer needs it. */
export function tasksToCsv(tasks: readonly ExportTask[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const task of tasks) lines.push(CSV_COLUMNS.map((column) => csvField(cell(task, column))).join(','));
  return lines.join('\r\n') + '\r\n';
}
