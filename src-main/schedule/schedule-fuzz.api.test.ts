// Property-based fuzzing of the schedule fields and routes over real HTTP: whatever the body, the answer is a 2xx
// or a clear 4xx in the one error shape, never a 5xx; an accepted task reads back as written and exports.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
});
afterAll(() => test.close());

const call = (method: string, path: string, body?: unknown) =>
  test.api(path, {
    method,
    headers: alice.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const date = fc.oneof(
  fc.constantFrom('2026-02-29', '2024-02-29', '0001-01-01', '9999-12-31', '2026-13-01', '', 'today'),
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const instant = fc.oneof(
  fc.constantFrom('2026-03-29T01:30:00+01:00', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', 'x'),
  fc
    .date({ min: new Date('0001-01-02'), max: new Date('9999-12-30'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const zone = fc.constantFrom(
  'Europe/Paris',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Nowhere/City',
  '+01:00',
  '',
  'utc',
);
const rrule = fc.oneof(
  fc.constantFrom(
    'FREQ=DAILY',
    'FREQ=WEEKLY;BYDAY=MO,WE',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
    'FREQ=DAILY;UNTIL=20260101',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MINUTELY',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=WEEKLY;BYSETPOS=1;BYDAY=MO',
  ),
  fc.string({ maxLength: 40 }),
);
const recurrence = fc.oneof(
  fc.constant(null),
  fc.record({ rrule, from: fc.constantFrom('due', 'completion', 'x') }, { requiredKeys: ['rrule'] }),
);
const reminder = fc.oneof(
  fc.record({ at: instant }),
  fc.record({ beforeMinutes: fc.integer({ min: -10, max: 50_000 }) }),
  fc.record({ at: instant, beforeMinutes: fc.integer() }),
);
const validDate = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validInstant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
/** Mostly valid combinations (so the property reaches past validation), some broken ones. */
const due = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: fc.record({ dueDate: validDate }) },
  {
    weight: 3,
    arbitrary: fc.record({
      dueAt: validInstant,
      timeZone: fc.constantFrom('Europe/Paris', 'UTC', 'Asia/Kolkata'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ dueDate: date, dueAt: fc.option(instant), timeZone: fc.option(zone) }),
  },
);
const body = fc
  .record({
    due,
    recurrence: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          rrule: fc.constantFrom(
            'FREQ=DAILY',
            'FREQ=WEEKLY;BYDAY=MO,WE',
            'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=2',
          ),
          from: fc.constantFrom('due', 'completion'),
        }),
      },
      { weight: 1, arbitrary: recurrence },
    ),
    reminders: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.array(
          fc.oneof(
            fc.record({ at: validInstant }),
            fc.record({ beforeMinutes: fc.integer({ min: 0, max: 40_320 }) }),
          ),
          { maxLength: 3 },
        ),
      },
      { weight: 1, arbitrary: fc.array(reminder, { maxLength: 12 }) },
    ),
    completed: fc.boolean(),
  })
  .map(({ due: d, ...rest }): Record<string, unknown> => ({ title: 'Fuzzed', ...d, ...rest }));

async function answer(response: Response): Promise<unknown> {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (response.status >= 400) expect(json).toHaveProperty('error.code');
  return json;
}

describe('schedule fuzz', () => {
  it('create, patch, complete, snooze and completions never answer 5xx', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        body,
        fc.option(fc.boolean()),
        fc.anything(),
        async (first, second, complete, snooze) => {
          const created = await call('POST', `/api/${alice.id}/tasks`, first);
          const task = (await answer(created)) as Task;
          if (created.status !== 201) return;
          accepted += 1;
          expect(task.dueDate).toBe(first.dueDate ?? null);
          expect(Array.isArray(task.reminders)).toBe(true);
          const path = `/api/${alice.id}/tasks/${task.id}`;
          const { title: _t, ...patch } = second;
          await answer(await call('PATCH', path, patch));
          await answer(
            await call('PATCH', `${path}/complete`, complete === null ? undefined : { completed: complete }),
          );
          await answer(await call('POST', `${path}/snooze`, snooze));
          await answer(await call('GET', `${path}/completions`));
        },
      ),
      { numRuns: 80 },
    );
    // The property reached the routes behind create, not only its validation.
    expect(accepted).toBeGreaterThan(5);
    const exported = (await answer(await call('GET', `/api/${alice.id}/export`))) as ExportFile;
    expect(exported.tasks.length).toBeGreaterThan(0);
  });
});
