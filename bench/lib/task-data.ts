// Deterministic seed tasks: varied titles, words to search for, priorities, due dates and completion,
// so every filter, sort and search of S2 has realistic work to do. Pure.
import type { Priority } from '../../src-shared/task-schemas.ts';

export interface SeedTask {
  title: string;
  description: string;
  priority: Priority;
  dueAt: string | null;
  completed: boolean;
}

const VERBS = [
  'Write',
  'Review',
  'Call',
  'Plan',
  'Fix',
  'Buy',
  'Send',
  'Book',
  'Clean',
  'Prepare',
  'Check',
  'Update',
];
const NOUNS = [
  'report',
  'invoice',
  'garden',
  'meeting',
  'budget',
  'slides',
  'tickets',
  'kitchen',
  'contract',
  'backup',
  'newsletter',
  'dentist',
  'roadmap',
  'taxes',
  'groceries',
  'release',
];
const PLACES = ['home', 'office', 'city', 'school', 'studio', 'warehouse', 'library'];
const PRIORITY_CYCLE: readonly Priority[] = ['none', 'low', 'none', 'medium', 'high', 'none', 'low'];
/** Appears in exactly one task out of RARE_EVERY (task indexes 0, RARE_EVERY, 2*RARE_EVERY, ...). */
export const RARE_WORD = 'zanzibar';
export const RARE_EVERY = 10_000;
const DAY_MS = 86_400_000;

/** Small deterministic hash so the data looks mixed without Math.random. */
const mix = (i: number, salt: number): number => {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
};
const pick = <T>(list: readonly T[], i: number, salt: number): T => list[mix(i, salt) % list.length]!;

/**
 * The i-th seed task. `now` anchors due dates: about 60 % of tasks are due within ±60 days of it,
 * a third are completed.
 */
export function seedTask(i: number, now: number): SeedTask {
  const noun = pick(NOUNS, i, 2);
  const title = `${pick(VERBS, i, 1)} ${noun} ${i}${i % RARE_EVERY === 0 ? ` ${RARE_WORD}` : ''}`;
  const description = `About the ${noun} for the ${pick(PLACES, i, 3)}; see notes ${mix(i, 4) % 1000}.`;
  const dueRoll = mix(i, 5) % 100;
  const dueAt =
    dueRoll < 60 ? new Date(now + ((mix(i, 6) % (120 * 24)) - 60 * 24) * (DAY_MS / 24)).toISOString() : null;
  return {
    title,
    description,
    priority: PRIORITY_CYCLE[i % PRIORITY_CYCLE.length]!,
    dueAt,
    completed: i % 3 === 0,
  };
}

export function seedTasks(count: number, now: number): SeedTask[] {
  return Array.from({ length: count }, (_, i) => seedTask(i, now));
}
