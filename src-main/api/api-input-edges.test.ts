// Edge input over real HTTP: instants outside years 0001-9999 are refused everywhere (issue 9, item 3), text the
// database cannot store faithfully (NUL, other control characters, lone surrogates) is a 422 and never a 500
// (item 4), and every task the API accepts survives export -> import unchanged (property-based).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, type ExportFile } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
});
afterAll(() => test.close());

const call = (user: TestUser, method: string, path: string, body?: unknown) => callAs(test, user, method, path, body);

async function status(response: Response): Promise<{ status: number; code?: string }> {
  const text = await response.text();
  const code = response.status >= 400 ? (JSON.parse(text) as { error: { code: string } }).error.code : undefined;
  return { status: response.status, code };
}

async function create(user: TestUser, body: unknown): Promise<Task> {
  const response = await call(user, 'POST', `/api/${user.id}/tasks`, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Task;
}

async function exportOf(user: TestUser): Promise<ExportFile> {
  const response = await call(user, 'GET', `/api/${user.id}/export`);
  expect(response.status).toBe(200);
  return (await response.json()) as ExportFile;
}

function exportTask(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `t-${Math.random().toString(36).slice(2)}`,
    title: 'Imported',
    description: '',
    completed: false,
    completedAt: null,
    priority: 'none',
    dueAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function exportFileOf(user: TestUser, tasks: unknown[]): Record<string, unknown> {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: user.id, tasks };
}

const OUT_OF_RANGE = [
  '9999-12-31T23:00:00-05:00', // +010000-01-01T04:00:00.000Z in UTC
  '0001-01-01T00:30:00+01:00', // 0000-12-31T23:30:00.000Z
  '0000-06-01T00:00:00Z',
  '0000-01-01',
];
const EDGES: Array<[string, string]> = [
  ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ['0001-01-01T01:00:00+01:00', '0001-01-01T00:00:00.000Z'],
  ['0001-01-01', '0001-01-01T00:00:00.000Z'],
  ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ['9999-12-31T18:59:59-05:00', '9999-12-31T23:59:59.000Z'],
  ['9999-12-31', '9999-12-31T00:00:00.000Z'],
];

describe('instants outside years 0001-9999', () => {
  it('are refused with 422 on create, PUT, PATCH, the list and counts queries, and skipped by import', async () => {
    const task = await create(alice, { title: 'Dated' });
    const base = `/api/${alice.id}/tasks`;
    for (const dueAt of OUT_OF_RANGE) {
      const q = encodeURIComponent(dueAt);
      const answers = [
        await status(await call(alice, 'POST', base, { title: 'x', dueAt })),
        await status(await call(alice, 'PUT', `${base}/${task.id}`, { title: 'x', dueAt })),
        await status(await call(alice, 'PATCH', `${base}/${task.id}`, { dueAt })),
        await status(await call(alice, 'GET', `${base}?dueFrom=${q}`)),
        await status(await call(alice, 'GET', `${base}?dueTo=${q}`)),
        await status(await call(alice, 'GET', `${base}/counts?dayStart=${q}&dayEnd=2026-01-01T00:00:00Z`)),
        await status(
          await call(alice, 'GET', `${base}/counts?dayStart=2026-01-01T00:00:00Z&dayEnd=2026-01-02T00:00:00Z&now=${q}`),
        ),
      ];
      expect(answers, dueAt).toEqual(answers.map(() => ({ status: 422, code: 'VALIDATION_FAILED' })));
    }
    expect(await (await call(alice, 'GET', `${base}/${task.id}`)).json()).toEqual(task);

    const file = exportFileOf(alice, [
      exportTask({ id: 'range-ok', dueAt: '9999-12-31T23:59:59.999Z' }),
      exportTask({ id: 'range-due', dueAt: '+010000-01-01T04:00:00.000Z' }),
      exportTask({ id: 'range-created', createdAt: '0000-12-31T23:00:00Z' }),
      exportTask({ id: 'range-due-offset', dueAt: '9999-12-31T23:00:00-05:00' }),
    ]);
    const result = (await (await call(alice, 'POST', `/api/${alice.id}/import`, file)).json()) as ImportResult;
    expect(result.imported).toBe(1);
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['range-due', 'INVALID'],
      ['range-created', 'INVALID'],
      ['range-due-offset', 'INVALID'],
    ]);
  });

  it('are accepted at the very edges and kept exactly (create, PATCH, queries, export)', async () => {
    const user = await signUp(test, 'Edges');
    for (const [sent, stored] of EDGES) {
      const task = await create(user, { title: sent, dueAt: sent });
      expect(task.dueAt, sent).toBe(stored);
      const patched = await call(user, 'PATCH', `/api/${user.id}/tasks/${task.id}`, { dueAt: sent });
      expect(((await patched.json()) as Task).dueAt).toBe(stored);
      const q = encodeURIComponent(sent);
      expect((await call(user, 'GET', `/api/${user.id}/tasks?dueFrom=${q}`)).status).toBe(200);
    }
    const counts = await call(user, 'GET', `/api/${user.id}/tasks/counts?dayStart=0001-01-01&dayEnd=9999-12-31T23:59:59.999Z`);
    expect(await counts.json()).toMatchObject({ all: EDGES.length, dueToday: EDGES.length - 1 });
    const file = await exportOf(user);
    expect(file.tasks.map((t) => t.dueAt).sort()).toEqual(EDGES.map(([, stored]) => stored).sort());
  });
});

describe('text the database cannot store as sent', () => {
  const refused = ['\u0000x', 'x\u0000', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'lone \ud800', 'lone \udfff'];

  it('is a 422 on create, PUT and PATCH, for title and description, and changes nothing', async () => {
    const task = await create(alice, { title: 'Clean' });
    const path = `/api/${alice.id}/tasks/${task.id}`;
    for (const text of refused) {
      const answers = [
        await status(await call(alice, 'POST', `/api/${alice.id}/tasks`, { title: text })),
        await status(await call(alice, 'POST', `/api/${alice.id}/tasks`, { title: 'ok', description: text })),
        await status(await call(alice, 'PUT', path, { title: text })),
        await status(await call(alice, 'PATCH', path, { title: text })),
        await status(await call(alice, 'PATCH', path, { description: text })),
      ];
      expect(answers, JSON.stringify(text)).toEqual(answers.map(() => ({ status: 422, code: 'VALIDATION_FAILED' })));
    }
    expect(await (await call(alice, 'GET', path)).json()).toEqual(task);
  });

  it('keeps tabs, line breaks, bidi marks and astral characters exactly', async () => {
    const title = 'Tab\there \u202eevil\u202c \u200f\u2066iso\u2069 😀 e\u0301';
    const description = 'line 1\r\nline 2\n\tindented \u200b\u200d';
    const task = await create(alice, { title, description });
    expect(task).toMatchObject({ title, description });
  });

  it('skips such a task on import as INVALID (the rest is imported), never a 500', async () => {
    const user = await signUp(test, 'Importer');
    const file = exportFileOf(user, [
      exportTask({ id: 'nul-title', title: '\u0000x' }),
      exportTask({ id: 'fine', title: 'fine' }),
      exportTask({ id: 'nul-description', description: 'a\u0000b' }),
      exportTask({ id: 'surrogate', title: 'x\udc00' }),
    ]);
    const response = await call(user, 'POST', `/api/${user.id}/import`, file);
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result.imported).toBe(1);
    expect(result.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['nul-title', 'INVALID'],
      ['nul-description', 'INVALID'],
      ['surrogate', 'INVALID'],
    ]);
  });
});

/** Hostile strings: every control character, lone surrogates, bidi overrides, long and very long strings. */
function hostileString(): fc.Arbitrary<string> {
  const nasty = fc.constantFrom(
    '\u0000', '\u0001', '\u0008', '\t', '\n', '\u000b', '\r', '\u001b', '\u007f', '\u0085', '\u009f',
    '\u200b', '\u200d', '\u200e', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\ufeff', '\ufffe', '\uffff',
    '\ud800', '\udbff', '\udc00', '\udfff', '😀', '\u0301', ' ', "'", '"', '\\', '%', '_', '*', 'NEAR(', '^',
  );
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
    nasty,
  );
  return fc.oneof(
    { arbitrary: fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), weight: 8 },
    { arbitrary: fc.tuple(nasty, fc.integer({ min: 400, max: 25_000 })).map(([c, n]) => c.repeat(n)), weight: 1 },
  );
}

/** An ISO 8601 string with a random offset for an instant around the storable range (some just outside it). */
function hostileInstant(): fc.Arbitrary<string> {
  const min = Date.parse('0000-06-01T00:00:00Z');
  const max = Date.parse('+010000-06-01T00:00:00Z');
  return fc
    .tuple(
      fc.oneof(
        fc.integer({ min, max }),
        fc.constantFrom(Date.parse('0001-01-01T00:00:00Z'), Date.parse('9999-12-31T23:59:59.999Z')),
      ),
      fc.integer({ min: -14 * 60, max: 14 * 60 }),
    )
    .map(([ms, offsetMinutes]) => {
      const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace(/Z$/, '');
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const hh = String(Math.floor(abs / 60)).padStart(2, '0');
      const mm = String(abs % 60).padStart(2, '0');
      return `${local}${sign}${hh}:${mm}`;
    });
}

describe('fuzzing the write routes', () => {
  it('never answers 5xx; whatever is accepted is stored as sent and survives export -> import unchanged', async () => {
    const source = await signUp(test, 'Fuzz source');
    const target = await signUp(test, 'Fuzz target');
    const anchor = await create(source, { title: 'anchor' });
    const accepted: Task[] = [];
    let requests = 0;
    const body = fc.record(
      {
        title: fc.oneof(hostileString(), fc.string({ minLength: 1, maxLength: 30 })),
        description: hostileString(),
        dueAt: fc.oneof(hostileInstant(), fc.constant(null)),
        priority: fc.constantFrom('none', 'low', 'medium', 'high'),
        completed: fc.boolean(),
      },
      { requiredKeys: ['title'] },
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('POST', 'PUT', 'PATCH'), async (input, method) => {
        const path = method === 'POST' ? `/api/${source.id}/tasks` : `/api/${source.id}/tasks/${anchor.id}`;
        const response = await call(source, method, path, input);
        requests += 1;
        expect(response.status, JSON.stringify(input)).toBeLessThan(500);
        if (response.status >= 400) {
          expect(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']).toContain((await status(response)).code);
          return;
        }
        const task = (await response.json()) as Task;
        if (method === 'POST') accepted.push(task);
        // Stored as sent: the title trimmed, the instant normalised to UTC, the rest exact.
        expect(task.title).toBe(input.title.trim());
        if (input.description !== undefined) expect(task.description).toBe(input.description);
        if (input.dueAt !== undefined) {
          expect(task.dueAt).toBe(input.dueAt === null ? null : new Date(input.dueAt).toISOString());
          if (task.dueAt !== null) expect(task.dueAt).toMatch(/^\d{4}-/);
        }
        expect(await (await call(source, 'GET', `/api/${source.id}/tasks/${task.id}`)).json()).toEqual(task);
      }),
      { numRuns: 150, seed: 20261130, endOnFailure: true },
    );
    // Import as data too: hostile tasks in a file are skipped or imported, never a 5xx.
    const hostileTasks = fc.sample(
      fc.record({ title: hostileString(), description: hostileString(), dueAt: fc.oneof(hostileInstant(), fc.constant(null)) }),
      { numRuns: 60, seed: 7 },
    );
    const importer = await signUp(test, 'Fuzz import');
    const hostileFile = exportFileOf(importer, hostileTasks.map((t, i) => exportTask({ ...t, id: `h-${i}` })));
    const hostileImport = await call(importer, 'POST', `/api/${importer.id}/import`, hostileFile);
    requests += 1;
    expect(hostileImport.status).toBe(200);
    const hostileResult = (await hostileImport.json()) as ImportResult;
    expect(hostileResult.imported + hostileResult.skipped.length).toBe(hostileTasks.length);
    expect(new Set(hostileResult.skipped.map((s) => s.reason))).toEqual(new Set(['INVALID']));

    expect(accepted.length).toBeGreaterThan(10);
    const exported = await exportOf(source);
    const strip = (tasks: readonly Task[] | ExportFile['tasks']) =>
      tasks
        .map(({ title, description, dueAt, priority, completed, completedAt, createdAt, updatedAt }) => ({
          title, description, dueAt, priority, completed, completedAt, createdAt, updatedAt,
        }))
        .sort((a, b) => (a.createdAt + a.title).localeCompare(b.createdAt + b.title));
    const response = await call(target, 'POST', `/api/${target.id}/import?fromUser=${source.id}`, exported);
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result).toMatchObject({ imported: exported.tasks.length, skipped: [], dryRun: false });
    expect(strip((await exportOf(target)).tasks)).toEqual(strip(exported.tasks));
    // And into the same account: everything is already there, nothing changes.
    const again = (await (await call(source, 'POST', `/api/${source.id}/import`, exported)).json()) as ImportResult;
    expect(again.imported).toBe(0);
    expect((await exportOf(source)).tasks).toEqual(exported.tasks);
    console.info(`fuzz: ${requests} write requests, ${accepted.length} creates accepted, no 5xx`);
  }, 120_000);
});
