// The .ics export's shape: one list or all, nesting, order, each VTODO's list; read back by format=ical's reader.
import { describe, expect, it } from 'vitest';
import { NO_SCHEDULE } from '../../../src-shared/schedule-schemas.ts';
import { tasksToIcal, type IcalExportTask } from './ical-export.ts';
import { readIcal } from './ical-reader.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const LISTS = [
  { id: 'inbox', name: 'Inbox' },
  { id: 'work', name: 'Work, mostly' },
];

function task(id: string, listId: string, position: string, parentId: string | null = null): IcalExportTask {
  return {
    ...NO_SCHEDULE,
    id,
    title: `Task ${id}`,
    description: '',
    completed: false,
    completedAt: null,
    priority: 'none',
    startDate: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    listId,
    parentId,
    position,
    tags: [],
  };
}

const TASKS = [
  task('w2', 'work', 'a2'),
  task('w1', 'work', 'a1'),
  task('w1-b', 'work', 'b', 'w1'),
  task('w1-a', 'work', 'a', 'w1'),
  task('i1', 'inbox', 'a0'),
  // Same position: ties go by id.
  task('i3', 'inbox', 'a5'),
  task('i2', 'inbox', 'a5'),
];

describe('iCalendar export', () => {
  it('writes one list as one VCALENDAR named after it, subtasks and order included', async () => {
    const text = tasksToIcal(LISTS, TASKS, 'work', NOW);
    // X-WR-CALNAME is not a standard property: ical.js writes it as it is (no TEXT escapes) and reads it back so.
    expect(text).toContain('X-WR-CALNAME:Work, mostly\r\n');
    expect(text).not.toContain('X-TASKS-DESKTOP-LIST');
    const read = await readIcal(text);
    expect(read.rows.map((r) => [r.key, r.parentKey, r.order, r.listName])).toEqual([
      ['w1', null, 1, 'Work, mostly'],
      ['w1-a', 'w1', 1, 'Work, mostly'],
      ['w1-b', 'w1', 2, 'Work, mostly'],
      ['w2', null, 2, 'Work, mostly'],
    ]);
    expect(read.lists).toEqual([{ name: 'Work, mostly' }]);
  });

  it('writes every list in one file, each VTODO naming its list', async () => {
    const text = tasksToIcal(LISTS, TASKS, null, NOW);
    expect(text).not.toContain('X-WR-CALNAME');
    const read = await readIcal(text);
    // Rows come in (order, index) order; the import sorts siblings the same way, so compare them by key.
    expect(read.rows.map((r) => [r.key, r.listName, r.order]).sort()).toEqual([
      ['i1', 'Inbox', 1],
      ['i2', 'Inbox', 2],
      ['i3', 'Inbox', 3],
      ['w1', 'Work, mostly', 1],
      ['w1-a', 'Work, mostly', 1],
      ['w1-b', 'Work, mostly', 2],
      ['w2', 'Work, mostly', 2],
    ]);
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });

  it('writes a list without tasks as an empty calendar, and only the list asked for', async () => {
    const read = await readIcal(
      tasksToIcal(
        LISTS,
        TASKS.filter((t) => t.listId === 'work'),
        'inbox',
        NOW,
      ),
    );
    expect(read.rows).toEqual([]);
    expect(read.lists).toEqual([{ name: 'Inbox' }]);
  });
});
