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
  rowid?: Generated<number>;
}

export interface AppDatabase {
  tasks: TasksTable;
}
