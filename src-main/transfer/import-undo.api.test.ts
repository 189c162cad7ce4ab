// DELETE /api/{userId}/imports/{importId} over HTTP: one step undoes a whole import (its tasks, subtasks included,
// and the lists it created; lists that were there stay), only for the account that imported, only once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import { callAs, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
beforeAll(async () => {
  test = await startTestCore();
});
afterAll(() => test.close());

const TODO_TXT = '(A) Call the plumber +Home @phone\nx 2026-11-30 Pay rent +Home\nBuy stamps +Errands\n';

async function importText(user: TestUser, body: string, query = ''): Promise<ImportResult> {
  const response = await test.api(`/api/${user.id}/import?format=todo-txt${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': 'text/plain' },
    body,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ImportResult;
}

async function exportOf(user: TestUser): Promise<ExportFile> {
  return (await (await callAs(test, user, 'GET', `/api/${user.id}/export`)).json()) as ExportFile;
}

describe('undo an import', () => {
  it('removes what that import wrote and nothing else, once', async () => {
    const ada = await signUp(test, 'Ada');
    expect(await callAs(test, ada, 'POST', `/api/${ada.id}/lists`, { name: 'Errands' }).then((r) => r.status)).toBe(201);
    expect(await callAs(test, ada, 'POST', `/api/${ada.id}/tasks`, { title: 'Mine, not imported' }).then((r) => r.status)).toBe(201);
    const before = await exportOf(ada);

    const preview = await importText(ada, TODO_TXT, '&dryRun=true');
    expect(preview.importId).toBeNull();
    const result = await importText(ada, TODO_TXT);
    expect(result.imported).toBe(3);
    expect(result.importId).toEqual(expect.any(String));
    expect(result.lists.map((l) => [l.name, l.created])).toEqual(expect.arrayContaining([['Home', true], ['Errands', false]]));

    const bob = await signUp(test, 'Bob');
    const path = `/api/${ada.id}/imports/${result.importId}`;
    // Another account: its own path with Ada's id finds nothing; Ada's path is not its to use.
    expect((await callAs(test, bob, 'DELETE', `/api/${bob.id}/imports/${result.importId}`)).status).toBe(404);
    expect((await callAs(test, bob, 'DELETE', path)).status).toBe(403);
    expect((await exportOf(ada)).tasks).toHaveLength(before.tasks.length + 3);

    const undone = await callAs(test, ada, 'DELETE', path);
    expect(undone.status).toBe(204);
    const after = await exportOf(ada);
    expect(after.tasks.map((t) => t.title).sort()).toEqual(before.tasks.map((t) => t.title).sort());
    expect(after.lists.map((l) => l.name).sort()).toEqual(['Errands', 'Inbox']); // Home was made by the import
    const again = await callAs(test, ada, 'DELETE', path);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });

    // Undone means gone: the same file imports again in full.
    expect((await importText(ada, TODO_TXT)).imported).toBe(3);
  });

  it('needs tasks:write, answers 404 for unknown ids and never a 5xx', async () => {
    const cy = await signUp(test, 'Cy');
    const created = await callAs(test, cy, 'POST', `/api/${cy.id}/tokens`, { name: 'reader', scopes: ['tasks:read'], expiresInDays: 7 });
    const { token } = (await created.json()) as { token: string };
    const { importId } = await importText(cy, 'Water the plants\n');
    const asReader = await test.api(`/api/${cy.id}/imports/${importId}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    expect(asReader.status).toBe(403);
    for (const id of ['x', '0'.repeat(300), '%00', "'; DROP TABLE tasks; --", '..%2F..%2Fetc', encodeURIComponent('ü'.repeat(50))]) {
      const response = await callAs(test, cy, 'DELETE', `/api/${cy.id}/imports/${id}`);
      expect(response.status, id).toBeLessThan(500);
      expect([400, 404, 422], id).toContain(response.status);
    }
    expect((await exportOf(cy)).tasks.map((t) => t.title)).toEqual(['Water the plants']);
  });
});
