// Crash durability: the headless host (a real child process holding the SQLite file) is killed with SIGKILL at
// random points while a client writes through the API, 20 times. After each kill the file passes
// PRAGMA integrity_check, and after each restart every write that got a 2xx is there.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type HostProcess, allTaskIds, jwtFor, signUpOver, spawnHost } from './testing/host-process.ts';
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

/** Writes until the host dies: creates, and marks some acknowledged tasks completed. Records only 2xx answers. */
async function writeUntilKilled(
  baseUrl: string,
  userId: string,
  jwt: string,
  acked: { created: Set<string>; completed: Set<string> },
  round: number,
): Promise<void> {
  const headers = { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' };
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; ; i += 1) {
      try {
        const last = [...acked.created].at(-1 - w);
        if (i % 3 === 2 && last && !acked.completed.has(last)) {
          const response = await fetch(`${baseUrl}/api/${userId}/tasks/${last}/complete`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ completed: true }),
          });
          if (response.ok) acked.completed.add(last);
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
        if (response.status === 201) acked.created.add(((await response.json()) as { id: string }).id);
      } catch {
        return; // the connection died with the host: this write was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

describe('crash durability', () => {
  const hosts: HostProcess[] = [];
  afterAll(() => {
    for (const host of hosts) host.child.kill('SIGKILL');
  });

  it(`keeps every acknowledged write and an intact file across ${ROUNDS} SIGKILLs`, async () => {
    const dataDir = tempDataDir('tasks-crash-');
    const dbPath = join(dataDir, 'tasks.db');
    const acked = { created: new Set<string>(), completed: new Set<string>() };
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
      const present = await allTaskIds(baseUrl, userId, jwt);
      for (const id of acked.created) expect(present.has(id), `round ${round}: task ${id} lost`).toBe(true);
      for (const id of acked.completed)
        expect(present.get(id), `round ${round}: completion of ${id} lost`).toBe(true);

      const writing = writeUntilKilled(baseUrl, userId, jwt, acked, round);
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 250));
      host.child.kill('SIGKILL');
      await Promise.all([writing, host.exited]);
      expect(integrity(dbPath), `round ${round}`).toBe('ok');
    }

    const host = spawnHost(dataDir);
    hosts.push(host);
    const baseUrl = await host.ready;
    const { userId, sessionToken } = credentials ?? { userId: '', sessionToken: '' };
    const present = await allTaskIds(baseUrl, userId, await jwtFor(baseUrl, sessionToken));
    for (const id of acked.created) expect(present.has(id), `task ${id} lost`).toBe(true);
    for (const id of acked.completed) expect(present.get(id)).toBe(true);
    expect(acked.created.size).toBeGreaterThan(ROUNDS);
    host.child.kill('SIGTERM');
    await host.exited;
  }, 120_000);
});
