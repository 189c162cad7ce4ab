// Kysely table types of the tables the app owns (created by the migrations in ./migrations).
// Better Auth's tables are not here: the task code never reads them.
import type { Generated } from 'kysely';

export interface TasksTable {
  id: string;
  user_id: string;
  title: string;
  description: string;
  /** 0 or 1 */
  completed: number;
  completed_at: string | null;
  /** 0 none, 1 low, 2 medium, 3 high */
  priority: number;
  due_at: string | null;
  created_at: string;
  updated_at: string;
  /** Set while the task is in the trash (soft-deleted); purged 30 days later. Migration 002. */
  deleted_at: string | null;
  /** Migration 005 (schedule): all-day due "YYYY-MM-DD" (never together with due_at). */
  due_date: string | null;
  /** IANA zone a timed due was meant in; null for older rows (shown in the viewer's zone). */
  time_zone: string | null;
  recurrence_rule: string | null;
  /** 'due' | 'completion' */
  recurrence_from: string | null;
  /** Occurrences of the current rule completed so far. */
  recurrence_done: Generated<number>;
  /** The API's reminders array as JSON; task_reminders is derived from it by triggers. */
  reminders: Generated<string>;
  snoozed_until: string | null;
  /** Migration 007: the day the task becomes workable, "YYYY-MM-DD", or null. */
  start_date: string | null;
  /** Generated: coalesce(due_at, due_date), the due sort/window key. */
  due_key?: string | null;
  /** Migration 004: the task's list (a subtask: its root's list). */
  list_id: string;
  /** Migration 004: the parent task, null at top level. */
  parent_id: string | null;
  /** Migration 004: fractional-indexing order key among its siblings. */
  position: string;
  /** Migration 004: the task's tag names, space-separated (indexed by the text search). */
  tag_names: string;
  /** Migration 010: the import run that wrote the task (null: written by the API). */
  import_run_id?: string | null;
  rowid?: Generated<number>;
}

/** Personal access tokens (migration 006). `secret_hash` is SHA-256 of the secret; the secret is never stored. */
export interface PersonalTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** Space-separated scopes, e.g. "tasks:read tasks:write". */
  scopes: string;
  secret_hash: Buffer;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

/** Derived from tasks.reminders / tasks.snoozed_until by triggers (migration 005); the scheduler reads it. */
export interface TaskRemindersTable {
  id: Generated<number>;
  task_id: string;
  user_id: string;
  kind: 'reminder' | 'snooze' | 'stale';
  at: string | null;
  before_minutes: number | null;
  fire_at: string | null;
  armed: number;
  fired_for: string | null;
}

/** One completion of a recurring task (migration 005). */
export interface TaskCompletionsTable {
  id: Generated<number>;
  task_id: string;
  completed_at: string;
  due_date: string | null;
  due_at: string | null;
  time_zone: string | null;
  /** JSON: what undo restores. */
  undo: Generated<string>;
}

/** Migration 004. */
export interface ListsTable {
  id: string;
  user_id: string;
  name: string;
  /** The name folded for case-insensitive uniqueness. */
  name_key: string;
  color: string | null;
  position: string;
  /** 0 or 1 */
  is_inbox: number;
  /** Open live tasks in the list, kept by triggers. */
  active_count: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Migration 010: the import run that created the list. */
  import_run_id?: string | null;
}

/** Migration 004. */
export interface TagsTable {
  id: Generated<number>;
  user_id: string;
  name: string;
  name_key: string;
  /** Live tasks carrying the tag, and the open ones among them, kept by triggers. */
  task_count: number;
  active_count: number;
  created_at: string;
}

/** Migration 004. */
export interface TaskTagsTable {
  tag_id: number;
  task_id: string;
}

export interface AppDatabase {
  tasks: TasksTable;
  lists: ListsTable;
  tags: TagsTable;
  task_tags: TaskTagsTable;
  personal_tokens: PersonalTokensTable;
  task_reminders: TaskRemindersTable;
  task_completions: TaskCompletionsTable;
}
