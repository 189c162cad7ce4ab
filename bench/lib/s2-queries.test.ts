import { describe, expect, it } from 'vitest';
import { countsQuery, LIST_SORTS, LIST_STATUSES, listQuery, listSort } from '../../src-shared/task-schemas.ts';
import { s2Queries } from './s2-queries.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 30);
const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('S2 queries', () => {
  const queries = s2Queries(NOW);

  it('are all valid requests for the API’s query schemas', () => {
    for (const q of queries.filter((x) => x.kind !== 'floor')) {
      const schema = q.kind === 'counts' ? countsQuery : listQuery;
      expect(schema.safeParse(params(q.query)).success, q.name).toBe(true);
    }
  });

  it('cover every status, every sort, both orders, due filters, cursors and searches', () => {
    const lists = queries
      .filter((q) => q.kind === 'page' || q.kind === 'search')
      .map((q) => listQuery.parse(params(q.query)));
    expect(new Set(lists.map((l) => l.status))).toEqual(new Set(LIST_STATUSES));
    // sort=manual orders tasks inside a list: scenario S3 measures it.
    expect(new Set(lists.map((l) => listSort(l)))).toEqual(new Set(LIST_SORTS.filter((s) => s !== 'manual')));
    expect(new Set(lists.map((l) => l.order))).toEqual(new Set([undefined, 'asc', 'desc']));
    expect(lists.some((l) => l.dueFrom && l.dueTo)).toBe(true);
    expect(queries.some((q) => q.secondPage)).toBe(true);
    expect(queries.filter((q) => q.kind === 'search').every((q) => listQuery.parse(params(q.query)).q)).toBe(
      true,
    );
  });

  it('asks for "due today" as the UTC day around now', () => {
    const today = queries.find((q) => q.name.startsWith('due today'))!;
    const parsed = listQuery.parse(params(today.query));
    expect(parsed.dueFrom).toBe('2026-01-15T00:00:00.000Z');
    expect(parsed.dueTo).toBe('2026-01-16T00:00:00.000Z');
  });

  it('has unique names (they label the results table)', () => {
    expect(new Set(queries.map((q) => q.name)).size).toBe(queries.length);
  });
});
