import { describe, expect, it } from 'vitest';
import type { ExportTask } from '../../src-shared/export-schema.ts';
import { CSV_COLUMNS, tasksToCsv } from './csv-export.ts';

const base: ExportTask = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  title: 'Plain',
  description: '',
  completed: false,
  completedAt: null,
  priority: 'none',
  dueAt: null,
  dueDate: null,
  timeZone: null,
  startDate: null,
  recurrence: null,
  reminders: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  listId: 'list-1',
  parentId: null,
  position: 'a0',
  tags: [],
  completions: [],
};

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('tasksToCsv', () => {
  it('writes a header and one CRLF-terminated row per task', () => {
    const csv = tasksToCsv([
      { ...base, completed: true, completedAt: '2026-01-02T00:00:00.000Z', priority: 'high' },
    ]);
    expect(csv).toBe(
      `${CSV_COLUMNS.join(',')}\r\n${base.id},Plain,,true,2026-01-02T00:00:00.000Z,high,,,,,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z\r\n`,
    );
  });

  it('quotes commas, quotes and line breaks so they read back exactly', () => {
    const title = 'Buy "milk", eggs';
    const description = 'line one\nline two\r\nline three, with comma';
    const rows = parseCsv(tasksToCsv([{ ...base, title, description }]));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[1]).toBe(title);
    expect(rows[1]?.[2]).toBe(description);
  });

  it('defuses spreadsheet formulas in titles and descriptions', () => {
    const evil = ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tTAB', '\rCR'];
    const rows = parseCsv(
      tasksToCsv(evil.map((title, i) => ({ ...base, id: `t${i}`, title, description: title }))),
    );
    rows.slice(1).forEach((row, i) => {
      expect(row[1]).toBe(`'${evil[i]}`);
      expect(row[2]).toBe(`'${evil[i]}`);
    });
    expect(parseCsv(tasksToCsv([{ ...base, title: 'a = b' }]))[1]?.[1]).toBe('a = b');
  });
});
