// Crash durability: the headless host (a real child process holding the SQLite file) is killed with SIGKILL at
// random points while a client writes through the API (creates, title updates, completions, deletes to the trash)
// and, at the same time, accounts sign up (Better Auth's transactions, open across awaits), 20 times. After each kill the file passes PRAGMA integrity_check, and after each restart every write
// that got a 2xx is there.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type HostProcess,
  allTaskIds,
  jwtFor,
  signUpOver,
  spawnHost,
} from './testing/host-process.ts';
import { tempDataDir } from './testing/sample-database.ts';

const ROUNDS = 20;
const WRITERS = 4;

function integrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

interface Acked {
  created: Set<string>;
  completed: Set<string>;
  /** DELETE answered 204: the task must be in the trash. */
  deleted: Set<string>;
  /** DELETE sent (answered or not): the task may be in the trash. */
  deleteSent: Set<string>;
  /** Title updates: the last one answered 200, and one sent after it that was never answered (may have landed). */
  titles: Map<string, { acked: string | null; sent: string | null }>;
  signUps: number;
  signUpsSent: number;
  /** 2xx answers to task writes so far. */
  answered: number;
  /** Each writer's operation count, carried across rounds (short rounds still reach every kind of write). */
  ops: number[];
}

/** Better Auth writes until the host dies: sign-ups, one after another (each a transaction open across awaits). */
async function signUpsUntilKilled(baseUrl: string, acked: Acked): Promise<void> {
  try {
    for (;;) {
      acked.signUpsSent += 1;
      await signUpOver(baseUrl);
      acked.signUps += 1;
    }
  } catch {
    // the host died (or refused more sign-ups this minute); the task writes are what is checked
  }
}

/** Writes until the host dies: creates, completes and deletes (to the trash). Records only 2xx answers as acked. */
async function writeUntilKilled(
  baseUrl: string,
  userId: string,
  jwt: string,
  acked: Acked,
  round: number,
): Promise<void> {
  const headers = { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' };
  const writer = async (w: number): Promise<void> => {
    const own: string[] = [];
    for (;;) {
      const i = (acked.ops[w] = (acked.ops[w] ?? 0) + 1);
      try {
        const last = [...acked.created].at(-1 - w);
        const victim = [...acked.created].find((id) => !acked.deleteSent.has(id));
        if (i % 5 === 4 && victim) {
          acked.deleteSent.add(victim);
          const response = await fetch(`${baseUrl}/api/${userId}/tasks/${victim}`, {
            method: 'DELETE',
            headers,
          });
          if (response.status === 204) {
            acked.deleted.add(victim);
            acked.answered += 1;
          }
          continue;
        }
        const mine = own.at(-1);
        if (i % 4 === 3 && mine && !acked.deleteSent.has(mine)) {
          // Only this writer renames its own tasks: the last answered title is the stored one.
          const title = `renamed ${round}.${w}.${i}`;
          const entry = acked.titles.get(mine) ?? { acked: null, sent: null };
          acked.titles.set(mine, entry);
          entry.sent = title;
          const response = await fetch(`${baseUrl}/api/${userId}/tasks/${mine}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ title }),
          });
          if (response.ok) {
            entry.acked = title;
            acked.answered += 1;
            entry.sent = null;
          }
          continue;
        }
        if (i % 3 === 2 && last && !acked.completed.has(last)) {
          const response = await fetch(`${baseUrl}/api/${userId}/tasks/${last}/complete`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ completed: true }),
          });
          if (response.ok) {
            acked.completed.add(last);
            acked.answered += 1;
          }
          continue;
        }
        const response = await fetch(`${baseUrl}/api/${userId}/tasks`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            title: `round ${round} writer ${w} #${i}`,
            description: 'x'.repeat(i % 7 === 0 ? 3000 : 10),
          }),
        });
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: string };
          acked.created.add(id);
          acked.answered += 1;
          own.push(id);
        }
      } catch {
        return; // the connection died with the host: this write was never acknowledged
      }
    }
  };
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), signUpsUntilKilled(baseUrl, acked)]);
}

/** Every acknowledged create, completion and delete is in the database as acknowledged. */
async function expectAcked(
  baseUrl: string,
  userId: string,
  jwt: string,
  acked: Acked,
  when: string,
): Promise<void> {
  const live = await allTaskIds(baseUrl, userId, jwt);
  const trash = await allTaskIds(baseUrl, userId, jwt, 'deleted');
  for (const id of acked.created) {
    if (acked.deleted.has(id)) {
      expect(trash.has(id) && !live.has(id), `${when}: delete of ${id} lost`).toBe(true);
    } else {
      // A delete sent but never answered may or may not have committed; the task exists either way.
      const found = live.has(id) || (acked.deleteSent.has(id) && trash.has(id));
      expect(found, `${when}: task ${id} lost`).toBe(true);
    }
  }
  for (const id of acked.completed) {
    expect((live.get(id) ?? trash.get(id))?.completed, `${when}: completion of ${id} lost`).toBe(true);
  }
  for (const [id, { acked: title, sent }] of acked.titles) {
    if (title === null) continue;
    const stored = (live.get(id) ?? trash.get(id))?.title;
    expect(stored === title || (sent !== null && stored === sent), `${when}: update of ${id} lost`).toBe(true);
  }
}

describe('crash durability', () => {
  const hosts: HostProcess[] = [];
  afterAll(() => {
    for (const host of hosts) host.child.kill('SIGKILL');
  });

  it(`keeps every acknowledged write and an intact file across ${ROUNDS} SIGKILLs`, async () => {
    const dataDir = tempDataDir('tasks-crash-');
    const dbPath = join(dataDir, 'tasks.db');
    const acked: Acked = {
      created: new Set(),
      completed: new Set(),
      deleted: new Set(),
      deleteSent: new Set(),
      titles: new Map(),
      signUps: 0,
      signUpsSent: 0,
      answered: 0,
      ops: [],
    };
    let credentials: { userId: string; sessionToken: string } | null = null;

    for (let round = 0; round < ROUNDS; round += 1) {
      const host = spawnHost(dataDir);
      hosts.push(host);
      if (round % 5 === 4) {
        // Some kills land during start-up (lock, checks, backup, migrations).
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
        host.child.kill('SIGKILL');
        await host.exited;
        expect(integrity(dbPath), host.output()).toBe('ok');
        continue;
      }
      const baseUrl = await host.ready.catch((error: unknown) => {
        throw new Error(`round ${round}: ${String(error)}`);
      });
      credentials ??= await signUpOver(baseUrl);
      const { userId, sessionToken } = credentials;
      const jwt = await jwtFor(baseUrl, sessionToken);

      // Everything acknowledged in earlier rounds survived the last kill.
      await expectAcked(baseUrl, userId, jwt, acked, `round ${round}`);

      const writing = writeUntilKilled(baseUrl, userId, jwt, acked, round);
      // Kill after a few answered writes (however loaded the machine is), at a random point after them.
      const before = acked.answered;
      for (let waited = 0; acked.answered < before + 5 && waited < 15_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 250));
      host.child.kill('SIGKILL');
      await Promise.all([writing, host.exited]);
      expect(integrity(dbPath), `round ${round}`).toBe('ok');
    }

    const host = spawnHost(dataDir);
    hosts.push(host);
    const baseUrl = await host.ready;
    const { userId, sessionToken } = credentials ?? { userId: '', sessionToken: '' };
    await expectAcked(baseUrl, userId, await jwtFor(baseUrl, sessionToken), acked, 'after the last kill');
    expect(acked.created.size).toBeGreaterThan(ROUNDS);
    expect(acked.deleted.size).toBeGreaterThan(0);
    expect([...acked.titles.values()].some((t) => t.acked !== null)).toBe(true);
    // Sign-ups really ran during the writes (and some were cut short by the kills).
    expect(acked.signUpsSent).toBeGreaterThanOrEqual(ROUNDS - ROUNDS / 5);
    host.child.kill('SIGTERM');
    await host.exited;
  }, 240_000); // ~40-80 s; generous for a loaded CI machine
});
