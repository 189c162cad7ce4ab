// Tags: names unique per account ignoring case (the first spelling is kept), linked to tasks through task_tags.
// Counts are kept by triggers (migration 004); each task's tag names are copied into tasks.tag_names so the text
// search finds tasks by tag. Every query is scoped by user id.
import type { Statement } from 'better-sqlite3';
import { tagKey, type Tag } from '../../src-shared/tag-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';

type Params = Record<string, string | number | null>;

interface TagRow {
  id: number;
  name: string;
  task_count: number;
  active_count: number;
}

const TAG_COLUMNS = 'id, name, task_count, active_count';

export class TagRepository {
  private readonly ensureStmt: Statement<Params>;
  private readonly byKeyStmt: Statement<Params, TagRow>;
  private readonly allStmt: Statement<Params, TagRow>;
  private readonly taskTagIdsStmt: Statement<Params, number>;
  private readonly linkStmt: Statement<Params>;
  private readonly unlinkStmt: Statement<Params>;
  private readonly dropIfUnusedStmt: Statement<Params>;
  private readonly refreshNamesStmt: Statement<Params>;
  private readonly namesForStmt: Statement<Params, { task_id: string; name: string }>;
  private readonly tagTasksStmt: Statement<Params, string>;
  private readonly mergeLinksStmt: Statement<Params>;
  private readonly unlinkAllStmt: Statement<Params>;
  private readonly deleteTagStmt: Statement<Params>;
  private readonly renameStmt: Statement<Params>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ensureStmt = db.prepare(
      `INSERT OR IGNORE INTO tags (user_id, name, name_key, created_at) VALUES (@userId, @name, @nameKey, @now)`,
    );
    this.byKeyStmt = db.prepare(
      `SELECT ${TAG_COLUMNS} FROM tags WHERE user_id = @userId AND name_key = @nameKey`,
    );
    this.allStmt = db.prepare(
      `SELECT ${TAG_COLUMNS} FROM tags WHERE user_id = @userId AND task_count > 0 ORDER BY name_key, id`,
    );
    this.taskTagIdsStmt = db
      .prepare<Params, number>(`SELECT tag_id FROM task_tags WHERE task_id = @taskId`)
      .pluck();
    this.linkStmt = db.prepare(`INSERT OR IGNORE INTO task_tags (tag_id, task_id) VALUES (@tagId, @taskId)`);
    this.unlinkStmt = db.prepare(`DELETE FROM task_tags WHERE tag_id = @tagId AND task_id = @taskId`);
    this.dropIfUnusedStmt = db.prepare(
      `DELETE FROM tags WHERE id = @tagId AND NOT EXISTS (SELECT 1 FROM task_tags WHERE tag_id = @tagId)`,
    );
    // tasks.tag_names: the task's tag names in name order, space-separated (what the FTS5 index reads).
    this.refreshNamesStmt = db.prepare(
      `UPDATE tasks SET tag_names = ifnull((
         SELECT group_concat(name, ' ') FROM (
           SELECT g.name FROM task_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.task_id = tasks.id ORDER BY g.name_key
         )), '')
       WHERE id IN (SELECT value FROM json_each(@ids))`,
    );
    this.namesForStmt = db.prepare(
      `SELECT tt.task_id, g.name FROM task_tags tt JOIN tags g ON g.id = tt.tag_id
       WHERE tt.task_id IN (SELECT value FROM json_each(@ids)) ORDER BY g.name_key`,
    );
    this.tagTasksStmt = db
      .prepare<Params, string>(`SELECT task_id FROM task_tags WHERE tag_id = @tagId`)
      .pluck();
    this.mergeLinksStmt = db.prepare(
      `INSERT OR IGNORE INTO task_tags (tag_id, task_id) SELECT @intoId, task_id FROM task_tags WHERE tag_id = @fromId`,
    );
    this.unlinkAllStmt = db.prepare(`DELETE FROM task_tags WHERE tag_id = @tagId`);
    this.deleteTagStmt = db.prepare(`DELETE FROM tags WHERE id = @tagId`);
    this.renameStmt = db.prepare(`UPDATE tags SET name = @name, name_key = @nameKey WHERE id = @tagId`);
  }

  /** Tags on at least one task outside the trash, in name order. */
  all(userId: string): Tag[] {
    return this.allStmt
      .all({ userId })
      .map((row) => ({ name: row.name, count: row.task_count, activeCount: row.active_count }));
  }

  /** The tag ids for these names, or null when one of them is not a tag of this user (nothing can match). */
  idsOf(userId: string, names: readonly string[]): number[] | null {
    const ids: number[] = [];
    for (const name of names) {
      const row = this.byKeyStmt.get({ userId, nameKey: tagKey(name) });
      if (!row) return null;
      ids.push(row.id);
    }
    return ids;
  }

  /** Sets a task's tags to exactly `names` (call inside the task's write; the task is the user's). */
  setTaskTags(userId: string, taskId: string, names: readonly string[]): void {
    const now = this.now().toISOString();
    const wanted = new Set<number>();
    for (const name of names) {
      const nameKey = tagKey(name);
      this.ensureStmt.run({ userId, name, nameKey, now });
      wanted.add(this.byKeyStmt.get({ userId, nameKey })!.id);
    }
    const current = new Set(this.taskTagIdsStmt.all({ taskId }));
    for (const tagId of current) {
      if (!wanted.has(tagId)) {
        this.unlinkStmt.run({ tagId, taskId });
        this.dropIfUnusedStmt.run({ tagId });
      }
    }
    for (const tagId of wanted) if (!current.has(tagId)) this.linkStmt.run({ tagId, taskId });
    this.refreshNamesStmt.run({ ids: JSON.stringify([taskId]) });
  }

  /** Tag names per task id (tasks without tags are absent). */
  namesFor(taskIds: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (taskIds.length === 0) return out;
    for (const row of this.namesForStmt.all({ ids: JSON.stringify(taskIds) })) {
      const names = out.get(row.task_id);
      if (names) names.push(row.name);
      else out.set(row.task_id, [row.name]);
    }
    return out;
  }

  /**
   * Renames a tag on every task; onto another existing tag's name (ignoring case) the two merge under that tag's
   * spelling. Returns the resulting tag, or null when `name` is not a tag of this user.
   */
  rename(userId: string, name: string, newName: string): Promise<Tag | null> {
    return this.writes.run(() => {
      const from = this.byKeyStmt.get({ userId, nameKey: tagKey(name) });
      if (!from) return null;
      const newKey = tagKey(newName);
      const into = this.byKeyStmt.get({ userId, nameKey: newKey });
      const taskIds = this.tagTasksStmt.all({ tagId: from.id });
      if (into && into.id !== from.id) {
        this.mergeLinksStmt.run({ intoId: into.id, fromId: from.id });
        this.unlinkAllStmt.run({ tagId: from.id });
        this.deleteTagStmt.run({ tagId: from.id });
      } else {
        this.renameStmt.run({ tagId: from.id, name: newName, nameKey: newKey });
      }
      this.refreshNamesStmt.run({ ids: JSON.stringify(taskIds) });
      const row = this.byKeyStmt.get({ userId, nameKey: newKey })!;
      return { name: row.name, count: row.task_count, activeCount: row.active_count };
    });
  }

  /** Removes a tag from every task (trash included). false when it is not a tag of this user. */
  delete(userId: string, name: string): Promise<boolean> {
    return this.writes.run(() => {
      const tag = this.byKeyStmt.get({ userId, nameKey: tagKey(name) });
      if (!tag) return false;
      const taskIds = this.tagTasksStmt.all({ tagId: tag.id });
      this.unlinkAllStmt.run({ tagId: tag.id });
      this.deleteTagStmt.run({ tagId: tag.id });
      this.refreshNamesStmt.run({ ids: JSON.stringify(taskIds) });
      return true;
    });
  }
}
