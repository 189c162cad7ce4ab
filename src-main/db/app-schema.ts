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

export interface AppDatabase {
  tasks: TasksTable;
  personal_tokens: PersonalTokensTable;
}
