// Export and import over real HTTP against a real core: round trip, idempotence, refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  type ExportFile,
  IMPORT_MAX_BYTES,
} from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import type { Task } from '../../src-shared/task-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let alice: TestUser;
let bob: TestUser;

async function create(user: TestUser, body: Record<string, unknown>): Promise<Task> {
  const response = await test.api(`/api/${user.id}/tasks`, {
    method: 'POST',
    headers: user.headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Task;
}

async function exportOf(user: TestUser): Promise<ExportFile> {
  const response = await test.api(`/api/${user.id}/export`, { headers: user.headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(
    /^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.json"$/,
  );
  return (await response.json()) as ExportFile;
}

async function importInto(user: TestUser, body: unknown, query = ''): Promise<Response> {
  return test.api(`/api/${user.id}/import${query}`, {
    method: 'POST',
    headers: user.headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Everything but identity: what "identical tasks" means across accounts. */
const content = (tasks: readonly { id: string; title: string; listId?: string }[]) =>
  tasks.map(({ id: _id, listId: _list, ...rest }) => rest).sort((a, b) => a.title.localeCompare(b.title));

beforeAll(async () => {
  test = await startTestCore();
  alice = await signUp(test, 'Alice');
  bob = await signUp(test, 'Bob');
  await create(alice, { title: 'Plain' });
  await create(alice, {
    title: 'Done, with "quotes"',
    completed: true,
    priority: 'high',
    description: 'line 1\nline 2',
  });
  await create(alice, { title: '=cmd|calc', dueAt: '2026-05-01T09:30:00+02:00', priority: 'low' });
  const trashed = await create(alice, { title: 'In the trash' });
  expect(
    (await test.api(`/api/${alice.id}/tasks/${trashed.id}`, { method: 'DELETE', headers: alice.headers }))
      .status,
  ).toBe(204);
});
afterAll(async () => {
  await test.close();
});

describe('export', () => {
  it("writes the versioned JSON file of the user's tasks (not the trash)", async () => {
    const file = await exportOf(alice);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 2, userId: alice.id });
    expect(file.tasks.map((t) => t.title).sort()).toEqual(['=cmd|calc', 'Done, with "quotes"', 'Plain']);
    expect(file.tasks.find((t) => t.title === '=cmd|calc')?.dueAt).toBe('2026-05-01T07:30:00.000Z');
    expect(file.tasks.every((t) => !('userId' in t))).toBe(true);
  });

  it('writes CSV on request, formula-safe', async () => {
    const response = await test.api(`/api/${alice.id}/export?format=csv`, { headers: alice.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe(
      'id,title,description,completed,completedAt,priority,dueAt,dueDate,timeZone,startDate,createdAt,updatedAt',
    );
    expect(csv).toContain(`,'=cmd|calc,`);
    expect(csv).toContain('"Done, with ""quotes""","line 1\nline 2",true,');
    expect((await test.api(`/api/${alice.id}/export?format=xml`, { headers: alice.headers })).status).toBe(
      422,
    );
  });

  it("is one user's only", async () => {
    expect((await test.api(`/api/${alice.id}/export`, { headers: bob.headers })).status).toBe(403);
    expect((await test.api(`/api/${alice.id}/export`)).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('describes the data-safety routes', async () => {
    const doc = (await (await test.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/{userId}/export'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/{userId}/import'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/api/{userId}/tasks/{id}/restore'] ?? {})).toContain('post');
  });
});

describe('import', () => {
  it("is idempotent by id for the user's own export", async () => {
    const file = await exportOf(alice);
    const response = await importInto(alice, file);
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result.imported).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'ALREADY_EXISTS',
      'ALREADY_EXISTS',
      'ALREADY_EXISTS',
    ]);
    expect((await exportOf(alice)).tasks).toEqual(file.tasks);
  });

  it('export -> import into a fresh account gives identical tasks, once', async () => {
    const carol = await signUp(test, 'Carol');
    const file = await exportOf(alice);
    const first = (await (await importInto(carol, file, `?fromUser=${alice.id}`)).json()) as ImportResult;
    expect(first).toMatchObject({ imported: 3, skipped: [], dryRun: false });
    const copy = await exportOf(carol);
    expect(content(copy.tasks)).toEqual(content(file.tasks));
    // Visible through the task API like any task, text search included.
    const search = await test.api(`/api/${carol.id}/tasks?q=quotes`, { headers: carol.headers });
    expect(((await search.json()) as { items: Task[] }).items.map((t) => t.title)).toEqual([
      'Done, with "quotes"',
    ]);
    const again = (await (await importInto(carol, file, `?fromUser=${alice.id}`)).json()) as ImportResult;
    expect(again.imported).toBe(0);
    expect((await exportOf(carol)).tasks).toHaveLength(3);
  });

  it("refuses another account's export, malformed, unknown-version and oversized input, and changes nothing", async () => {
    const before = await exportOf(bob);
    const file = await exportOf(alice);
    const expectRefused = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    };
    await expectRefused(await importInto(bob, file), 409, 'IMPORT_USER_MISMATCH');
    await expectRefused(
      await importInto(bob, '{"format": "tasks-desktop.export", "version": 1,'),
      400,
      'MALFORMED_JSON',
    );
    await expectRefused(
      await importInto(bob, { ...file, userId: bob.id, version: 3 }),
      422,
      'IMPORT_UNSUPPORTED_VERSION',
    );
    await expectRefused(
      await importInto(bob, { ...file, userId: bob.id, tasks: {} }),
      422,
      'VALIDATION_FAILED',
    );
    await expectRefused(await importInto(bob, [1, 2, 3]), 422, 'VALIDATION_FAILED');
    await expectRefused(
      await test.api(`/api/${bob.id}/import`, {
        method: 'POST',
        headers: { ...bob.headers, 'Content-Type': 'application/xml' },
        body: '{}',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const padding = ' '.repeat(IMPORT_MAX_BYTES);
    await expectRefused(
      await importInto(bob, `${JSON.stringify({ ...file, userId: bob.id })}${padding}`),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(await exportOf(bob)).toMatchObject({ tasks: before.tasks });
  });

  it("answers the same whatever other accounts hold: no oracle for their ids, no claiming an id they will re-import", async () => {
    const erin = await signUp(test, 'Erin');
    const frank = await signUp(test, 'Frank');
    const task = (id: string) => ({
      id,
      title: `task ${id}`,
      description: '',
      completed: false,
      completedAt: null,
      priority: 'none',
      dueAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const fileOf = (user: TestUser, ids: string[]) => ({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      userId: user.id,
      tasks: ids.map(task),
    });
    // An id that belongs to Alice answers exactly like one that exists nowhere.
    const alicesId = (await exportOf(alice)).tasks[0]!.id;
    const probe = (await (await importInto(erin, fileOf(erin, [alicesId, 'nowhere-1']))).json()) as ImportResult;
    expect(probe).toMatchObject({ imported: 2, skipped: [], dryRun: false });
    // Erin imports an id first; Frank's later import of his own file with that id still gets his task.
    const first = (await (await importInto(erin, fileOf(erin, ['shared-id']))).json()) as ImportResult;
    expect(first).toMatchObject({ imported: 1, skipped: [], dryRun: false });
    const frankFile = fileOf(frank, ['shared-id']);
    expect(await (await importInto(frank, frankFile)).json()).toMatchObject({ imported: 1, skipped: [], dryRun: false });
    expect((await exportOf(frank)).tasks.map((t) => t.title)).toEqual(['task shared-id']);
    // Idempotent for each of them, and their own exports re-import as already there.
    expect(((await (await importInto(frank, frankFile)).json()) as ImportResult).imported).toBe(0);
    const erinExport = await exportOf(erin);
    const again = (await (await importInto(erin, erinExport)).json()) as ImportResult;
    expect(again.imported).toBe(0);
    expect(again.skipped.map((s) => s.reason)).toEqual(erinExport.tasks.map(() => 'ALREADY_EXISTS'));
    // Alice's task is untouched.
    expect((await exportOf(alice)).tasks.find((t) => t.id === alicesId)).toBeDefined();
  });

  it('accepts a body past the 64 KiB task limit, and reports tasks it skipped and why', async () => {
    const dave = await signUp(test, 'Dave');
    const big = 'd'.repeat(15_000);
    const tasks = Array.from({ length: 12 }, (_, i) => ({
      id: `import-${i}`,
      title: `Imported ${i}`,
      description: big,
      completed: false,
      completedAt: null,
      priority: 'medium',
      dueAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }));
    tasks.push({ ...tasks[0]!, title: 'same id again' }, { ...tasks[1]!, id: 'bad', title: '' });
    const body = {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      userId: dave.id,
      tasks,
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(64 * 1024);
    const response = await importInto(dave, body);
    expect(response.status).toBe(200);
    const result = (await response.json()) as ImportResult;
    expect(result.imported).toBe(12);
    expect(result.skipped.map((s) => [s.id, s.index, s.reason])).toEqual([
      ['import-0', 12, 'DUPLICATE_IN_FILE'],
      ['bad', 13, 'INVALID'],
    ]);
    // The ordinary task routes keep their 64 KiB limit.
    const huge = await test.api(`/api/${dave.id}/tasks`, {
      method: 'POST',
      headers: dave.headers,
      body: JSON.stringify({ title: 'x', description: big.repeat(5) }),
    });
    expect(huge.status).toBe(413);
  });
});
