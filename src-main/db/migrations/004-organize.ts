// 004: organize. Lists (every account has an Inbox), tags (a task-tag join), subtasks (parent_id) and manual order
// (position: a fractional-indexing key among siblings). Additive: every existing task lands in its account's Inbox,
// at the top level, in the order the app showed it (newest first). Accounts are derived from the tasks table
// (task code never reads Better Auth's tables); an account without tasks gets its Inbox on first use.
// Never edit this file once released: add a new numbered migration instead.
import { generateNKeysBetween } from 'fractional-indexing';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { uuidv7 } from 'uuidv7';

/** Rows per UPDATE ... FROM (VALUES ...) when giving existing tasks their positions (2 parameters each). */
const BACKFILL_CHUNK = 500;

async function createTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE lists (
      id TEXT NOT NULL PRIMARY KEY,
      user_id TEXT NOT NULL,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      name_key TEXT NOT NULL,
      color TEXT,
      position TEXT NOT NULL,
      is_inbox INTEGER NOT NULL DEFAULT 0 CHECK (is_inbox IN (0, 1)),
      active_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    )`.execute(db);
  // One Inbox per account: creating it lazily is INSERT OR IGNORE against this index (race-free).
  await sql`CREATE UNIQUE INDEX lists_user_inbox ON lists (user_id) WHERE is_inbox = 1`.execute(db);
  // Names are unique among an account's live lists, ignoring case (name_key is the folded name).
  await sql`CREATE UNIQUE INDEX lists_user_name ON lists (user_id, name_key) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX lists_user_position ON lists (user_id, position, id)`.execute(db);
  await sql`CREATE INDEX lists_trash_purge ON lists (deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      task_count INTEGER NOT NULL DEFAULT 0,
      active_count INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX tags_user_name ON tags (user_id, name_key)`.execute(db);
  await sql`
    CREATE TABLE task_tags (
      tag_id INTEGER NOT NULL,
      task_id TEXT NOT NULL,
      PRIMARY KEY (tag_id, task_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX task_tags_task ON task_tags (task_id)`.execute(db);

  await sql`ALTER TABLE tasks ADD COLUMN list_id TEXT`.execute(db);
  await sql`ALTER TABLE tasks ADD COLUMN parent_id TEXT`.execute(db);
  await sql`ALTER TABLE tasks ADD COLUMN position TEXT NOT NULL DEFAULT 'a0'`.execute(db);
  // The task's tag names, space-separated: what the text search indexes next to title and description.
  await sql`ALTER TABLE tasks ADD COLUMN tag_names TEXT NOT NULL DEFAULT ''`.execute(db);
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  // A list's tasks in manual order: top level (parent_id IS NULL) or all; live tasks only.
  await sql`CREATE INDEX tasks_list_order ON tasks (list_id, parent_id, position, id) WHERE deleted_at IS NULL`.execute(
    db,
  );
  // A task's subtasks in manual order; `completed` makes the subtask counts index-only.
  await sql`
    CREATE INDEX tasks_children ON tasks (parent_id, position, id, completed)
    WHERE deleted_at IS NULL AND parent_id IS NOT NULL`.execute(db);
  // "Completed, latest first" (sort=completed) over all of a user's tasks.
  await sql`
    CREATE INDEX tasks_user_completed_at ON tasks (user_id, ifnull(completed_at, ''), id)
    WHERE deleted_at IS NULL`.execute(db);
  // Trashed subtrees (restore brings back what was deleted with the parent).
  await sql`CREATE INDEX tasks_trash_children ON tasks (parent_id) WHERE deleted_at IS NOT NULL`.execute(db);
  // A trashed list's tasks (restore brings them back).
  await sql`CREATE INDEX tasks_list_trash ON tasks (list_id, deleted_at) WHERE deleted_at IS NOT NULL`.execute(db);
}

/** Counters the sidebar reads (open tasks per list, tasks per tag), kept by triggers so every writer keeps them. */
async function createCounterTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER tasks_list_count_insert AFTER INSERT ON tasks
    WHEN new.completed = 0 AND new.deleted_at IS NULL BEGIN
      UPDATE lists SET active_count = active_count + 1 WHERE id = new.list_id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER tasks_list_count_update AFTER UPDATE OF list_id, completed, deleted_at ON tasks
    WHEN old.list_id IS NOT new.list_id
      OR (old.completed = 0 AND old.deleted_at IS NULL) IS NOT (new.completed = 0 AND new.deleted_at IS NULL) BEGIN
      UPDATE lists SET active_count = active_count - 1
        WHERE id = old.list_id AND old.completed = 0 AND old.deleted_at IS NULL;
      UPDATE lists SET active_count = active_count + 1
        WHERE id = new.list_id AND new.completed = 0 AND new.deleted_at IS NULL;
    END`.execute(db);
  await sql`
    CREATE TRIGGER tasks_organize_delete AFTER DELETE ON tasks BEGIN
      UPDATE lists SET active_count = active_count - 1
        WHERE id = old.list_id AND old.completed = 0 AND old.deleted_at IS NULL;
      UPDATE tags SET task_count = task_count - (old.deleted_at IS NULL),
                      active_count = active_count - (old.completed = 0 AND old.deleted_at IS NULL)
        WHERE id IN (SELECT tag_id FROM task_tags WHERE task_id = old.id);
      DELETE FROM task_tags WHERE task_id = old.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER tasks_tag_count_update AFTER UPDATE OF completed, deleted_at ON tasks
    WHEN (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL)
      OR (old.completed = 0 AND old.deleted_at IS NULL) IS NOT (new.completed = 0 AND new.deleted_at IS NULL) BEGIN
      UPDATE tags SET task_count = task_count - (old.deleted_at IS NULL) + (new.deleted_at IS NULL),
                      active_count = active_count - (old.completed = 0 AND old.deleted_at IS NULL)
                                                  + (new.completed = 0 AND new.deleted_at IS NULL)
        WHERE id IN (SELECT tag_id FROM task_tags WHERE task_id = new.id);
    END`.execute(db);
  // A link to a task that no longer exists counts nothing (tasks_organize_delete already took the task off).
  await sql`
    CREATE TRIGGER task_tags_count_insert AFTER INSERT ON task_tags BEGIN
      UPDATE tags SET
        task_count = task_count + ifnull((SELECT deleted_at IS NULL FROM tasks WHERE id = new.task_id), 0),
        active_count = active_count
          + ifnull((SELECT completed = 0 AND deleted_at IS NULL FROM tasks WHERE id = new.task_id), 0)
        WHERE id = new.tag_id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER task_tags_count_delete AFTER DELETE ON task_tags BEGIN
      UPDATE tags SET
        task_count = task_count - ifnull((SELECT deleted_at IS NULL FROM tasks WHERE id = old.task_id), 0),
        active_count = active_count
          - ifnull((SELECT completed = 0 AND deleted_at IS NULL FROM tasks WHERE id = old.task_id), 0)
        WHERE id = old.tag_id;
    END`.execute(db);
}

/** The text search indexes tag names too: the FTS5 table gets a third column (rebuilt from the tasks). */
async function rebuildSearchIndex(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ['tasks_fts_insert', 'tasks_fts_delete', 'tasks_fts_update']) {
    await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
  }
  await sql`DROP TABLE tasks_fts`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE tasks_fts USING fts5(
      title, description, tag_names, content='tasks', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
      INSERT INTO tasks_fts (rowid, title, description, tag_names)
        VALUES (new.rowid, new.title, new.description, new.tag_names);
    END`.execute(db);
  await sql`
    CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
      INSERT INTO tasks_fts (tasks_fts, rowid, title, description, tag_names)
        VALUES ('delete', old.rowid, old.title, old.description, old.tag_names);
    END`.execute(db);
  await sql`
    CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, description, tag_names ON tasks BEGIN
      INSERT INTO tasks_fts (tasks_fts, rowid, title, description, tag_names)
        VALUES ('delete', old.rowid, old.title, old.description, old.tag_names);
      INSERT INTO tasks_fts (rowid, title, description, tag_names)
        VALUES (new.rowid, new.title, new.description, new.tag_names);
    END`.execute(db);
  await sql`INSERT INTO tasks_fts (tasks_fts) VALUES ('rebuild')`.execute(db);
}

/** Every account with tasks gets its Inbox; every task goes into it, newest first as the app showed them. */
async function backfill(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  const users = await sql<{ user_id: string }>`SELECT DISTINCT user_id FROM tasks`.execute(db);
  for (const { user_id: userId } of users.rows) {
    await sql`
      INSERT INTO lists (id, user_id, name, name_key, color, position, is_inbox, created_at, updated_at)
      VALUES (${uuidv7()}, ${userId}, 'Inbox', 'inbox', NULL, 'a0', 1, ${now}, ${now})`.execute(db);
    const ids = await sql<{ id: string }>`
      SELECT id FROM tasks WHERE user_id = ${userId} ORDER BY created_at DESC, id DESC`.execute(db);
    const keys = generateNKeysBetween(null, null, ids.rows.length);
    for (let start = 0; start < ids.rows.length; start += BACKFILL_CHUNK) {
      const values = ids.rows
        .slice(start, start + BACKFILL_CHUNK)
        .map((row, i) => sql`(${row.id}, ${keys[start + i]!})`);
      await sql`
        UPDATE tasks SET position = v.column2 FROM (VALUES ${sql.join(values)}) AS v
        WHERE tasks.id = v.column1`.execute(db);
    }
  }
  await sql`
    UPDATE tasks SET list_id = (SELECT id FROM lists WHERE lists.user_id = tasks.user_id AND is_inbox = 1)`.execute(db);
  await sql`
    UPDATE lists SET active_count =
      (SELECT count(*) FROM tasks WHERE list_id = lists.id AND completed = 0 AND deleted_at IS NULL)`.execute(db);
}

export const organize: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createTables(db);
    await backfill(db);
    await createIndexes(db);
    await createCounterTriggers(db);
    await rebuildSearchIndex(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const trigger of [
      'tasks_list_count_insert',
      'tasks_list_count_update',
      'tasks_organize_delete',
      'tasks_tag_count_update',
      'task_tags_count_insert',
      'task_tags_count_delete',
    ]) {
      await sql`DROP TRIGGER ${sql.ref(trigger)}`.execute(db);
    }
    for (const index of [
      'tasks_list_order',
      'tasks_children',
      'tasks_user_completed_at',
      'tasks_trash_children',
      'tasks_list_trash',
    ]) {
      await sql`DROP INDEX ${sql.ref(index)}`.execute(db);
    }
    await sql`DROP TABLE task_tags`.execute(db);
    await sql`DROP TABLE tags`.execute(db);
    await sql`DROP TABLE lists`.execute(db);
    // The search index keeps its tag column (dropping it would need a rebuild); tag_names stays empty.
    for (const column of ['list_id', 'parent_id', 'position']) {
      await sql`ALTER TABLE tasks DROP COLUMN ${sql.ref(column)}`.execute(db);
    }
  },
};
