import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, type ExportTaskInput, IMPORT_MAX_TASKS } from '../../src-shared/export-schema.ts';
import { deriveImportedId } from './imported-id.ts';
import { ImportRefused, planImport } from './import-plan.ts';

const task = (id: string, extra: Partial<ExportTaskInput> = {}): ExportTaskInput => ({
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
  it("accepts the user's own export, storing ids derived from (account, file id) and normalising times", () => {
    const plan = planImport(file([task('a'), task('b', { dueAt: '2026-03-01T12:00:00+02:00' })]), {
      userId: 'user-a',
    });
    expect(plan.foreign).toBe(false);
    expect(plan.skipped).toEqual([]);
    expect(plan.tasks.map((t) => t.sourceId)).toEqual(['a', 'b']);
    expect(plan.tasks.map((t) => t.id)).toEqual(
      ['a', 'b'].map((id) => deriveImportedId('user-a', id, '2026-01-01T10:00:00.000Z')),
    );
    expect(plan.tasks[1]?.dueAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('skips invalid and duplicate tasks with reasons, and fixes completedAt', () => {
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
    expect(plan.tasks.map((t) => t.sourceId)).toEqual(['a', 'd']);
    expect(plan.tasks[1]?.completedAt).toBe('2026-01-02T10:00:00.000Z');
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
    const future = refusal(() => planImport(file([], 'user-a', { version: 2 }), { userId: 'user-a' }));
    expect(future.code).toBe('IMPORT_UNSUPPORTED_VERSION');
    expect(future.message).toMatch(/version 2/);
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
    const id = plan.tasks[0]?.id ?? '';
    expect(id).not.toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Idempotent: the same file gives the same ids; another target account gives other ids.
    expect(planImport(foreignFile, { userId: 'user-b', fromUser: 'user-a' }).tasks[0]?.id).toBe(id);
    expect(
      deriveImportedId('user-c', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '2026-01-01T10:00:00.000Z'),
    ).not.toBe(id);
    // Time-ordered like UUIDv7: the prefix is createdAt in ms.
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-01-01T10:00:00.000Z'));
  });
});
