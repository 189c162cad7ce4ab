import { describe, expect, it } from 'vitest';
import { taskCreate } from '../../src-shared/task-schemas.ts';
import { RARE_EVERY, RARE_WORD, seedTask, seedTasks } from './task-data.ts';

const NOW = Date.UTC(2026, 0, 15, 12);

describe('seed tasks', () => {
  it('is deterministic', () => {
    expect(seedTask(1234, NOW)).toEqual(seedTask(1234, NOW));
  });

  it('produces bodies the API accepts', () => {
    for (const t of seedTasks(200, NOW)) expect(taskCreate.safeParse(t).success).toBe(true);
  });

  it('puts the rare search word in exactly one task per RARE_EVERY', () => {
    const tasks = seedTasks(3 * RARE_EVERY, NOW);
    expect(tasks.filter((t) => t.title.includes(RARE_WORD))).toHaveLength(3);
  });

  it('mixes completion, priorities and due dates around now', () => {
    const tasks = seedTasks(3000, NOW);
    expect(tasks.filter((t) => t.completed)).toHaveLength(1000);
    expect(new Set(tasks.map((t) => t.priority))).toEqual(new Set(['none', 'low', 'medium', 'high']));
    const due = tasks.filter((t) => t.dueAt !== null).map((t) => Date.parse(t.dueAt!));
    expect(due.length / tasks.length).toBeGreaterThan(0.5);
    expect(due.length / tasks.length).toBeLessThan(0.7);
    expect(due.some((d) => d < NOW)).toBe(true);
    expect(due.some((d) => d > NOW)).toBe(true);
    expect(due.every((d) => Math.abs(d - NOW) <= 60 * 86_400_000)).toBe(true);
  });
});
