// Validates an import body and decides, before touching the database, which tasks it will try to add.
// The envelope must be right or nothing happens (refused with a stable code); a bad task inside a good
// envelope is skipped and reported. Importing another account's export needs the caller's explicit consent.
import type { z } from 'zod';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportEnvelope,
  type ExportTask,
  exportTask,
  type ImportSkip,
} from '../../src-shared/export-schema.ts';
import { deriveImportedId } from './imported-id.ts';

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

/** A task to insert: `id` the stored id (derived, see imported-id.ts), `sourceId` the file's; completedAt consistent. */
export type PlannedTask = ExportTask & { sourceId: string; sourceIndex: number };

export interface ImportPlan {
  tasks: PlannedTask[];
  skipped: ImportSkip[];
  /** Whether the file came from another account. */
  foreign: boolean;
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

function refuseVersion(version: unknown): ImportRefused {
  return new ImportRefused(
    'IMPORT_UNSUPPORTED_VERSION',
    `This export has version ${JSON.stringify(version)}; this app reads version ${EXPORT_VERSION}. ` +
      'Update Tasks Desktop to import it.',
    [{ path: 'version', message: `Expected ${EXPORT_VERSION}.` }],
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

function consistent(task: ExportTask): ExportTask {
  const completedAt = task.completed ? (task.completedAt ?? task.updatedAt) : null;
  return { ...task, completedAt };
}

/**
 * Builds an import plan from an export file given piece by piece (as a streaming reader finds them): envelope fields
 * in any order, tasks one at a time. A wrong `format`, `version` or `userId` is refused as soon as it is given, so a
 * reader can stop reading; each task is validated when it arrives, so no list of raw tasks is kept.
 */
export class ImportPlanner {
  private readonly envelope: Record<string, unknown> = {};
  private readonly tasks: PlannedTask[] = [];
  private readonly skipped: ImportSkip[] = [];
  private readonly seen = new Set<string>();
  private hasTasks = false;

  constructor(private readonly target: ImportTarget) {}

  /** The file has a `tasks` array (possibly empty). */
  markTasksPresent(): void {
    this.hasTasks = true;
  }

  setEnvelopeField(key: string, value: unknown): void {
    this.envelope[key] = value;
    if (key === 'format' && value !== EXPORT_FORMAT) throw refuseFormat();
    if (key === 'version' && value !== EXPORT_VERSION) {
      if (this.envelope.format === EXPORT_FORMAT || !('format' in this.envelope)) throw refuseVersion(value);
    }
    if (key === 'userId' && typeof value === 'string' && value !== this.target.userId && this.target.fromUser !== value) {
      throw refuseUser(value);
    }
  }

  addTask(raw: unknown, index: number): void {
    this.hasTasks = true;
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const fileId = typeof rawId === 'string' ? rawId.slice(0, 100) : null;
    const parsed = exportTask.safeParse(raw);
    if (!parsed.success) {
      const message = issues(parsed.error)
        .map((i) => `${i.path || 'task'}: ${i.message}`)
        .join('; ');
      this.skipped.push({ id: fileId, index, reason: 'INVALID', message });
      return;
    }
    if (this.seen.has(parsed.data.id)) {
      this.skipped.push({ id: fileId, index, reason: 'DUPLICATE_IN_FILE', message: 'The same id appears earlier in the file.' });
      return;
    }
    this.seen.add(parsed.data.id);
    const task = consistent(parsed.data);
    // Always derived from (this account, the file's id), own export or not: the stored id is then a function of this
    // account and the file only, never of what other accounts hold (no "id taken" oracle, no way to claim an id
    // another account will re-import), and importing the same file again maps to the same ids (idempotent).
    const id = deriveImportedId(this.target.userId, task.id, task.createdAt);
    this.tasks.push({ ...task, id, sourceId: task.id, sourceIndex: index });
  }

  /** The whole file has been given: checks the envelope as a whole and returns the plan. */
  finish(): ImportPlan {
    const envelope = this.envelope;
    if (envelope.format !== EXPORT_FORMAT) throw refuseFormat();
    if (envelope.version !== EXPORT_VERSION) throw refuseVersion(envelope.version);
    // The tasks were checked one by one; the envelope's own fields are checked here (tasks as a plain count).
    const parsed = exportEnvelope.safeParse({ ...envelope, tasks: [] });
    if (!parsed.success)
      throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', issues(parsed.error));
    if (!this.hasTasks) {
      throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', [{ path: 'tasks', message: 'Required.' }]);
    }
    const { userId } = parsed.data;
    const foreign = userId !== this.target.userId;
    if (foreign && this.target.fromUser !== userId) throw refuseUser(userId);
    return { tasks: this.tasks, skipped: this.skipped, foreign };
  }
}

/** Plans an import from an already parsed body (the same rules as the streaming reader). */
export function planImport(body: unknown, target: ImportTarget): ImportPlan {
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
  parsed.data.tasks.forEach((raw, index) => planner.addTask(raw, index));
  return planner.finish();
}
