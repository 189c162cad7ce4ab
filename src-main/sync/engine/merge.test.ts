// The three-way merge, field by field (issue 18 §3).
import { describe, expect, it } from 'vitest';
import { mergeTask } from './merge.ts';
import type { SyncFields } from './sync-fields.ts';

const base: SyncFields = {
  title: 'Pay rent',
  description: '',
  priority: 'none',
  completed: false,
  startDate: null,
  dueAt: { dueDate: '2026-12-01', dueAt: null, timeZone: null },
  recurrence: null,
  reminders: [],
  tags: ['home'],
  parentId: null,
};

const at = (iso: string) => iso;

describe('mergeTask', () => {
  it('takes each side for the fields only it changed', () => {
    const result = mergeTask(
      base,
      { fields: { ...base, priority: 'high' }, at: at('2026-12-01T10:00:00.000Z') },
      { fields: { ...base, title: 'Pay the rent' }, at: at('2026-12-01T09:00:00.000Z') },
    );
    expect(result.merged).toEqual({ ...base, priority: 'high', title: 'Pay the rent' });
    expect(result).toMatchObject({ conflicts: [], localChanges: true, remoteChanges: true });
  });

  it('gives a field changed on both sides to the later change and returns the value that lost', () => {
    const local = { fields: { ...base, title: 'Here' }, at: at('2026-12-01T10:00:00.000Z') };
    const laterRemote = { fields: { ...base, title: 'There' }, at: at('2026-12-01T11:00:00.000Z') };
    expect(mergeTask(base, local, laterRemote)).toMatchObject({
      merged: { title: 'There' },
      conflicts: [{ field: 'title', kept: 'There', lost: 'Here', keptFrom: 'remote' }],
      localChanges: true,
      remoteChanges: false,
    });
    const earlierRemote = { ...laterRemote, at: at('2026-12-01T09:00:00.000Z') };
    expect(mergeTask(base, local, earlierRemote)).toMatchObject({
      merged: { title: 'Here' },
      conflicts: [{ field: 'title', kept: 'Here', lost: 'There', keptFrom: 'local' }],
      localChanges: false,
      remoteChanges: true,
    });
  });

  it('is no conflict when both sides made the same change, tags compared ignoring case and order', () => {
    const result = mergeTask(
      base,
      { fields: { ...base, tags: ['Home', 'bills'] }, at: null },
      { fields: { ...base, tags: ['bills', 'home'] }, at: null },
    );
    expect(result).toMatchObject({ conflicts: [], localChanges: false, remoteChanges: false });
  });

  it('without an agreed copy counts every difference as a change on both sides (a UID found on both)', () => {
    const result = mergeTask(
      null,
      { fields: { ...base, dueAt: { dueDate: null, dueAt: '2026-12-02T08:00:00.000Z', timeZone: 'Europe/Berlin' } }, at: '2026-12-01T10:00:00.000Z' },
      { fields: base, at: '2026-12-01T08:00:00.000Z' },
    );
    expect(result.conflicts).toEqual([
      {
        field: 'dueAt',
        kept: { dueDate: null, dueAt: '2026-12-02T08:00:00.000Z', timeZone: 'Europe/Berlin' },
        lost: { dueDate: '2026-12-01', dueAt: null, timeZone: null },
        keptFrom: 'local',
      },
    ]);
  });

  it('lets an undated server copy lose to a dated local change', () => {
    const result = mergeTask(
      base,
      { fields: { ...base, title: 'Here' }, at: '2026-12-01T10:00:00.000Z' },
      { fields: { ...base, title: 'There', priority: 'low' }, at: null },
    );
    expect(result.merged).toMatchObject({ title: 'Here', priority: 'low' });
    expect(result.conflicts).toEqual([{ field: 'title', kept: 'Here', lost: 'There', keptFrom: 'local' }]);
  });
});
