// Reads this app's own export file (format=json, versions 1 and 2) into the rows every format hands the import.
// The envelope must be right or nothing happens (refused with a stable code); a bad task inside a good envelope is
// skipped and reported. Importing another account's export needs the caller's explicit consent.
import type { z } from 'zod';
import {
  EXPORT_FORMAT,
  EXPORT_VERSIONS,
  exportEnvelope,
  exportList,
  type ExportList,
  exportTask,
  type ExportTask,
  exportTaskV1,
  type ExportTaskV1,
  type ExportVersion,
} from '../../src-shared/export-schema.ts';
import type { ImportSkip } from '../../src-shared/import-schemas.ts';
import { INBOX_NAME } from '../../src-shared/list-schemas.ts';
import type { ImportRow, ReadResult } from './formats/format-reader.ts';

export type ImportRefusalCode = 'VALIDATION_FAILED' | 'IMPORT_UNSUPPORTED_VERSION' | 'IMPORT_USER_MISMATCH';

export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  readonly code: ImportRefusalCode;
  readonly details: Array<{ path: string; message: string }>;

  constructor(
    code: ImportRefusalCode,
    message: string,
    details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export interface ImportTarget {
  /** The account importing (the path's user id, already checked against the JWT). */
  userId: string;
  /** Consent to import another account's export: must equal the file's `userId`. */
  fromUser?: string;
}

export interface JsonImportPlan extends ReadResult {
  /** Whether the file came from another account. */
  foreign: boolean;
  version: ExportVersion;
}

function issues(error: z.ZodError, prefix = ''): Array<{ path: string; message: string }> {
  return error.issues.slice(0, 20).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function refuseFormat(): ImportRefused {
  return new ImportRefused(
    'VALIDATION_FAILED',
    `This is not a Tasks Desktop export (expected "format": "${EXPORT_FORMAT}").`,
    [{ path: 'format', message: `Expected "${EXPORT_FORMAT}".` }],
  );
}

function isKnownVersion(version: unknown): version is ExportVersion {
  return (EXPORT_VERSIONS as readonly unknown[]).includes(version);
}

function refuseVersion(version: unknown): ImportRefused {
  return new ImportRefused(
    'IMPORT_UNSUPPORTED_VERSION',
    `This export has version ${JSON.stringify(version)}; this app reads versions ${EXPORT_VERSIONS.join(' and ')}. ` +
      'Update Tasks Desktop to import it.',
    [{ path: 'version', message: `Expected ${EXPORT_VERSIONS.join(' or ')}.` }],
  );
}

function refuseUser(userId: string): ImportRefused {
  return new ImportRefused(
    'IMPORT_USER_MISMATCH',
    `This export belongs to another account (${userId}). Nothing was imported. To copy its tasks into ` +
      `this account anyway, repeat the request with ?fromUser=${encodeURIComponent(userId)}.`,
    [{ path: 'userId', message: 'Does not match the account importing.' }],
  );
}

/** A v2 row waits for the file's lists (which may come after the tasks) to learn its list's name. */
type PendingRow = ImportRow & { listRef: string | null };

/**
 * Builds the rows of an export file given piece by piece (as the streaming reader finds them): envelope fields in
 * any order, lists and tasks one at a time. A wrong `format`, `version` or `userId` is refused as soon as it is
 * given, so a reader can stop reading; each task is validated when it arrives, so no list of raw tasks is kept.
 */
export class ImportPlanner {
  private readonly envelope: Record<string, unknown> = {};
  private readonly rows: PendingRow[] = [];
  private readonly lists: ExportList[] = [];
  private readonly skipped: ImportSkip[] = [];
  private readonly seen = new Set<string>();
  private hasTasks = false;
  private listProblem: ImportRefused | null = null;

  constructor(private readonly target: ImportTarget) {}

  /** The file has a `tasks` array (possibly empty). */
  markTasksPresent(): void {
    this.hasTasks = true;
  }

  setEnvelopeField(key: string, value: unknown): void {
    this.envelope[key] = value;
    if (key === 'format' && value !== EXPORT_FORMAT) throw refuseFormat();
    if (key === 'version' && !isKnownVersion(value)) {
      if (this.envelope.format === EXPORT_FORMAT || !('format' in this.envelope)) throw refuseVersion(value);
    }
    if (key === 'userId' && typeof value === 'string' && value !== this.target.userId && this.target.fromUser !== value) {
      throw refuseUser(value);
    }
  }

  addList(raw: unknown, index: number): void {
    const parsed = exportList.safeParse(raw);
    if (!parsed.success) {
      this.listProblem ??= new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', issues(parsed.error, `lists.${index}`));
      return;
    }
    this.lists.push(parsed.data);
  }

  addTask(raw: unknown, index: number): void {
    this.hasTasks = true;
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const fileId = typeof rawId === 'string' ? rawId.slice(0, 100) : null;
    // Version 2 files carry their place; a task with `listId` is read as version 2 whatever order the keys came in.
    const v2 = this.envelope.version === 2 || (this.envelope.version === undefined && typeof raw === 'object' && raw !== null && 'listId' in raw);
    const parsed = v2 ? exportTask.safeParse(raw) : exportTaskV1.safeParse(raw);
    if (!parsed.success) {
      const message = issues(parsed.error)
        .map((i) => `${i.path || 'task'}: ${i.message}`)
        .join('; ');
      this.skipped.push({ id: fileId, index, reason: 'INVALID', message });
      return;
    }
    const id = parsed.data.id;
    if (this.seen.has(id)) {
      this.skipped.push({ id: fileId, index, reason: 'DUPLICATE_IN_FILE', message: 'The same id appears earlier in the file.' });
      return;
    }
    this.seen.add(id);
    this.rows.push(v2 ? this.v2Row(parsed.data as ExportTask, index) : this.v1Row(parsed.data, index));
  }

  private v2Row(data: ExportTask, index: number): PendingRow {
    const { id, listId, parentId, position, ...task } = data;
    return { index, key: id, listName: null, listRef: listId, parentKey: parentId, order: position, task };
  }

  /** Version 1 has no place: its tasks go into one list, newest first (as the app listed them then). */
  private v1Row(data: ExportTaskV1, index: number): PendingRow {
    const { id, ...task } = data;
    return { index, key: id, listName: null, listRef: null, parentKey: null, order: -Date.parse(task.createdAt), task };
  }

  /** The whole file has been given: checks the envelope as a whole and returns the rows. */
  finish(): JsonImportPlan {
    const envelope = this.envelope;
    if (envelope.format !== EXPORT_FORMAT) throw refuseFormat();
    if (!isKnownVersion(envelope.version)) throw refuseVersion(envelope.version);
    // The tasks were checked one by one; the envelope's own fields are checked here (tasks as a plain count).
    const parsed = exportEnvelope.safeParse({ ...envelope, tasks: [] });
    if (!parsed.success)
      throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', issues(parsed.error));
    if (!this.hasTasks) {
      throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', [{ path: 'tasks', message: 'Required.' }]);
    }
    if (this.listProblem) throw this.listProblem;
    const { userId, version } = parsed.data;
    const foreign = userId !== this.target.userId;
    if (foreign && this.target.fromUser !== userId) throw refuseUser(userId);
    const names = new Map(this.lists.map((list) => [list.id, list.isInbox ? INBOX_NAME : list.name]));
    const rows: ImportRow[] = this.rows.map(({ listRef, ...row }) => ({
      ...row,
      // A list id the file does not declare: the task goes where tasks of a file without lists go.
      listName: listRef === null ? null : (names.get(listRef) ?? null),
    }));
    const lists = this.lists.map((list) => ({
      name: list.isInbox ? INBOX_NAME : list.name,
      color: list.color,
      isInbox: list.isInbox,
    }));
    return { rows, skipped: this.skipped, lists, foreign, version };
  }
}

/** Plans an import from an already parsed body (the same rules as the streaming reader). */
export function planImport(body: unknown, target: ImportTarget): JsonImportPlan {
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const planner = new ImportPlanner(target);
  for (const key of ['format', 'version', 'exportedAt', 'userId'] as const) {
    if (key in record) planner.setEnvelopeField(key, record[key]);
  }
  const parsed = exportEnvelope.safeParse(body);
  if (!parsed.success) {
    planner.finish(); // format and version first, as the streaming reader reports them
    throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', issues(parsed.error));
  }
  planner.markTasksPresent();
  (parsed.data.lists ?? []).forEach((raw, index) => planner.addList(raw, index));
  parsed.data.tasks.forEach((raw, index) => planner.addTask(raw, index));
  return planner.finish();
}
