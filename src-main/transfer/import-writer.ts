// Writes a placed import in batches through the write queue, each batch a few milliseconds of inserts, so other
// requests are answered between them (one transaction for 50,000 tasks held the event loop for 13.9 s). The import
// stays all-or-nothing for the user: every row it writes carries its run's id (migration 010), the run is marked
// done only after the last batch, and a run that failed (or was cut short by a crash: see import-recovery.ts) has
// its rows deleted again, in batches too.
import type { Statement } from 'better-sqlite3';
import { generateNKeysBetween } from 'fractional-indexing';
import { uuidv7 } from 'uuidv7';
import type { ImportFormat } from '../../src-shared/import-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { tagKey } from '../../src-shared/tag-schemas.ts';
import { priorityToNumber } from '../tasks/task-row.ts';
import type { Placement, PlannedTask } from './import-placement.ts';

/** How long one batch may write before it hands the event loop back (the health p99 target is 100 ms). */
export const IMPORT_BATCH_BUDGET_MS = 8;
/** Rows one cleanup statement deletes. */
const CLEANUP_CHUNK = 500;

type Params = Record<string, string | number | null>;

class TaskInserter {
  private readonly insert: Statement<Params>;
  private readonly completion: Statement<Params>;
  private readonly ensureTag: Statement<Params>;
  private readonly tagByKey: Statement<Params, { id: number; name: string }>;
  private readonly link: Statement<Params>;
  private readonly delivered: Statement<Params>;
  /** Tag id and the account's spelling, by folded name (tags are only ever added during an import). */
  private readonly tagIds = new Map<string, { id: number; name: string }>();
  private readonly now: string;

  constructor(
    db: SqliteDatabase,
    private readonly userId: string,
    private readonly runId: string,
    now: Date,
  ) {
    this.insert = db.prepare(
      `INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, due_at, created_at,
         updated_at, due_date, time_zone, recurrence_rule, recurrence_from, recurrence_done, reminders, list_id,
         parent_id, position, tag_names, start_date, import_run_id)
       VALUES (@id, @userId, @title, @description, @completed, @completedAt, @priority, @dueAt, @createdAt,
         @updatedAt, @dueDate, @timeZone, @recurrenceRule, @recurrenceFrom, @recurrenceDone, @reminders, @listId,
         @parentId, @position, @tagNames, @startDate, @runId)`,
    );
    // The task's tag names go in with the row (one search-index insert); the links after it, so the tag counters'
    // triggers see the task (task_tags_count_insert).
    this.ensureTag = db.prepare(
      'INSERT OR IGNORE INTO tags (user_id, name, name_key, created_at) VALUES (@userId, @name, @nameKey, @now)',
    );
    this.tagByKey = db.prepare('SELECT id, name FROM tags WHERE user_id = @userId AND name_key = @nameKey');
    this.link = db.prepare('INSERT OR IGNORE INTO task_tags (tag_id, task_id) VALUES (@tagId, @taskId)');
    this.completion = db.prepare(
      `INSERT INTO task_completions (task_id, completed_at, due_date, due_at, time_zone)
       VALUES (@taskId, @completedAt, @dueDate, @dueAt, @timeZone)`,
    );
    // A reminder whose time passed before the import is history, not news: it fired (or was missed) where the file
    // came from. Marked delivered in the write that inserts it (the insert trigger made its row), so the scheduler,
    // which takes due reminders in writes of its own, never sees it pending. Later ones stay armed.
    this.delivered = db.prepare(
      `UPDATE task_reminders SET fired_for = fire_at
       WHERE task_id = @taskId AND fire_at IS NOT NULL AND fire_at <= @now AND fired_for IS NOT fire_at`,
    );
    this.now = now.toISOString();
  }

  private tag(name: string): { id: number; name: string } {
    const nameKey = tagKey(name);
    let known = this.tagIds.get(nameKey);
    if (!known) {
      this.ensureTag.run({ userId: this.userId, name, nameKey, now: this.now });
      known = this.tagByKey.get({ userId: this.userId, nameKey })!;
      this.tagIds.set(nameKey, known);
    }
    return known;
  }

  write(planned: PlannedTask): void {
    const { task } = planned;
    const tags = task.tags.map((name) => this.tag(name));
    // As the tag repository writes them: the account's spellings in name order, space-separated.
    const tagNames = tags
      .map((tag) => tag.name)
      .sort((a, b) => (tagKey(a) < tagKey(b) ? -1 : tagKey(a) > tagKey(b) ? 1 : 0))
      .join(' ');
    const createdAt = task.createdAt ?? this.now;
    this.insert.run({
      id: planned.id,
      userId: this.userId,
      title: task.title,
      description: task.description,
      completed: task.completed ? 1 : 0,
      completedAt: task.completed ? (task.completedAt ?? task.updatedAt ?? createdAt) : null,
      priority: priorityToNumber(task.priority),
      dueAt: task.dueAt,
      createdAt,
      updatedAt: task.updatedAt ?? createdAt,
      dueDate: task.dueDate,
      startDate: task.startDate,
      timeZone: task.timeZone,
      recurrenceRule: task.recurrence?.rrule ?? null,
      recurrenceFrom: task.recurrence?.from ?? null,
      // Occurrences of the rule done so far: what a COUNT rule is checked against.
      recurrenceDone: task.recurrence ? task.completions.length : 0,
      reminders: JSON.stringify(task.reminders),
      listId: planned.listId,
      parentId: planned.parentId,
      position: planned.position,
      tagNames,
      runId: this.runId,
    });
    if (task.reminders.length > 0) this.delivered.run({ taskId: planned.id, now: this.now });
    for (const tag of tags) this.link.run({ tagId: tag.id, taskId: planned.id });
    for (const done of task.completions) {
      this.completion.run({ taskId: planned.id, ...done });
    }
  }
}

/** Creates the run and the lists it needs. */
function beginRun(db: SqliteDatabase, userId: string, runId: string, format: ImportFormat, placement: Placement, now: Date): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO import_runs (id, user_id, format, state, started_at) VALUES (@runId, @userId, @format, 'running', @at)`,
  ).run({ runId, userId, format, at });
  const created = placement.lists.filter((list) => list.create);
  if (created.length === 0) return;
  const last = db
    .prepare<[string], string>('SELECT position FROM lists WHERE user_id = ? ORDER BY position DESC, id DESC LIMIT 1')
    .pluck()
    .get(userId);
  const keys = generateNKeysBetween(last ?? null, null, created.length);
  const insert = db.prepare(
    `INSERT INTO lists (id, user_id, name, name_key, color, position, is_inbox, created_at, updated_at, import_run_id)
     VALUES (@id, @userId, @name, @nameKey, @color, @position, 0, @at, @at, @runId)`,
  );
  created.forEach((list, i) => {
    insert.run({ id: list.id, userId, name: list.name, nameKey: list.nameKey, color: list.color, position: keys[i]!, at, runId });
  });
}

/** Deletes what a run wrote (its tasks, with their tags, completions and reminders by trigger and cascade, and its lists). */
export async function undoRun(db: SqliteDatabase, writes: WriteQueue, runId: string): Promise<void> {
  const deleteTasks = db.prepare(
    `DELETE FROM tasks WHERE rowid IN (SELECT rowid FROM tasks WHERE import_run_id = ? LIMIT ${CLEANUP_CHUNK})`,
  );
  let deleted: number;
  do deleted = await writes.run(() => deleteTasks.run(runId).changes);
  while (deleted > 0);
  await writes.run(() => {
    const userId = db.prepare<[string], string>('SELECT user_id FROM import_runs WHERE id = ?').pluck().get(runId);
    db.prepare('DELETE FROM lists WHERE import_run_id = ?').run(runId);
    if (userId !== undefined) {
      db.prepare(
        'DELETE FROM tags WHERE user_id = ? AND NOT EXISTS (SELECT 1 FROM task_tags WHERE task_tags.tag_id = tags.id)',
      ).run(userId);
    }
    db.prepare('DELETE FROM import_runs WHERE id = ?').run(runId);
  });
}

export interface WriteOptions {
  db: SqliteDatabase;
  writes: WriteQueue;
  userId: string;
  format: ImportFormat;
  placement: Placement;
  now: Date;
  /** Test hook: called before each batch with the number of tasks written so far (a throw fails the import). */
  beforeBatch?: (written: number) => void;
}

/** Writes the placement; on any failure deletes what it wrote and rethrows. Returns the run's id. */
export async function writeImport(options: WriteOptions): Promise<string> {
  const { db, writes, userId, format, placement, now } = options;
  const runId = uuidv7();
  const inserter = new TaskInserter(db, userId, runId, now);
  await writes.run(() => beginRun(db, userId, runId, format, placement, now));
  try {
    let written = 0;
    const tasks = placement.tasks;
    while (written < tasks.length) {
      options.beforeBatch?.(written);
      written = await writes.run(() => {
        const deadline = performance.now() + IMPORT_BATCH_BUDGET_MS;
        let at = written;
        do inserter.write(tasks[at++]!);
        while (at < tasks.length && performance.now() < deadline);
        return at;
      });
    }
    await writes.run(() =>
      db
        .prepare(`UPDATE import_runs SET state = 'done', finished_at = @at, imported = @imported WHERE id = @runId`)
        .run({ at: new Date().toISOString(), imported: tasks.length, runId }),
    );
    return runId;
  } catch (error) {
    // Should the clean-up fail too, the run stays 'running' and the next start-up removes it (import-recovery.ts).
    await undoRun(db, writes, runId).catch((cleanupError: unknown) => {
      throw new AggregateError([error, cleanupError], 'The import failed, and so did removing what it had written.');
    });
    throw error;
  }
}

/** Undoes every run that did not finish (the app stopped midway): called once at start-up. Returns how many. */
export async function undoUnfinishedRuns(db: SqliteDatabase, writes: WriteQueue): Promise<number> {
  const running = db.prepare<[], string>(`SELECT id FROM import_runs WHERE state = 'running'`).pluck().all();
  for (const runId of running) await undoRun(db, writes, runId);
  return running.length;
}
