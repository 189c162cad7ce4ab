import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, type ExportTaskInput, IMPORT_MAX_TASKS } from '../../src-shared/export-schema.ts';
type V1TaskInput = Omit<ExportTaskInput, 'listId' | 'parentId' | 'position'>;
import { deriveImportedId } from './imported-id.ts';
import { ImportRefused, planImport } from './import-plan.ts';

const task = (id: string, extra: Partial<V1TaskInput> = {}): V1TaskInput => ({
  id,
  title: `Task ${id}`,
  description: '',
  completed: false,
  completedAt: null,
  priority: 'low',
  dueAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  ...extra,
});

const file = (tasks: unknown[], userId = 'user-a', extra: Record<string, unknown> = {}) => ({
  format: EXPORT_FORMAT,
  version: 1,
  exportedAt: '2026-02-01T00:00:00.000Z',
  userId,
  tasks,
  ...extra,
});

function refusal(fn: () => unknown): ImportRefused {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('planImport', () => {
  it("accepts the user's own version 1 export: rows keyed by file id, newest first, times normalised", () => {
    const plan = planImport(file([task('a'), task('b', { dueAt: '2026-03-01T12:00:00+02:00' })]), {
      userId: 'user-a',
    });
    expect(plan.foreign).toBe(false);
    expect(plan.skipped).toEqual([]);
    expect(plan.rows.map((r) => [r.key, r.listName, r.parentKey])).toEqual([
      ['a', null, null],
      ['b', null, null],
    ]);
    expect(plan.rows[1]?.task.dueAt).toBe('2026-03-01T10:00:00.000Z');
    expect(plan.rows[0]?.order).toBe(-Date.parse('2026-01-01T10:00:00.000Z'));
  });

  it('skips invalid and duplicate tasks with reasons', () => {
    const plan = planImport(
      file([
        task('a'),
        task('a'),
        task('c', { title: '   ' }),
        { nonsense: true },
        task('d', { completed: true }),
      ]),
      { userId: 'user-a' },
    );
    expect(plan.rows.map((r) => r.key)).toEqual(['a', 'd']);
    expect(plan.skipped.map((s) => [s.id, s.index, s.reason])).toEqual([
      ['a', 1, 'DUPLICATE_IN_FILE'],
      ['c', 2, 'INVALID'],
      [null, 3, 'INVALID'],
    ]);
    expect(plan.skipped[1]?.message).toMatch(/^title:/);
  });

  it('refuses what is not an export, an unknown version and a malformed envelope', () => {
    expect(refusal(() => planImport([1, 2], { userId: 'u' })).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => planImport({ ...file([]), format: 'other' }, { userId: 'user-a' })).code).toBe(
      'VALIDATION_FAILED',
    );
    const future = refusal(() => planImport(file([], 'user-a', { version: 3 }), { userId: 'user-a' }));
    expect(future.code).toBe('IMPORT_UNSUPPORTED_VERSION');
    expect(future.message).toMatch(/version 3; this app reads versions 1 and 2/);
    const extra = refusal(() => planImport(file([], 'user-a', { surprise: 1 }), { userId: 'user-a' }));
    expect(extra.code).toBe('VALIDATION_FAILED');
    expect(
      refusal(() => planImport(file('nope' as unknown as unknown[]), { userId: 'user-a' })).details[0]?.path,
    ).toBe('tasks');
  });

  it('refuses more tasks than the limit', () => {
    const many = Array.from({ length: IMPORT_MAX_TASKS + 1 }, () => ({}));
    expect(refusal(() => planImport(file(many), { userId: 'user-a' })).code).toBe('VALIDATION_FAILED');
  });

  it("refuses another account's export unless the caller names that account", () => {
    const foreignFile = file([task('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')], 'user-a');
    const refused = refusal(() => planImport(foreignFile, { userId: 'user-b' }));
    expect(refused.code).toBe('IMPORT_USER_MISMATCH');
    expect(refused.message).toContain('?fromUser=user-a');
    expect(refusal(() => planImport(foreignFile, { userId: 'user-b', fromUser: 'user-c' })).code).toBe(
      'IMPORT_USER_MISMATCH',
    );

    const plan = planImport(foreignFile, { userId: 'user-b', fromUser: 'user-a' });
    expect(plan.foreign).toBe(true);
    expect(plan.rows.map((r) => r.key)).toEqual(['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']);
  });

  it('reads version 2: lists by name (the Inbox as the Inbox), parents, positions, tags and completions', () => {
    const v2 = {
      format: EXPORT_FORMAT,
      version: 2,
      exportedAt: '2026-02-01T00:00:00.000Z',
      userId: 'user-a',
      lists: [
        { id: 'l-in', name: 'Eingang', color: null, position: 'a0', isInbox: true },
        { id: 'l-w', name: 'Work', color: '#AA0000', position: 'a1', isInbox: false },
      ],
      tasks: [
        { ...task('p'), listId: 'l-w', parentId: null, position: 'a0', tags: ['x'] },
        { ...task('c'), listId: 'l-w', parentId: 'p', position: 'a0' },
        { ...task('i'), listId: 'l-in', parentId: null, position: 'Zz' },
        { ...task('r', { dueDate: '2026-01-05', recurrence: { rrule: 'FREQ=DAILY' } }), listId: 'nowhere', parentId: null, position: 'a1',
          completions: [{ completedAt: '2026-01-04T08:00:00Z', dueDate: '2026-01-04' }] },
      ],
    };
    const plan = planImport(v2, { userId: 'user-a' });
    expect(plan.version).toBe(2);
    expect(plan.lists).toEqual([
      { name: 'Inbox', color: null, isInbox: true },
      { name: 'Work', color: '#aa0000', isInbox: false },
    ]);
    expect(plan.rows.map((r) => [r.key, r.listName, r.parentKey, r.order])).toEqual([
      ['p', 'Work', null, 'a0'],
      ['c', 'Work', 'p', 'a0'],
      ['i', 'Inbox', null, 'Zz'],
      ['r', null, null, 'a1'],
    ]);
    expect(plan.rows[0]?.task.tags).toEqual(['x']);
    expect(plan.rows[3]?.task.completions).toEqual([
      { completedAt: '2026-01-04T08:00:00.000Z', dueDate: '2026-01-04', dueAt: null, timeZone: null },
    ]);
  });
});

describe('deriveImportedId', () => {
  it('is a UUIDv7-shaped id of (account, file id) with the creation time as prefix', () => {
    const id = deriveImportedId('user-b', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2026-01-01T10:00:00.000Z');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveImportedId('user-b', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2026-01-01T10:00:00.000Z')).toBe(id);
    expect(deriveImportedId('user-c', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2026-01-01T10:00:00.000Z')).not.toBe(id);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-01-01T10:00:00.000Z'));
  });
});
