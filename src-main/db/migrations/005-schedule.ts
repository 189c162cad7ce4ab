// 005: schedule. All-day due dates, the zone of a timed due, recurrence, reminders and completions of recurring
// tasks. Never edit this file once released: add a new numbered migration instead.
//
// Existing rows keep their meaning: `due_at` stays the instant it was (the API's `dueAt`), with no zone recorded
// (`time_zone` NULL: shown in the viewer's zone). New all-day dues go to `due_date`; `due_key` (one of the two)
// is the sort and window key, indexed like `due_at` was.
//
// Reminders are stored on the task as the API's JSON array (`reminders`); `task_reminders` is derived from it by
// triggers, one row per reminder with the instant it fires, so the scheduler's "next reminder" is one index
// lookup, whichever code path wrote the task (API, import, bulk edits).
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The instant a reminder row fires, from a `reminders` JSON element `j` and the task row `t`. */
const fireAt = (j: string, t: string): string =>
  `CASE WHEN json_extract(${j}.value, '$.at') IS NOT NULL THEN json_extract(${j}.value, '$.at')
        WHEN ${t}.due_at IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${t}.due_at,
          printf('-%d minutes', json_extract(${j}.value, '$.beforeMinutes'))) END`;

/** Rows for every reminder of task `new`; `firedFor` reads the delivery state to keep (or NULL). */
const insertReminders = (firedFor: string): string => `
  INSERT INTO task_reminders (task_id, user_id, kind, at, before_minutes, fire_at, armed, fired_for)
  SELECT new.id, new.user_id, 'reminder', json_extract(j.value, '$.at'), json_extract(j.value, '$.beforeMinutes'),
         ${fireAt('j', 'new')}, (new.completed = 0 AND new.deleted_at IS NULL), ${firedFor}
  FROM json_each(new.reminders) AS j;`;

const insertSnooze = `
  INSERT INTO task_reminders (task_id, user_id, kind, at, fire_at, armed)
  SELECT new.id, new.user_id, 'snooze', new.snoozed_until, new.snoozed_until,
         (new.completed = 0 AND new.deleted_at IS NULL)
  WHERE new.snoozed_until IS NOT NULL;`;

export const schedule: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`ALTER TABLE tasks ADD COLUMN due_date TEXT`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN time_zone TEXT`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN recurrence_rule TEXT`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN recurrence_from TEXT`.execute(db);
    // Occurrences of the current rule completed so far (COUNT is checked against it).
    await sql`ALTER TABLE tasks ADD COLUMN recurrence_done INTEGER NOT NULL DEFAULT 0`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN reminders TEXT NOT NULL DEFAULT '[]'`.execute(db);
    await sql`ALTER TABLE tasks ADD COLUMN snoozed_until TEXT`.execute(db);
    // An all-day date sorts before the timed tasks of the same (UTC) day: "2026-03-05" < "2026-03-05T...".
    await sql`ALTER TABLE tasks ADD COLUMN due_key TEXT GENERATED ALWAYS AS (coalesce(due_at, due_date)) VIRTUAL`.execute(
      db,
    );
    // The due sort and windows, and the counts, move from due_at to due_key (same shapes as 001 and 003).
    await sql`CREATE INDEX tasks_user_due_key ON tasks (user_id, ifnull(due_key, '~'), id)`.execute(db);
    await sql`CREATE INDEX tasks_user_live_due_key ON tasks (user_id, completed, due_key) WHERE deleted_at IS NULL`.execute(
      db,
    );
    await sql`DROP INDEX tasks_user_due`.execute(db);
    await sql`DROP INDEX tasks_user_live_counts`.execute(db);

    await sql`
      CREATE TABLE task_completions (
        id INTEGER PRIMARY KEY,
        task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        completed_at TEXT NOT NULL,
        due_date TEXT,
        due_at TEXT,
        time_zone TEXT,
        -- What undo needs to restore the occurrence exactly: the state before, and the due it moved to.
        undo TEXT NOT NULL DEFAULT '{}'
      )`.execute(db);
    await sql`CREATE INDEX task_completions_task ON task_completions (task_id, id)`.execute(db);

    await sql`
      CREATE TABLE task_reminders (
        id INTEGER PRIMARY KEY,
        task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('reminder', 'snooze', 'stale')),
        at TEXT,
        before_minutes INTEGER,
        fire_at TEXT,
        -- 1 while the task is open and not in the trash.
        armed INTEGER NOT NULL,
        -- The fire_at it was last delivered for: a moved due (or occurrence) arms it again.
        fired_for TEXT
      )`.execute(db);
    await sql`CREATE INDEX task_reminders_task ON task_reminders (task_id)`.execute(db);
    // Exactly the pending reminders, by time: the scheduler's next timer is the first entry.
    await sql`
      CREATE INDEX task_reminders_pending ON task_reminders (fire_at)
      WHERE armed = 1 AND fire_at IS NOT NULL AND fired_for IS NOT fire_at`.execute(db);

    await sql
      .raw(
        `
      CREATE TRIGGER task_reminders_on_insert AFTER INSERT ON tasks
      WHEN new.reminders <> '[]' OR new.snoozed_until IS NOT NULL BEGIN
        ${insertReminders('NULL')}
        ${insertSnooze}
      END`,
      )
      .execute(db);
    // A new reminders list keeps the delivery state of the reminders that stay the same.
    await sql
      .raw(
        `
      CREATE TRIGGER task_reminders_on_edit AFTER UPDATE OF reminders ON tasks
      WHEN old.reminders IS NOT new.reminders BEGIN
        UPDATE task_reminders SET kind = 'stale' WHERE task_id = new.id AND kind = 'reminder';
        ${insertReminders(`(SELECT max(o.fired_for) FROM task_reminders AS o WHERE o.task_id = new.id
           AND o.kind = 'stale' AND o.at IS json_extract(j.value, '$.at')
           AND o.before_minutes IS json_extract(j.value, '$.beforeMinutes'))`)}
        DELETE FROM task_reminders WHERE task_id = new.id AND kind = 'stale';
      END`,
      )
      .execute(db);
    await sql
      .raw(
        `
      CREATE TRIGGER task_reminders_on_snooze AFTER UPDATE OF snoozed_until ON tasks
      WHEN old.snoozed_until IS NOT new.snoozed_until BEGIN
        DELETE FROM task_reminders WHERE task_id = new.id AND kind = 'snooze';
        ${insertSnooze}
      END`,
      )
      .execute(db);
    await sql
      .raw(
        `
      CREATE TRIGGER task_reminders_on_due AFTER UPDATE OF due_at, completed, deleted_at ON tasks
      WHEN old.due_at IS NOT new.due_at OR old.completed IS NOT new.completed OR old.deleted_at IS NOT new.deleted_at
      BEGIN
        UPDATE task_reminders SET
          armed = (new.completed = 0 AND new.deleted_at IS NULL),
          fire_at = CASE WHEN before_minutes IS NULL THEN fire_at
                         WHEN new.due_at IS NULL THEN NULL
                         ELSE strftime('%Y-%m-%dT%H:%M:%fZ', new.due_at, printf('-%d minutes', before_minutes)) END
        WHERE task_id = new.id;
      END`,
      )
      .execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const trigger of [
      'task_reminders_on_due',
      'task_reminders_on_snooze',
      'task_reminders_on_edit',
      'task_reminders_on_insert',
    ]) {
      await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
    }
    await sql`DROP TABLE task_reminders`.execute(db);
    await sql`DROP TABLE task_completions`.execute(db);
    await sql`CREATE INDEX tasks_user_due ON tasks (user_id, ifnull(due_at, '~'), id)`.execute(db);
    await sql`CREATE INDEX tasks_user_live_counts ON tasks (user_id, completed, due_at) WHERE deleted_at IS NULL`.execute(
      db,
    );
    await sql`DROP INDEX tasks_user_live_due_key`.execute(db);
    await sql`DROP INDEX tasks_user_due_key`.execute(db);
    for (const column of [
      'due_key',
      'snoozed_until',
      'reminders',
      'recurrence_done',
      'recurrence_from',
      'recurrence_rule',
      'time_zone',
      'due_date',
    ]) {
      await sql.raw(`ALTER TABLE tasks DROP COLUMN ${column}`).execute(db);
    }
  },
};
