// format=ical through the format-reader interface: rows the import validates with the API's own schema, keys from
// UIDs, parents by key, order, list names; skips with their place; whole-file refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedTask } from '../../../src-shared/import-schemas.ts';
import { FileUnreadable } from './format-reader.ts';
import { icalReader } from './ical-reader.ts';

const FIXTURES = [
  'thunderbird',
  'tasks-org',
  'nextcloud-tasks',
  'apple-reminders',
  'evolution',
  'rfc-edge-cases',
];
const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../ical/fixtures/${name}.ics`, import.meta.url)));
const read = (data: Uint8Array | string) =>
  icalReader.read({
    bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data,
    now: new Date(),
  });

describe('format=ical reader', () => {
  it.each(FIXTURES)('gives rows the import accepts for %s', async (name) => {
    const result = await read(bytes(name));
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      const parsed = importedTask.safeParse(row.task);
      expect(parsed.error?.issues ?? [], `${name} row ${row.index}`).toEqual([]);
    }
    const keys = result.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of result.rows) if (row.parentKey !== null) expect(keys).toContain(row.parentKey);
  });

  it('keys rows by UID, names the list, keeps the parent and numbers order by X-APPLE-SORT-ORDER', async () => {
    const result = await read(bytes('nextcloud-tasks'));
    expect(result.lists).toEqual([{ name: 'Groceries' }]);
    const milk = result.rows.find((r) => r.key === 'b7e1c5d4-2a3f-4e6d-8c9b-1f0e2d3c4b5a')!;
    expect(milk).toMatchObject({
      listName: 'Groceries',
      parentKey: 'a6d0b4c3-1f2e-4d5c-9b8a-7e6f5d4c3b2a',
      order: 10,
    });
    expect(milk.task).toMatchObject({ title: 'Oat milk', priority: 'high', tags: ['Dairy-free'] });
  });

  it('hands over completions folded from RECURRENCE-ID occurrences', async () => {
    const result = await read(bytes('thunderbird'));
    const series = result.rows.filter((r) => r.key === '3f1c9a20-7d41-c84b-9e0f-5a2b8c6d1e77');
    expect(series).toHaveLength(1);
    expect(series[0]!.task.completions).toHaveLength(1);
    expect(series[0]!.task.startDate).toBe('2026-12-01');
    expect(result.skipped).toEqual([]);
  });

  it('reports VEVENTs, VJOURNALs, repeated UIDs and untitled VTODOs with their index', async () => {
    expect((await read(bytes('evolution'))).skipped).toEqual([
      {
        index: 1,
        reason: 'UNSUPPORTED',
        message: 'VEVENT is an event, not a task (VTODO).',
        id: '20261129T210000Z-12176-1000-1065-9@workstation',
      },
    ]);
    expect((await read(bytes('rfc-edge-cases'))).skipped.map((s) => [s.index, s.reason])).toEqual([
      [6, 'UNSUPPORTED'],
      [7, 'DUPLICATE_IN_FILE'],
    ]);
    const untitled = await read(
      'BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:p\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:c\r\nSUMMARY:Child\r\nRELATED-TO:p\r\nEND:VTODO\r\nEND:VCALENDAR\r\n',
    );
    expect(untitled.skipped).toEqual([
      { index: 0, reason: 'INVALID', message: 'The VTODO has no SUMMARY (title).', id: 'p' },
    ]);
    expect(untitled.rows).toMatchObject([{ key: 'c', parentKey: null }]);
  });

  it.each([
    ['JSON', '{"format":"tasks-desktop.export"}'],
    ['a broken line', 'BEGIN:VCALENDAR\r\nno colon here\r\nEND:VCALENDAR\r\n'],
    [
      'Latin-1 bytes',
      new Uint8Array([...new TextEncoder().encode('BEGIN:VCALENDAR\r\nX:'), 0xe9, 0x0d, 0x0a]),
    ],
  ])('refuses %s as a whole file', async (_name, data) => {
    await expect(async () => read(data)).rejects.toThrow(FileUnreadable);
  });

  it('recognises iCalendar by its first line only', () => {
    const sniff = (text: string) => icalReader.sniff(text, new TextEncoder().encode(text));
    expect(sniff('BEGIN:VCALENDAR\r\nVERSION:2.0')).toBe(true);
    expect(sniff('\r\nbegin:vcalendar\n')).toBe(true);
    expect(sniff('TYPE,CONTENT,DESCRIPTION\nBEGIN:VCALENDAR')).toBe(false);
    expect(sniff('{"a":"BEGIN:VCALENDAR"}')).toBe(false);
  });
});
