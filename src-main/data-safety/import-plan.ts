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

function checkEnvelope(body: unknown): z.output<typeof exportEnvelope> {
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  if (record.format !== EXPORT_FORMAT) {
    throw new ImportRefused(
      'VALIDATION_FAILED',
      `This is not a Tasks Desktop export (expected "format": "${EXPORT_FORMAT}").`,
      [{ path: 'format', message: `Expected "${EXPORT_FORMAT}".` }],
    );
  }
  if (record.version !== EXPORT_VERSION) {
    throw new ImportRefused(
      'IMPORT_UNSUPPORTED_VERSION',
      `This export has version ${JSON.stringify(record.version)}; this app reads version ${EXPORT_VERSION}. ` +
        'Update Tasks Desktop to import it.',
      [{ path: 'version', message: `Expected ${EXPORT_VERSION}.` }],
    );
  }
  const parsed = exportEnvelope.safeParse(body);
  if (!parsed.success)
    throw new ImportRefused('VALIDATION_FAILED', 'The export file is malformed.', issues(parsed.error));
  return parsed.data;
}

function consistent(task: ExportTask): ExportTask {
  const completedAt = task.completed ? (task.completedAt ?? task.updatedAt) : null;
  return { ...task, completedAt };
}

export function planImport(body: unknown, target: ImportTarget): ImportPlan {
  const envelope = checkEnvelope(body);
  const foreign = envelope.userId !== target.userId;
  if (foreign && target.fromUser !== envelope.userId) {
    throw new ImportRefused(
      'IMPORT_USER_MISMATCH',
      `This export belongs to another account (${envelope.userId}). Nothing was imported. To copy its tasks into ` +
        `this account anyway, repeat the request with ?fromUser=${encodeURIComponent(envelope.userId)}.`,
      [{ path: 'userId', message: 'Does not match the account importing.' }],
    );
  }
  const tasks: PlannedTask[] = [];
  const skipped: ImportSkip[] = [];
  const seen = new Set<string>();
  envelope.tasks.forEach((raw, index) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const fileId = typeof rawId === 'string' ? rawId.slice(0, 100) : null;
    const parsed = exportTask.safeParse(raw);
    if (!parsed.success) {
      const message = issues(parsed.error)
        .map((i) => `${i.path || 'task'}: ${i.message}`)
        .join('; ');
      skipped.push({ id: fileId, index, reason: 'INVALID', message });
      return;
    }
    if (seen.has(parsed.data.id)) {
      skipped.push({
        id: fileId,
        index,
        reason: 'DUPLICATE_IN_FILE',
        message: 'The same id appears earlier in the file.',
      });
      return;
    }
    seen.add(parsed.data.id);
    const task = consistent(parsed.data);
    // Always derived from (this account, the file's id), own export or not: the stored id is then a function of this
    // account and the file only, never of what other accounts hold (no "id taken" oracle, no way to claim an id
    // another account will re-import), and importing the same file again maps to the same ids (idempotent).
    const id = deriveImportedId(target.userId, task.id, task.createdAt);
    tasks.push({ ...task, id, sourceId: task.id, sourceIndex: index });
  });
  return { tasks, skipped, foreign };
}
