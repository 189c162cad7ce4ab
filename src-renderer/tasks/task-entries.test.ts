// Today's and Upcoming's groups (defects 3 and 4 of issue 15), in a zone far from UTC where the server's due
// order (by instant or date, in UTC) interleaves the viewer's days.
import { describe, expect, it } from 'vitest';
import { NO_SCHEDULE } from '../../src-shared/schedule-schemas';
import type { OrgTask } from '../api/organize-api';
import { createDueFormat } from '../dates/due-format';
import { buildEntries } from './task-entries';

// 00:30 on Sat 5 Dec 2026 in Auckland (UTC+13).
const NOW = new Date('2026-12-04T11:30:00Z');
const format = createDueFormat('Pacific/Auckland', 'en-GB');

function task(title: string, due: Partial<OrgTask>): OrgTask {
  return {
    id: title.replace(/\W+/g, '-'),
    userId: 'u',
    title,
    description: '',
    completed: false,
    completedAt: null,
    priority: 'none',
    ...NO_SCHEDULE,
    startDate: null,
    ...due,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    listId: 'inbox',
    parentId: null,
    position: 'a0',
    tags: [],
    subtaskCount: 0,
    subtasksDone: 0,
  };
}

const shape = (entries: ReturnType<typeof buildEntries>) =>
  entries.map((e) => (e.kind === 'header' ? `# ${e.label}` : e.task.title));

describe('day groups', () => {
  it('Today: Overdue, then Today, each once; an all-day task 3 days late is overdue', () => {
    // As the server sorts them (due_key: dates before that UTC day's instants).
    const open = [
      task('3 days late', { dueDate: '2026-12-02' }),
      task('this morning, 7 h ago', { dueAt: '2026-12-03T23:30:00.000Z' }),
      task('call plumber', { dueDate: '2026-12-05' }),
      task('yesterday evening', { dueAt: '2026-12-04T08:00:00.000Z' }),
      task('tonight', { dueAt: '2026-12-05T08:00:00.000Z' }),
    ];
    const entries = buildEntries({
      view: { kind: 'today' },
      open,
      done: null,
      now: NOW,
      format,
      tree: false,
      collapsed: new Set(),
    });
    expect(shape(entries)).toEqual([
      '# Overdue',
      '3 days late',
      'this morning, 7 h ago',
      'yesterday evening',
      '# Today',
      'call plumber',
      'tonight',
    ]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it('Upcoming: one group per day of the viewer, all-day first, no "No date" between days', () => {
    const open = [
      task('sun all day', { dueDate: '2026-12-06' }),
      task('sun 9:00 NZ', { dueAt: '2026-12-05T20:00:00.000Z' }),
      task('sun 8:00 NZ', { dueAt: '2026-12-05T19:00:00.000Z' }),
      task('mon all day', { dueDate: '2026-12-07' }),
      task('mon 10:00 NZ', { dueAt: '2026-12-06T21:00:00.000Z' }),
      task('in 40 days', { dueDate: '2027-01-14' }),
    ];
    const entries = buildEntries({
      view: { kind: 'upcoming' },
      open,
      done: null,
      now: NOW,
      format,
      tree: false,
      collapsed: new Set(),
    });
    expect(shape(entries)).toEqual([
      '# Tomorrow · Sun 6 Dec',
      'sun all day',
      'sun 8:00 NZ',
      'sun 9:00 NZ',
      '# Mon 7 Dec',
      'mon all day',
      'mon 10:00 NZ',
      '# Thu, 14 Jan 2027',
      'in 40 days',
    ]);
  });

  it('Upcoming: a task on its start day ("starts" line) and on its due day (its row), each task selectable once', () => {
    const open = [
      task('essay', { dueDate: '2026-12-10', startDate: '2026-12-07' }),
      task('same day', { dueDate: '2026-12-07', startDate: '2026-12-07' }),
      task('sun all day', { dueDate: '2026-12-06' }),
    ];
    const starts = [
      task('essay', { dueDate: '2026-12-10', startDate: '2026-12-07' }),
      task('same day', { dueDate: '2026-12-07', startDate: '2026-12-07' }),
      task('course, no due', { startDate: '2026-12-06' }),
      task('report, overdue', { dueDate: '2026-12-01', startDate: '2026-12-08' }),
    ];
    const entries = buildEntries({
      view: { kind: 'upcoming' },
      open,
      done: null,
      starts,
      now: NOW,
      format,
      tree: false,
      collapsed: new Set(),
    });
    const kinds = entries.map((e) => (e.kind === 'header' ? `# ${e.label}` : `${e.kind === 'start' ? 'starts: ' : ''}${e.task.title}`));
    expect(kinds).toEqual([
      '# Tomorrow · Sun 6 Dec',
      'course, no due',
      'sun all day',
      '# Mon 7 Dec',
      'starts: essay',
      'same day',
      '# Tue 8 Dec',
      'report, overdue',
      '# Thu 10 Dec',
      'essay',
    ]);
    const rows = entries.filter((e) => e.kind === 'task').map((e) => e.key);
    expect(new Set(rows).size).toBe(rows.length);
  });
});
