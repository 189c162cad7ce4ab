// Item: no app write may run inside a transaction someone else opened. Better Auth keeps its transactions open
// across awaits (sign-up, password change, session refresh); task writes arriving meanwhile used to run as
// savepoints inside them and were answered before anything was committed.
// Here 16 task writers (create, update, delete over HTTP) run against a real core while accounts sign up (HTTP
// and in-process), change passwords and refresh sessions. Every task write must get its 2xx, and at the moment the
// client sees that 2xx an independent connection must already see the write: it was committed on its own.
// HMACs (what Better Auth awaits mid-transaction) are made 15 ms slower, as on a loaded machine, so the window a
// foreign transaction stays open is wide enough to be hit every run (before the fix: dozens of writes per run).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PASSWORD, signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

const WRITERS = 16;
const OPS_PER_WRITER = 30;

let test: TestCore;
let reader: Database.Database;

beforeAll(async () => {
  const sign = crypto.subtle.sign.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'sign').mockImplementation(async (algorithm, key, data) => {
    const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
    if (name === 'HMAC') await new Promise((resolve) => setTimeout(resolve, 15));
    return sign(algorithm, key, data);
  });
  test = await startTestCore();
  reader = new Database(join(test.dir, 'tasks.db'), { readonly: true });
});
afterAll(async () => {
  reader.close();
  await test.close();
  vi.restoreAllMocks();
});

interface Row {
  title: string;
  deleted_at: string | null;
}

/** Runs auth writes until `done()`: sign-ups (HTTP and in-process), password changes, session refreshes. */
async function authChurn(done: () => boolean, counts: Record<string, number>, errors: string[]): Promise<void> {
  const refresher = await signUp(test, 'Refresher');
  const changer = await signUp(test, 'Changer');
  let password = PASSWORD;
  let changerToken = changer.sessionToken;
  const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const loops: Promise<void>[] = [
    (async () => {
      // HTTP sign-ups: Better Auth allows 10 a minute per path, two are used above.
      for (let i = 0; i < 7 && !done(); i += 1) {
        await signUp(test, `Http ${i}`).then(() => bump('httpSignUps'), (e: unknown) => errors.push(String(e)));
      }
    })(),
    (async () => {
      for (let i = 0; i < 20 && !done(); i += 1) {
        await test.core.auth
          .signUp({ name: `Ipc ${i}`, email: `ipc${i}.${Date.now()}@example.com`, password: PASSWORD })
          .then(() => bump('ipcSignUps'), (e: unknown) => errors.push(`ipc sign-up: ${String(e)}`));
      }
    })(),
    (async () => {
      for (let i = 0; !done(); i += 1) {
        const next = `${PASSWORD} ${i}`;
        const response = await test.api('/api/auth/change-password', {
          method: 'POST',
          headers: { Authorization: `Bearer ${changerToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ currentPassword: password, newPassword: next, revokeOtherSessions: true }),
        });
        if (!response.ok) {
          errors.push(`change-password: ${response.status} ${await response.text()}`);
          return;
        }
        password = next;
        changerToken = ((await response.json()) as { token: string }).token;
        bump('passwordChanges');
      }
    })(),
    (async () => {
      // Better Auth refreshes (writes) a session older than its update age: age it first, each time.
      while (!done()) {
        // timeout 0: this test's own connection must not block the event loop the server runs on either.
        const db = new Database(join(test.dir, 'tasks.db'), { timeout: 0 });
        try {
          db.prepare('UPDATE session SET expires_at = ? WHERE token = ?').run(
            Date.now() + 5 * 24 * 3600 * 1000,
            refresher.sessionToken,
          );
        } catch {
          // the file is busy with another writer this instant; age it next time
        } finally {
          db.close();
        }
        const response = await test.api('/api/auth/get-session', {
          headers: { Authorization: `Bearer ${refresher.sessionToken}` },
        });
        if (!response.ok) errors.push(`get-session: ${response.status}`);
        else bump('sessionRefreshes');
        if (!(await test.core.auth.getSession(refresher.sessionToken))) errors.push('in-process getSession: null');
      }
    })(),
  ];
  await Promise.all(loops);
}

describe('task writes and Better Auth transactions', () => {
  it('never run inside another transaction: every 2xx is already committed when it arrives', async () => {
    const user: TestUser = await signUp(test, 'Writer');
    const tasks = `/api/${user.id}/tasks`;
    const notCommitted: string[] = [];
    const failed: string[] = [];
    const row = reader.prepare<[string], Row>('SELECT title, deleted_at FROM tasks WHERE id = ?');
    let finishedWriters = 0;

    const writer = async (w: number): Promise<void> => {
      let mine: string | null = null;
      for (let i = 0; i < OPS_PER_WRITER; i += 1) {
        if (mine && i % 3 === 1) {
          const title = `writer ${w} update ${i}`;
          const response = await test.api(`${tasks}/${mine}`, {
            method: 'PATCH',
            headers: user.headers,
            body: JSON.stringify({ title }),
          });
          if (response.status !== 200) failed.push(`PATCH ${response.status} ${await response.text()}`);
          else if (row.get(mine)?.title !== title) notCommitted.push(`update ${mine}`);
        } else if (mine && i % 3 === 2) {
          const response = await test.api(`${tasks}/${mine}`, { method: 'DELETE', headers: user.headers });
          if (response.status !== 204) failed.push(`DELETE ${response.status} ${await response.text()}`);
          else if (!row.get(mine)?.deleted_at) notCommitted.push(`delete ${mine}`);
          mine = null;
        } else {
          const response = await test.api(tasks, {
            method: 'POST',
            headers: user.headers,
            body: JSON.stringify({ title: `writer ${w} task ${i}` }),
          });
          if (response.status !== 201) {
            failed.push(`POST ${response.status} ${await response.text()}`);
            continue;
          }
          mine = ((await response.json()) as { id: string }).id;
          if (!row.get(mine)) notCommitted.push(`create ${mine}`);
        }
      }
      finishedWriters += 1;
    };

    const counts: Record<string, number> = {};
    const authErrors: string[] = [];
    await Promise.all([
      ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
      authChurn(() => finishedWriters === WRITERS, counts, authErrors),
    ]);

    expect(failed).toEqual([]);
    expect(notCommitted).toEqual([]);
    expect(authErrors).toEqual([]);
    // The auth side really ran alongside.
    expect(counts.ipcSignUps ?? 0).toBeGreaterThan(0);
    expect(counts.httpSignUps ?? 0).toBeGreaterThan(0);
    expect(counts.passwordChanges ?? 0).toBeGreaterThan(0);
    expect(counts.sessionRefreshes ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
