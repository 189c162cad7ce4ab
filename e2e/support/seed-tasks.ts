// Creates many tasks for the signed-in account straight through the task repository on a second SQLite
// connection, queued together so they commit in batches of up to 256 (10,000 HTTP POSTs would spend minutes in
// per-request round trips).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { taskCreate } from '../../src-shared/task-schemas.ts';
import { WriteGate } from '../../src-main/db/write-gate.ts';
import { WriteQueue } from '../../src-main/db/write-queue.ts';
import { TaskRepository } from '../../src-main/tasks/task-repository.ts';
import type { Harness } from './app-harness.ts';

const WORDS = ['invoice', 'garden', 'meeting', 'report', 'groceries', 'dentist', 'backup', 'travel', 'review', 'taxes'];
const PRIORITIES = ['none', 'low', 'medium', 'high'] as const;

export async function seedTasks(harness: Harness, count: number, startAt = 0): Promise<void> {
  const session = await harness.sessionStore.current();
  const active = session ? await harness.core.auth.getSession(session.token) : null;
  if (!active) throw new Error('seedTasks needs a signed-in session');
  const db = new Database(join(harness.core.dataDir, 'tasks.db'));
  try {
    db.pragma('busy_timeout = 0'); // the app may run in this process: never block its event loop (write-queue.ts)
    const repo = new TaskRepository(db, new WriteQueue(db, new WriteGate()));
    const day = 86_400_000;
    const creates: Promise<unknown>[] = [];
    for (let i = startAt; i < startAt + count; i++) {
      creates.push(
        repo.create(
          active.user.id,
          taskCreate.parse({
            title: `Task ${String(i).padStart(5, '0')} ${WORDS[i % WORDS.length]}`,
            description: i % 4 === 0 ? `Notes for task ${i}: ${WORDS[(i * 7) % WORDS.length]}` : '',
            priority: PRIORITIES[i % PRIORITIES.length],
            dueAt: i % 5 === 0 ? null : new Date(Date.now() + ((i % 21) - 10) * day).toISOString(),
            completed: i % 3 === 0,
          }),
        ),
      );
    }
    await Promise.all(creates);
  } finally {
    db.close();
  }
}
