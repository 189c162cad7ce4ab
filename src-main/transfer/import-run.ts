// One import, whatever the format: the reader's rows are validated with the API's own schemas, placed (lists,
// parents, positions: import-placement.ts), then written in batches (import-writer.ts), or, for a dry run, only
// placed: the dry run's answer is computed by the same code as the import's, and nothing is written.
import {
  type ImportFormat,
  type ImportResult,
  type ImportSkip,
  importedTask,
} from '../../src-shared/import-schemas.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { ensureInbox } from '../lists/list-repository.ts';
import type { ReadResult } from './formats/format-reader.ts';
import { deriveImportedId } from './imported-id.ts';
import { type CheckedRow, listResults, placeRows } from './import-placement.ts';
import { writeImport } from './import-writer.ts';

/** Time prefix of ids derived for rows without a creation time (the id must not depend on when it was imported). */
const NO_TIME = '1970-01-01T00:00:00.000Z';
const SLICE_MS = 10;

export interface ImportRunOptions {
  db: SqliteDatabase;
  writes: WriteQueue;
  userId: string;
  format: ImportFormat;
  /** `?listName`: the list for rows that name none (default: the Inbox). */
  listName: string | null;
  dryRun: boolean;
  now?: Date;
  /** Test hook, see WriteOptions.beforeBatch. */
  beforeBatch?: (written: number) => void;
}

export type ImportOutcome = Omit<ImportResult, 'importId'> & { importedIds: string[]; runId: string | null };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function issueText(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => `${issue.path.map(String).join('.') || 'task'}: ${issue.message}`)
    .join('; ');
}

/** Validates each row (skipping, with the reason, the ones that are not a valid task or repeat a key). */
async function checkRows(userId: string, read: ReadResult, skipped: ImportSkip[]): Promise<CheckedRow[]> {
  const checked: CheckedRow[] = [];
  const seen = new Set<string>();
  let last = performance.now();
  for (const row of read.rows) {
    const where = { index: row.index, id: row.key.includes(':') ? null : row.key, ...(row.line === undefined ? {} : { line: row.line }) };
    if (seen.has(row.key)) {
      skipped.push({ ...where, reason: 'DUPLICATE_IN_FILE', message: 'The same entry appears earlier in the file.' });
      continue;
    }
    seen.add(row.key);
    const parsed = importedTask.safeParse(row.task);
    if (!parsed.success) {
      skipped.push({ ...where, reason: 'INVALID', message: issueText(parsed.error) });
      continue;
    }
    const task = parsed.data;
    // Always derived from (this account, the file's key), own export or not: the stored id is a function of this
    // account and the file only, never of what other accounts hold, and the same file maps to the same ids again.
    checked.push({ row, task, id: deriveImportedId(userId, row.key, task.createdAt ?? NO_TIME) });
    if (performance.now() - last > SLICE_MS) {
      await nextTurn();
      last = performance.now();
    }
  }
  return checked;
}

export async function runImport(options: ImportRunOptions, read: ReadResult): Promise<ImportOutcome> {
  const { db, writes, userId } = options;
  const now = options.now ?? new Date();
  const skipped: ImportSkip[] = [...read.skipped];
  const rows = await checkRows(userId, read, skipped);
  // The Inbox exists from an account's first use on (any read of its lists creates it); make sure it does.
  const inboxId = await writes.run(() => ensureInbox(db, userId, now));
  const placement = await placeRows({
    db,
    userId,
    inboxId,
    listName: options.listName,
    rows,
    lists: read.lists ?? [],
    yieldNow: nextTurn,
  });
  skipped.push(...placement.skipped);
  skipped.sort((a, b) => a.index - b.index);
  const lists = listResults(placement.lists);
  const answer = { imported: placement.tasks.length, skipped, lists, dryRun: options.dryRun };
  if (options.dryRun || placement.tasks.length === 0 && !placement.lists.some((list) => list.create)) {
    return { ...answer, importedIds: [], runId: null };
  }
  const runId = await writeImport({
    db,
    writes,
    userId,
    format: options.format,
    placement,
    now,
    ...(options.beforeBatch ? { beforeBatch: options.beforeBatch } : {}),
  });
  return { ...answer, importedIds: placement.tasks.map((task) => task.id), runId };
}
