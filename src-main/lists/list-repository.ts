// Lists: every query scoped by user id (another user's list behaves exactly like one that does not exist). The
// Inbox is created on first use; deleting a list trashes it with its tasks (one timestamp), restoring brings back
// exactly the tasks trashed with it.
import type { Statement } from 'better-sqlite3';
import { generateKeyBetween } from 'fractional-indexing';
import { uuidv7 } from 'uuidv7';
import {
  INBOX_NAME,
  LISTS_MAX,
  type List,
  type ListCreate,
  type ListPatch,
} from '../../src-shared/list-schemas.ts';
import { tagKey } from '../../src-shared/tag-schemas.ts';
import { missing, RuleError } from '../core/rule-error.ts';
import type { ListsTable } from '../db/app-schema.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';

type Params = Record<string, string | number | null>;
type ListRow = ListsTable;

const COLUMNS =
  'id, user_id, name, name_key, color, position, is_inbox, active_count, created_at, updated_at, deleted_at';

/** Names compare like tag names: case folded. */
export const listNameKey = tagKey;

function toList(row: ListRow): List {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position,
    isInbox: row.is_inbox === 1,
    activeCount: row.active_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.deleted_at ? { deletedAt: row.deleted_at } : {}),
  };
}

function nameTaken(name: string): RuleError {
  return new RuleError('LIST_NAME_TAKEN', `You already have a list named "${name}".`, [
    { path: 'name', message: 'Another list has this name (ignoring case).' },
  ]);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class ListRepository {
  private readonly inboxStmt: Statement<Params, ListRow>;
  private readonly liveStmt: Statement<Params, ListRow>;
  private readonly trashedStmt: Statement<Params, ListRow>;
  private readonly allLiveStmt: Statement<Params, ListRow>;
  private readonly allTrashedStmt: Statement<Params, ListRow>;
  private readonly lastPositionStmt: Statement<Params, string>;
  private readonly countStmt: Statement<Params, number>;
  private readonly insertStmt: Statement<Params, ListRow>;
  private readonly updateStmt: Statement<Params, ListRow>;
  private readonly nameFreeStmt: Statement<Params, number>;
  private readonly trashListStmt: Statement<Params>;
  private readonly trashTasksStmt: Statement<Params>;
  private readonly restoreListStmt: Statement<Params, ListRow>;
  private readonly restoreTasksStmt: Statement<Params>;
  private readonly unorphanStmt: Statement<Params>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inboxStmt = db.prepare(`SELECT ${COLUMNS} FROM lists WHERE user_id = @userId AND is_inbox = 1`);
    this.liveStmt = db.prepare(
      `SELECT ${COLUMNS} FROM lists WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.trashedStmt = db.prepare(
      `SELECT ${COLUMNS} FROM lists WHERE id = @id AND user_id = @userId AND deleted_at IS NOT NULL`,
    );
    this.allLiveStmt = db.prepare(
      `SELECT ${COLUMNS} FROM lists WHERE user_id = @userId AND deleted_at IS NULL ORDER BY position, id`,
    );
    this.allTrashedStmt = db.prepare(
      `SELECT ${COLUMNS} FROM lists WHERE user_id = @userId AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
    );
    this.lastPositionStmt = db
      .prepare<Params, string>(
        `SELECT position FROM lists WHERE user_id = @userId ORDER BY position DESC, id DESC LIMIT 1`,
      )
      .pluck();
    this.countStmt = db.prepare<Params, number>(`SELECT count(*) FROM lists WHERE user_id = @userId`).pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO lists (id, user_id, name, name_key, color, position, is_inbox, created_at, updated_at)
       VALUES (@id, @userId, @name, @nameKey, @color, @position, 0, @now, @now) RETURNING ${COLUMNS}`,
    );
    this.updateStmt = db.prepare(
      `UPDATE lists SET name = @name, name_key = @nameKey, color = @color, position = @position, updated_at = @now
       WHERE id = @id AND user_id = @userId AND deleted_at IS NULL RETURNING ${COLUMNS}`,
    );
    this.nameFreeStmt = db
      .prepare<Params, number>(
        `SELECT count(*) FROM lists WHERE user_id = @userId AND name_key = @nameKey AND deleted_at IS NULL`,
      )
      .pluck();
    this.trashListStmt = db.prepare(
      `UPDATE lists SET deleted_at = @now WHERE id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.trashTasksStmt = db.prepare(
      `UPDATE tasks SET deleted_at = @now WHERE list_id = @id AND user_id = @userId AND deleted_at IS NULL`,
    );
    this.restoreListStmt = db.prepare(
      `UPDATE lists SET deleted_at = NULL WHERE id = @id AND user_id = @userId RETURNING ${COLUMNS}`,
    );
    this.restoreTasksStmt = db.prepare(
      `UPDATE tasks SET deleted_at = NULL WHERE list_id = @id AND user_id = @userId AND deleted_at = @deletedAt`,
    );
    // After a list restore no task may be live under a parent that is not: such a task goes to the top level.
    this.unorphanStmt = db.prepare(
      `UPDATE tasks SET parent_id = NULL WHERE list_id = @id AND user_id = @userId AND deleted_at IS NULL
         AND parent_id IS NOT NULL
         AND parent_id NOT IN (SELECT id FROM tasks WHERE user_id = @userId AND deleted_at IS NULL)`,
    );
  }

  /** The id of the account's Inbox, created on first use: call inside a write (the queue's work). */
  inboxId(userId: string): string {
    return this.inboxRow(userId).id;
  }

  /** A live list of this user, or null. */
  get(userId: string, id: string): List | null {
    const row = this.liveStmt.get({ id, userId });
    return row ? toList(row) : null;
  }

  /** The account's live lists in order (Inbox included), or the lists in the trash (latest deleted first). */
  async all(userId: string, status: 'active' | 'deleted'): Promise<List[]> {
    if (!this.inboxStmt.get({ userId })) await this.writes.run(() => this.inboxRow(userId));
    const stmt = status === 'active' ? this.allLiveStmt : this.allTrashedStmt;
    return stmt.all({ userId }).map(toList);
  }

  /** A new list after the others. */
  create(userId: string, input: ListCreate): Promise<List> {
    return this.writes.run(() => {
      this.inboxRow(userId);
      if (this.countStmt.get({ userId })! >= LISTS_MAX) {
        throw new RuleError('VALIDATION_FAILED', `An account can have at most ${LISTS_MAX} lists.`);
      }
      const now = this.now().toISOString();
      const position = generateKeyBetween(this.lastPositionStmt.get({ userId }) ?? null, null);
      try {
        return toList(
          this.insertStmt.get({
            id: uuidv7(),
            userId,
            name: input.name,
            nameKey: listNameKey(input.name),
            color: input.color,
            position,
            now,
          })!,
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
    });
  }

  /** null when the list is not one of this user's live lists. */
  patch(userId: string, id: string, patch: ListPatch): Promise<List | null> {
    return this.writes.run(() => {
      const current = this.liveStmt.get({ id, userId });
      if (!current) return null;
      const name = patch.name ?? current.name;
      if (current.is_inbox === 1 && name !== current.name) {
        throw new RuleError('INBOX_PROTECTED', 'The Inbox cannot be renamed.', [
          { path: 'name', message: 'The Inbox keeps its name.' },
        ]);
      }
      try {
        const row = this.updateStmt.get({
          id,
          userId,
          name,
          nameKey: listNameKey(name),
          color: patch.color === undefined ? current.color : patch.color,
          position: patch.position ?? current.position,
          now: this.now().toISOString(),
        });
        return row ? toList(row) : null;
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(name);
        throw error;
      }
    });
  }

  /** Moves the list and its live tasks to the trash, with one timestamp. false when it is not a live list. */
  delete(userId: string, id: string): Promise<boolean> {
    return this.writes.run(() => {
      const current = this.liveStmt.get({ id, userId });
      if (!current) return false;
      if (current.is_inbox === 1) throw new RuleError('INBOX_PROTECTED', 'The Inbox cannot be deleted.');
      const now = this.now().toISOString();
      this.trashTasksStmt.run({ id, userId, now });
      this.trashListStmt.run({ id, userId, now });
      return true;
    });
  }

  /** Takes a list out of the trash with the tasks that were trashed with it. null when it is not in the trash. */
  restore(userId: string, id: string): Promise<List | null> {
    return this.writes.run(() => {
      const current = this.trashedStmt.get({ id, userId });
      if (!current) return null;
      if (this.nameFreeStmt.get({ userId, nameKey: current.name_key })! > 0) {
        throw new RuleError(
          'LIST_NAME_TAKEN',
          `Another list is now named "${current.name}": rename it, then restore this one.`,
        );
      }
      this.restoreTasksStmt.run({ id, userId, deletedAt: current.deleted_at });
      this.unorphanStmt.run({ id, userId });
      return toList(this.restoreListStmt.get({ id, userId })!);
    });
  }

  /** Throws NOT_FOUND (with the body field's path) unless `id` is one of this user's live lists. */
  requireLive(userId: string, id: string, path = 'listId'): List {
    const list = this.get(userId, id);
    if (!list) throw missing('List', path);
    return list;
  }

  private inboxRow(userId: string): ListRow {
    const existing = this.inboxStmt.get({ userId });
    if (existing) return existing;
    ensureInbox(this.db, userId, this.now());
    return this.inboxStmt.get({ userId })!;
  }
}

/**
 * Creates the account's Inbox unless it exists (the unique index lists_user_inbox makes a second insert a no-op, so
 * two writers cannot make two), before every other list. Call inside a write; returns the Inbox's id.
 */
export function ensureInbox(db: SqliteDatabase, userId: string, now: Date): string {
  const first = db
    .prepare<Params, string>(
      `SELECT position FROM lists WHERE user_id = @userId ORDER BY position, id LIMIT 1`,
    )
    .pluck()
    .get({ userId });
  const at = now.toISOString();
  db.prepare(
    `INSERT OR IGNORE INTO lists (id, user_id, name, name_key, color, position, is_inbox, created_at, updated_at)
     VALUES (@id, @userId, @name, @nameKey, NULL, @position, 1, @now, @now)`,
  ).run({
    id: uuidv7(),
    userId,
    name: INBOX_NAME,
    nameKey: listNameKey(INBOX_NAME),
    position: generateKeyBetween(null, first ?? null),
    now: at,
  });
  return db
    .prepare<Params, string>(`SELECT id FROM lists WHERE user_id = @userId AND is_inbox = 1`)
    .pluck()
    .get({ userId })!;
}
